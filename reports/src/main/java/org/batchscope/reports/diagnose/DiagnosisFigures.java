package org.batchscope.reports.diagnose;

import org.batchscope.analyzer.diagnose.Diagnosis;
import org.batchscope.analyzer.diagnose.LogDiagnosis;
import org.batchscope.analyzer.diagnose.SeriesDiagnosis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.batchscope.analyzer.metrics.OscillationMetrics;
import org.batchscope.reports.charts.LossTrace;
import org.batchscope.reports.charts.MetricByBatchSizeChart;
import org.batchscope.reports.charts.MetricPanel;
import org.batchscope.reports.charts.MetricPoint;
import org.batchscope.reports.charts.MetricSeries;
import org.batchscope.reports.charts.MinibatchLossChart;
import org.batchscope.reports.charts.PointBudget;
import org.batchscope.reports.charts.SeedCurves;
import org.batchscope.reports.charts.SeedPanel;
import org.batchscope.reports.charts.SeedPictureChart;
import org.batchscope.reports.charts.XScale;
import org.batchscope.analyzer.logs.Curve;
import org.batchscope.analyzer.logs.SeriesKind;
import org.batchscope.analyzer.logs.TrainingLog;
import org.batchscope.reports.render.Figure;

/**
 * The charts of a diagnosis: the curves of each log (chart 1, one panel per log, a log being a
 * single seed), the oscillation metrics of the compared series per log (chart 2, against batch size
 * when every log has a known and different one, else per label) and the minibatch loss of every
 * log that has one per step (chart 6).
 */
public final class DiagnosisFigures {

    private DiagnosisFigures() {
    }

    /** @return the figures in report order; chart 2 only with a compared series, chart 6 only with per-step losses */
    public static List<Figure> of(Diagnosis diagnosis) {
        List<Figure> figures = new ArrayList<>();
        curves(diagnosis).ifPresent(figures::add);
        if (!diagnosis.comparable().isEmpty()) {
            figures.add(metrics(diagnosis));
        }
        List<LossTrace> traces = new ArrayList<>();
        for (LogDiagnosis log : diagnosis.logs()) {
            log.log().curves().stream().filter(c -> c.perStep() && c.kind() == SeriesKind.TRAIN_LOSS && c.points() > 0)
                    .max(Comparator.comparingInt(Curve::points))
                    .ifPresent(c -> traces.add(new LossTrace(log.label(), c.x(), c.y())));
        }
        if (!traces.isEmpty()) {
            figures.add(MinibatchLossChart.figure("Minibatch loss per step", "as logged", traces));
        }
        return figures;
    }

    /** @return the caption of a figure made by {@link #of} */
    public static String caption(Figure figure) {
        switch (figure.name()) {
            case SeedPictureChart.NAME:
                return "The logged curves, one panel per log: accuracy above, loss below, against the log's x"
                        + " (epoch, step or row), the compared series in its row. Each quantity has the same y range in every panel, so the panels compare by eye: a"
                        + " zig-zag that stays wide late in training is the oscillation the metrics measure.";
            case MetricByBatchSizeChart.NAME:
                return "The six oscillation metrics of the compared series, one point per log, measured over the"
                        + " last half of each curve. Higher means more oscillation, except that reversal_rate says"
                        + " how often the curve turns (1 = every step) and hf_power_share how much of the wiggle is"
                        + " faster than 4 points. Logs have no seeds, so there are no confidence whiskers.";
            default:
                return "The loss of each minibatch (thin), its exponential moving average (bold, alpha 0.1) and the"
                        + " spike threshold EMA + 3 EM-std (dashed). Triangles mark spikes: steps whose loss jumps"
                        + " far above the recent trend, typically a minibatch dominated by hard or mislabelled"
                        + " examples.";
        }
    }

    private static Optional<Figure> curves(Diagnosis diagnosis) {
        List<SeedPanel> panels = new ArrayList<>();
        for (LogDiagnosis log : panelOrder(diagnosis.logs())) {
            List<Curve> rows = rows(log);
            if (rows.isEmpty()) {
                continue;
            }
            List<SeedCurves> seedCurves = new ArrayList<>();
            for (Curve c : rows) {
                int[] kept = PointBudget.indices(c.y(), PointBudget.BUCKETS);
                seedCurves.add(new SeedCurves(c.quantity(), c.kind().unit(), PointBudget.pick(c.x(), kept),
                        List.of(PointBudget.pick(c.y(), kept))));
            }
            panels.add(new SeedPanel(log.label(), rows.get(0).xName(), seedCurves));
        }
        return panels.isEmpty() ? Optional.empty() : Optional.of(SeedPictureChart.figure("Training curves per log",
                "one panel per log; the same y range in every panel", panels));
    }

