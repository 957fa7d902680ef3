package org.batchscope.reports.sweep;

import java.util.ArrayList;
import java.util.List;
import org.batchscope.analyzer.metrics.OscillationMetrics;
import org.batchscope.reports.charts.MetricByBatchSizeChart;
import org.batchscope.reports.charts.MetricPanel;
import org.batchscope.reports.charts.MetricPoint;
import org.batchscope.reports.charts.MetricSeries;
import org.batchscope.reports.charts.XScale;
import org.batchscope.reports.results.ResultCell;
import org.batchscope.reports.results.SweepResults;

/**
 * Chart 2: the six oscillation metrics of validation accuracy against batch size, one line per noise
 * ratio (and learning rate), each point the mean over seeds with its Student-t 95% interval.
 */
final class OscillationSection implements ReportSection {

    /** The metrics drawn, in panel order, with their units. */
    private static final List<String[]> METRICS = List.of(
            new String[] {OscillationMetrics.AMPLITUDE, "fraction"},
            new String[] {OscillationMetrics.MEAN_ABS_CHANGE, "fraction"},
            new String[] {OscillationMetrics.REVERSAL_RATE, "dimensionless"},
            new String[] {OscillationMetrics.DETRENDED_STD, "fraction"},
            new String[] {OscillationMetrics.HF_POWER_SHARE, "dimensionless"},
            new String[] {OscillationMetrics.MAX_DRAWDOWN, "fraction"});

    @Override
    public String title() {
        return "Oscillation against batch size";
    }

    @Override
    public SectionOutcome build(SweepResults results) {
        List<MetricPanel> panels = new ArrayList<>();
        for (String[] metric : METRICS) {
            List<MetricSeries> series = new ArrayList<>();
            for (SweepResults.CellGroup group : results.groups()) {
                List<MetricPoint> points = new ArrayList<>();
                for (ResultCell c : group.cells()) {
                    if (c.has(metric[0])) {
                        // every one of the six lies in [0, 1]
                        points.add(new MetricPoint(c.batchSize(), c.mean(metric[0]), c.ciLow(metric[0]),
                                c.ciHigh(metric[0])).within(0, 1));
                    }
                }
                series.add(new MetricSeries(group.label(), points));
            }
            if (series.stream().anyMatch(s -> !s.points().isEmpty())) {
                panels.add(new MetricPanel(metric[0], metric[1], series));
            }
        }
        if (panels.isEmpty()) {
            return SectionOutcome.skipped("No cell has oscillation metrics (every run failed or had fewer than"
                    + " 3 evaluations).");
        }
        return SectionOutcome.of(List.of(new CaptionedFigure(MetricByBatchSizeChart.figure(
                "Oscillation of validation accuracy against batch size",
                "mean over seeds; whiskers: Student-t 95% interval, cut at the metrics' range [0, 1];"
                        + " last half of each curve",
                XScale.batchSizeLog2(), panels),
                "The six oscillation metrics of the validation accuracy curve, measured over the last half of each"
                        + " run and averaged over seeds, one line per noise ratio. Whiskers span the"
                        + " Student-t interval of the mean, cut at 0 and 1 (every one of these metrics lies between"
                        + " them). Higher means more oscillation, except that reversal_rate"
                        + " says how often the curve turns (1 = at every evaluation) and hf_power_share how much of"
                        + " the wiggle is faster than 4 evaluations.")));
    }
}
