package org.batchscope.reports.sweep;

import java.util.ArrayList;
import java.util.List;
import org.batchscope.reports.charts.MetricByBatchSizeChart;
import org.batchscope.reports.charts.MetricPanel;
import org.batchscope.reports.charts.MetricPoint;
import org.batchscope.reports.charts.MetricSeries;
import org.batchscope.reports.charts.XScale;
import org.batchscope.reports.render.Axes;
import org.batchscope.reports.results.ResultCell;
import org.batchscope.reports.results.SweepResults;

/**
 * A chart of per-cell measures against batch size (log2 axis; {@code full} sits at B = n): one panel per
 * measure, one line per dataset (and learning rate), each point the mean over seeds with its Student-t 95%
 * interval as whisker. A measure drawn on a log scale shows log10 of the mean and of the interval ends
 * (points whose mean is not positive are left out), so the chart is log-log. The three instances are the
 * report's charts 9-11: generalization gap, sharpness and cost.
 */
final class BatchSizeMetricSection implements ReportSection {

    /**
     * One panel.
     *
     * @param name  the summary's metric name
     * @param label its unit, shown after the name on the y axis
     * @param log   whether to draw log10 of the values
     */
    record Measure(String name, String label, boolean log) {
    }

    private final String title;
    private final String figureName;
    private final List<Measure> measures;
    private final String caption;
    private final String skipped;

    private BatchSizeMetricSection(String title, String figureName, List<Measure> measures, String caption, String skipped) {
        this.title = title;
        this.figureName = figureName;
        this.measures = List.copyOf(measures);
        this.caption = caption;
        this.skipped = skipped;
    }

    /** Chart 9: gap_accuracy = train - held-out accuracy; gap_loss = train - held-out loss. */
    static BatchSizeMetricSection generalization() {
        return new BatchSizeMetricSection("Generalization gap against batch size", "generalization-gap", List.of(
                new Measure("gap_accuracy", "train - held-out, fraction", false),
                new Measure("gap_loss", "train - held-out, nats; usually < 0", false)),
                "The generalization gap of each run's final model, mean over seeds with Student-t 95% interval, one"
                        + " line per dataset. Left: training accuracy minus held-out accuracy (the test split, or the"
                        + " validation split when there is none); higher means the model does better on what it"
                        + " trained on. Right: training loss minus held-out loss (the same order as for accuracy), so a larger"
                        + " gap is a more negative value. Keskar et al. (2017) found large batches generalize worse.",
                "No cell has a generalization gap (no completed run, or results from before it was measured).");
    }

    /** Chart 10: epsilon-sharpness and the largest Hessian eigenvalue. */
    static BatchSizeMetricSection sharpness() {
        return new BatchSizeMetricSection("Sharpness against batch size", "sharpness", List.of(
                new Measure("eps_sharpness", "percent", false),
                new Measure("hessian_max_eig", "nats per squared weight unit", false)),
                "Sharpness of the minimum each run ends in, mean over seeds with Student-t 95% interval."
                        + " Keskar's epsilon-sharpness (when measured, analyze --eps-steps), the largest relative loss"
                        + " increase found in the box |y_i| <= eps (|x_i| + 1) around the weights, in percent; the largest"
                        + " eigenvalue of the training-loss Hessian by the Lanczos iteration. Both on a fixed training"
                        + " subset; sharper minima are expected to generalize worse.",
                "No cell has sharpness (it needs the lean engine; the dl4j engine does not measure it).");
    }

    /** Chart 11: seconds per epoch and steps to the target accuracy, log-log. */
    static BatchSizeMetricSection cost() {
        return new BatchSizeMetricSection("Cost against batch size", "cost", List.of(
                new Measure("seconds_per_epoch", "s, log10 scale", true),
                new Measure("steps_to_target", "steps, log10 scale", true),
                new Measure("seconds_to_target", "s, log10 scale", true)),
                "What each batch size costs, log-log, mean over seeds with Student-t 95% interval: training seconds"
                        + " per epoch (evaluations excluded), and the steps and training seconds until the validation"
                        + " accuracy first reaches the target (summary.json, datasets: target_accuracy), over the seeds"
                        + " that reach it. Steps to result (Shallue et al. 2019) fall with the batch size until the"
                        + " critical batch size; seconds also depend on how well larger steps use the cores.",
                "No cell has timing (results from before cost was measured).");
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public SectionOutcome build(SweepResults results) {
        List<MetricPanel> panels = new ArrayList<>();
        for (Measure measure : measures) {
            List<MetricSeries> series = new ArrayList<>();
            for (SweepResults.CellGroup group : results.groups()) {
                List<MetricPoint> points = new ArrayList<>();
                for (ResultCell c : group.cells()) {
                    if (c.has(measure.name()) && (!measure.log() || c.mean(measure.name()) > 0)) {
                        points.add(point(c, measure));
                    }
                }
                series.add(new MetricSeries(group.label(), points));
            }
            if (series.stream().anyMatch(s -> !s.points().isEmpty())) {
                panels.add(new MetricPanel(measure.name(), measure.label(), series));
            }
        }
        if (panels.isEmpty()) {
            return SectionOutcome.skipped(skipped);
        }
        return SectionOutcome.of(List.of(new CaptionedFigure(MetricByBatchSizeChart.figure(title,
                "mean over seeds; whiskers: Student-t 95% interval", XScale.batchSizeLog2(), panels).named(figureName),
                caption)));
    }

    private static MetricPoint point(ResultCell c, Measure m) {
        String n = m.name();
        if (!m.log()) {
            return new MetricPoint(c.batchSize(), c.mean(n), c.ciLow(n), c.ciHigh(n));
        }
        return new MetricPoint(c.batchSize(), Axes.log10(c.mean(n)), log10OrNaN(c.ciLow(n)), log10OrNaN(c.ciHigh(n)));
    }

    private static double log10OrNaN(double v) {
        return v > 0 ? Axes.log10(v) : Double.NaN;
    }
}