    /**
     * @return the logs sorted by batch size, numerically (bs8 before bs64), when every log has one; else
     *         in the order given
     */
    static List<LogDiagnosis> panelOrder(List<LogDiagnosis> logs) {
        return logs.stream().allMatch(l -> l.batchSize() != null)
                ? logs.stream().sorted((a, b) -> Integer.compare(a.batchSize(), b.batchSize())).toList() : logs;
    }

    /**
     * The compared series in its row (accuracy above, loss below), the other row filled with the log's
     * validation (else training) series of that quantity, once per epoch; a log with neither shows its
     * first measured series. Test series, often a single point, are not drawn.
     */
    private static List<Curve> rows(LogDiagnosis log) {
        Curve compared = log.compared() == null ? null : log.compared().curve();
        List<Curve> rows = new ArrayList<>();
        if (compared != null && !compared.kind().isAccuracy() && !isLoss(compared)) {
            rows.add(compared);
            return rows;
        }
        (compared != null && compared.kind().isAccuracy() ? Optional.of(compared)
                : pick(log.log(), SeriesKind.VAL_ACCURACY, SeriesKind.TRAIN_ACCURACY)).ifPresent(rows::add);
        (compared != null && isLoss(compared) ? Optional.of(compared)
                : pick(log.log(), SeriesKind.VAL_LOSS, SeriesKind.TRAIN_LOSS)).ifPresent(rows::add);
        if (rows.isEmpty()) {
            log.series().stream().map(SeriesDiagnosis::curve).filter(c -> c.points() > 0).findFirst().ifPresent(rows::add);
        }
        rows.removeIf(c -> c.points() == 0);
        return rows;
    }

    private static boolean isLoss(Curve curve) {
        return curve.kind() == SeriesKind.VAL_LOSS || curve.kind() == SeriesKind.TRAIN_LOSS
                || curve.kind() == SeriesKind.TEST_LOSS;
    }

    private static Optional<Curve> pick(TrainingLog log, SeriesKind preferred, SeriesKind fallback) {
        for (SeriesKind kind : List.of(preferred, fallback)) {
            Optional<Curve> found = log.curves().stream()
                    .filter(c -> c.kind() == kind && !c.perStep() && c.points() > 1).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Figure metrics(Diagnosis diagnosis) {
        List<LogDiagnosis> logs = diagnosis.comparable();
        boolean byBatchSize = diagnosis.hasDistinctBatchSizes();
        if (byBatchSize) {
            logs = logs.stream().sorted((a, b) -> Integer.compare(a.batchSize(), b.batchSize())).toList();
        }
        SeriesDiagnosis first = diagnosis.primaryOf(logs.get(0)).orElseThrow();
        String quantity = first.curve().quantity();
        String unit = first.curve().kind().unit();
        List<String> names = new ArrayList<>(first.metrics().toNamedMap().keySet());
        List<MetricPanel> panels = new ArrayList<>();
        for (String metric : names) {
            List<MetricPoint> points = new ArrayList<>();
            for (int i = 0; i < logs.size(); i++) {
                LogDiagnosis log = logs.get(i);
                double value = diagnosis.primaryOf(log).orElseThrow().metrics().toNamedMap().get(metric);
                points.add(MetricPoint.of(byBatchSize ? log.batchSize() : i, value));
            }
            boolean dimensionless = metric.equals(OscillationMetrics.REVERSAL_RATE)
                    || metric.equals(OscillationMetrics.HF_POWER_SHARE);
            panels.add(new MetricPanel(metric, dimensionless ? "dimensionless" : unit,
                    List.of(new MetricSeries(quantity, points))));
        }
        XScale xScale = byBatchSize ? XScale.batchSizeLog2()
                : XScale.labels("log", logs.stream().map(LogDiagnosis::label).toList());
        return MetricByBatchSizeChart.figure("Oscillation of " + quantity + " per log",
                "measured over the last half of each curve", xScale, panels);
    }
}
