package org.batchscope.analyzer.diagnose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.batchscope.analyzer.metrics.OscillationMetrics;
import org.batchscope.analyzer.metrics.RunState;
import org.batchscope.analyzer.metrics.RunStateRule;
import org.batchscope.analyzer.logs.SeriesKind;

/**
 * The words and tables of a diagnosis: the per-log metric tables printed to stdout and shown in the
 * PDF, and a short plain-words reading of which log oscillates most and by how much. Numbers are
 * printed with four decimals.
 */
public final class DiagnosisText {

    /** Column names of the metric table; the metric names are the snake_case file names. */
    public static final List<String> COLUMNS = List.of("series", "x", "points", "window",
            OscillationMetrics.AMPLITUDE, OscillationMetrics.MEAN_ABS_CHANGE, OscillationMetrics.REVERSAL_RATE,
            OscillationMetrics.DETRENDED_STD, OscillationMetrics.HF_POWER_SHARE, OscillationMetrics.MAX_DRAWDOWN,
            "loss_spikes");

    private DiagnosisText() {
    }

    /** @return the cells of one log's table, one row per series, in {@link #COLUMNS} order */
    public static List<List<String>> rows(LogDiagnosis log) {
        List<List<String>> rows = new ArrayList<>();
        for (SeriesDiagnosis s : log.series()) {
            List<String> row = new ArrayList<>(List.of(s.curve().name(), s.curve().xName(),
                    Integer.toString(s.curve().points()), s.measured() ? Integer.toString(s.window()) : "-"));
            if (s.measured()) {
                s.metrics().toNamedMap().values().forEach(v -> row.add(number(v)));
            } else {
                for (int i = 0; i < 6; i++) {
                    row.add("-");
                }
            }
            row.add(s.lossSpikes() == null ? "-" : Integer.toString(s.lossSpikes()));
            rows.add(row);
        }
        return rows;
    }

    /** @return the tables of every log as aligned plain text, one block per log */
    public static String tables(Diagnosis diagnosis) {
        StringBuilder out = new StringBuilder();
        for (LogDiagnosis log : diagnosis.logs()) {
            out.append(log.label()).append("  (").append(log.log().file()).append(", ")
                    .append(log.log().layout().description())
                    .append(log.batchSize() == null ? "" : ", batch size " + log.batchSize())
                    .append(log.state() == null ? "" : ", state " + log.state().fileName()).append(")\n");
            List<List<String>> rows = new ArrayList<>();
            rows.add(COLUMNS);
            rows.addAll(rows(log));
            int[] widths = new int[COLUMNS.size()];
            for (List<String> row : rows) {
                for (int c = 0; c < row.size(); c++) {
                    widths[c] = Math.max(widths[c], row.get(c).length());
                }
            }
            for (List<String> row : rows) {
                StringBuilder line = new StringBuilder(" ");
                for (int c = 0; c < row.size(); c++) {
                    String format = c < 2 ? " %-" + widths[c] + "s" : " %" + widths[c] + "s";
                    line.append(String.format(Locale.ROOT, format, row.get(c)));
                }
                out.append(line.toString().stripTrailing()).append('\n');
            }
            for (SeriesDiagnosis s : log.series()) {
                if (!s.measured()) {
                    out.append("  ").append(s.curve().name()).append(": only ").append(s.curve().points())
                            .append(" points; the metrics need at least ").append(Diagnosis.MIN_POINTS).append('\n');
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * @return a few sentences on which log varies most and by how much ("oscillates" only when its state is
     *         oscillating: amplitude also counts a steady climb), the logs' states, and loss spikes
     */
    public static String reading(Diagnosis diagnosis) {
        List<String> sentences = new ArrayList<>();
        List<LogDiagnosis> comparable = new ArrayList<>(diagnosis.comparable());
        if (!comparable.isEmpty()) {
            SeriesKind kind = diagnosis.primary();
            String quantity = kind == SeriesKind.OTHER
                    ? diagnosis.primaryOf(comparable.get(0)).orElseThrow().curve().name() : kind.quantity();
            comparable.sort(Comparator.comparingDouble(
                    (LogDiagnosis d) -> diagnosis.primaryOf(d).orElseThrow().metrics().amplitude()).reversed());
            LogDiagnosis most = comparable.get(0);
            OscillationMetrics top = diagnosis.primaryOf(most).orElseThrow().metrics();
            if (comparable.size() == 1) {
                SeriesDiagnosis only = diagnosis.primaryOf(most).orElseThrow();
                sentences.add(String.format(Locale.ROOT, "%s: %s has amplitude %.4f over the last %d of %d points,"
                        + " reversal rate %.2f (1 = a perfect zig-zag, 0 = monotone).", most.label(), quantity,
                        top.amplitude(), only.window(), only.curve().points(), top.reversalRate()));
            } else {
                LogDiagnosis least = comparable.get(comparable.size() - 1);
                OscillationMetrics low = diagnosis.primaryOf(least).orElseThrow().metrics();
                String ratio = low.amplitude() > 0
                        ? String.format(Locale.ROOT, " (%.1f times as much)", top.amplitude() / low.amplitude())
                        : "";
                sentences.add(String.format(Locale.ROOT, "%s %s most in %s: amplitude %.4f against %.4f in %s%s;"
                        + " reversal rate %.2f against %.2f (1 = a perfect zig-zag, 0 = monotone).",
                        capitalise(quantity), most.state() == RunState.OSCILLATING ? "oscillates" : "varies",
                        most.label(), top.amplitude(), low.amplitude(), least.label(), ratio,
                        top.reversalRate(), low.reversalRate()));
            }
        }
        String states = diagnosis.logs().stream().filter(d -> d.state() != null)
                .map(d -> d.label() + " " + d.state().fileName()).collect(java.util.stream.Collectors.joining(", "));
        if (!states.isEmpty()) {
            sentences.add("States of the validation accuracy over the last half: " + states + " (improving = still"
                    + " rising, oscillating = zig-zags by more than " + RunStateRule.OSCILLATION_FLOOR + " x "
                    + RunStateRule.UNKNOWN_RESOLUTION + " around its trend, the validation-set size being unknown).");
        }
        for (LogDiagnosis log : diagnosis.logs()) {
            for (SeriesDiagnosis s : log.series()) {
                if (s.lossSpikes() != null) {
                    sentences.add(String.format(Locale.ROOT, "%s: %d loss spike%s in %d steps of %s"
                            + " (a minibatch loss above its EMA + 3 EM-std).", log.label(), s.lossSpikes(),
                            s.lossSpikes() == 1 ? "" : "s", s.curve().points(), s.curve().name()));
                }
            }
        }
        sentences.add("Metrics are measured over the window W, the last half of each series (ceil(T/2) points).");
        return String.join(" ", sentences);
    }

    /** @return {@code value} with four decimals, or NaN */
    public static String number(double value) {
        return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
