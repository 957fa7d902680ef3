package org.batchscope.analyzer.diagnose;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.batchscope.analyzer.logs.Curve;
import org.batchscope.analyzer.logs.NonFinite;
import org.batchscope.analyzer.metrics.OscillationMetrics;
import org.batchscope.analyzer.metrics.RunState;
import org.batchscope.analyzer.metrics.RunStateRule;

/**
 * The words and tables of a diagnosis: what was read from each log (layout, x column, compared series,
 * the reader's notes), the per-log metric tables printed to stdout and shown in the reports, and a
 * short plain-words reading: which log oscillates most and by how much, loss spikes, and where a run
 * diverged. Numbers are printed with {@value #SIGNIFICANT} significant digits.
 */
public final class DiagnosisText {

    /** Significant digits of printed numbers. */
    public static final int SIGNIFICANT = 4;

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

    /**
     * @return what was read from a log, one sentence per line: layout and x column (with the batch size and
     *         the {@link LogDiagnosis#state() state} when known), the compared series
     *         and how it was chosen, and the reader's notes
     */
    public static List<String> readAs(LogDiagnosis log) {
        List<String> lines = new ArrayList<>();
        String xs = String.join(", ", log.log().curves().stream().map(Curve::xName).distinct().toList());
        lines.add("read as " + log.log().layout().description() + ", x: " + xs
                + (log.batchSize() == null ? "" : ", batch size " + log.batchSize())
                + (log.state() == null ? "" : ", state " + log.state().fileName()));
        if (log.compared() != null) {
            lines.add("compared: " + log.compared().curve().name()
                    + (log.log().requested().isEmpty() ? "" : " (first --y)"));
        }
        if (log.choice() != null) {
            lines.add(log.choice());
        }
        lines.addAll(log.log().notes());
        for (Curve curve : log.nonFinite()) {
            lines.add(nonFinite(curve));
        }
        return lines;
    }

    /** @return the tables of every log as aligned plain text, one block per log */
    public static String tables(Diagnosis diagnosis) {
        StringBuilder out = new StringBuilder();
        for (LogDiagnosis log : diagnosis.logs()) {
            out.append(log.label()).append("  (").append(log.log().file()).append(")\n");
            for (String line : readAs(log)) {
                out.append("  ").append(line).append('\n');
            }
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
                            .append(s.curve().points() == 1 ? " finite point" : " finite points")
                            .append("; the metrics need at least ").append(Diagnosis.MIN_POINTS).append('\n');
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * @return a few sentences: where runs diverged, which log varies most and by how much ("oscillates" only
     *         when its state is oscillating: amplitude also counts a steady climb), the logs' states, and
     *         loss spikes
     */
    public static String reading(Diagnosis diagnosis) {
        List<String> sentences = new ArrayList<>();
        for (LogDiagnosis log : diagnosis.logs()) {
            Curve first = null;
            for (Curve curve : log.nonFinite()) {
                if (first == null || curve.nonFinite().line() < first.nonFinite().line()) {
                    first = curve;
                }
            }
            if (first != null) {
                NonFinite at = first.nonFinite();
                sentences.add(String.format(Locale.ROOT, "%s diverged at %s %s: %s is %s there (line %d)%s;"
                        + " its metrics use the finite values only.", log.label(), first.xName(),
                        position(at.x()), first.name(), at.text(), at.line(),
                        at.finiteAfter() == 0 ? " and never finite again" : " and finite again later"));
            }
        }
        List<LogDiagnosis> comparable = new ArrayList<>(diagnosis.comparable());
        if (!comparable.isEmpty()) {
            String quantity = comparable.get(0).compared().curve().quantity();
            comparable.sort(Comparator.comparingDouble(
                    (LogDiagnosis d) -> d.compared().metrics().amplitude()).reversed());
            LogDiagnosis most = comparable.get(0);
            OscillationMetrics top = most.compared().metrics();
            if (comparable.size() == 1) {
                SeriesDiagnosis only = most.compared();
                sentences.add(String.format(Locale.ROOT, "%s: %s (%s) has amplitude %s over the last %d of %d points,"
                        + " reversal rate %.2f (1 = a perfect zig-zag, 0 = monotone).", most.label(), quantity,
                        only.curve().name(), number(top.amplitude()), only.window(), only.curve().points(),
                        top.reversalRate()));
            } else {
                LogDiagnosis least = comparable.get(comparable.size() - 1);
                OscillationMetrics low = least.compared().metrics();
                String ratio = low.amplitude() > 0
                        ? String.format(Locale.ROOT, " (%.1f times as much)", top.amplitude() / low.amplitude())
                        : "";
                sentences.add(String.format(Locale.ROOT, "%s %s most in %s: amplitude %s against %s in %s%s;"
                        + " reversal rate %.2f against %.2f (1 = a perfect zig-zag, 0 = monotone).",
                        capitalise(quantity), most.state() == RunState.OSCILLATING ? "oscillates" : "varies",
                        most.label(), number(top.amplitude()), number(low.amplitude()), least.label(), ratio,
                        top.reversalRate(), low.reversalRate()));
            }
        }
        String states = diagnosis.logs().stream().filter(d -> d.state() != null)
                .map(d -> d.label() + " " + d.state().fileName()).collect(java.util.stream.Collectors.joining(", "));
        if (!states.isEmpty()) {
            sentences.add("States of the validation accuracy over the last half: " + states + " (improving = still"
                    + " rising, declining = falling, oscillating = zig-zags by more than " + RunStateRule.OSCILLATION_FLOOR + " x "
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

    /** @return one sentence on a series that holds non-finite values */
    public static String nonFinite(Curve curve) {
        NonFinite at = curve.nonFinite();
        return String.format(Locale.ROOT, "%s: %d value%s not finite, the first (%s) at %s %s, line %d", curve.name(),
                at.count(), at.count() == 1 ? " is" : "s are", at.text(), curve.xName(), position(at.x()), at.line());
    }

    /**
     * @return {@code value} with {@value #SIGNIFICANT} significant digits: plain between 0.001 and
     *         1,000,000 (0.05888, 1.000, 123.4), else in scientific notation (1.235e-05); NaN as NaN
     */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e6) {
            int scale = Math.max(0, SIGNIFICANT - 1 - (int) Math.floor(Math.log10(magnitude)));
            BigDecimal rounded = new BigDecimal(value).round(new MathContext(SIGNIFICANT, RoundingMode.HALF_EVEN));
            return rounded.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
        }
        return String.format(Locale.ROOT, "%." + (SIGNIFICANT - 1) + "e", value);
    }

    /** @return an x value: whole numbers (epochs, steps) without decimals, others as {@link #number} */
    static String position(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : number(x);
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
