package org.batchscope.reports.sweep;

import java.util.ArrayList;
import java.util.List;
import org.batchscope.reports.charts.BatchSharpnessChart;
import org.batchscope.reports.charts.MetricPoint;
import org.batchscope.reports.charts.MetricSeries;
import org.batchscope.reports.results.Numbers;
import org.batchscope.reports.results.ResultCell;
import org.batchscope.reports.results.ResultDataset;
import org.batchscope.reports.results.ResultRun;
import org.batchscope.reports.results.SweepResults;

/**
 * Batch sharpness over training against the stability threshold, one panel per dataset and batch size,
 * one line per learning rate ({@link ProbeMedians} of the probes' finite batch sharpness); each line's
 * threshold is the median over its seeds of the run metric {@code stability_threshold}.
 */
final class BatchSharpnessSection implements ReportSection {

    @Override
    public String title() {
        return "Batch sharpness";
    }

    @Override
    public SectionOutcome build(SweepResults results) {
        List<BatchSharpnessChart.Panel> panels = new ArrayList<>();
        for (ResultDataset dataset : results.datasets()) {
            for (int batchSize : results.settings().batchSizes()) {
                List<MetricSeries> series = new ArrayList<>();
                List<Double> thresholds = new ArrayList<>();
                for (SweepResults.CellGroup group : results.groups()) {
                    if (group.dataset() != dataset.index()) {
                        continue;
                    }
                    for (ResultCell cell : group.cells()) {
                        if (cell.batchSize() != batchSize) {
                            continue;
                        }
                        List<ResultRun> runs = results.completedRuns(cell);
                        List<MetricPoint> points = ProbeMedians.of(runs, dataset.train(), ResultRun.Probe::batchSharpness,
                                Double::isFinite);
                        if (!points.isEmpty()) {
                            series.add(new MetricSeries("lr " + Numbers.compact(cell.lr()), points));
                            double[] t = runs.stream().mapToDouble(ResultRun::stabilityThreshold)
                                    .filter(Double::isFinite).sorted().toArray();
                            thresholds.add(t.length == 0 ? Double.NaN : ProbeMedians.median(t));
                        }
                    }
                }
                if (!series.isEmpty()) {
                    String data = results.datasets().size() == 1 ? "" : (dataset.ratio() == null
                            ? "dataset " + dataset.index() + ", " : "r = " + Numbers.compact(dataset.ratio()) + ", ");
                    panels.add(new BatchSharpnessChart.Panel(data + "B = " + batchSize, series, thresholds));
                }
            }
        }
        if (panels.isEmpty()) {
            return SectionOutcome.skipped("No batch sharpness: the runs made no gradient probes with it (the lean"
                    + " engine measures it at every probe: analyze --probes-per-run N).");
        }
        return SectionOutcome.of(List.of(new CaptionedFigure(BatchSharpnessChart.figure(
                "Batch sharpness against the stability threshold", panels),
                "Batch sharpness (Andreyev and Beneventano 2024): the mean over the probe set's minibatches of the"
                        + " run's batch size of g^T H g / |g|^2, the minibatch loss's curvature along its own"
                        + " gradient (exact Hessian-vector products), at each gradient probe: the median over seeds,"
                        + " one panel per batch size, one line per learning rate. The red dashed line is the"
                        + " optimiser's stability threshold at that learning rate (2/lr for SGD, 2(1+beta)/lr for"
                        + " heavy-ball momentum; Cohen et al. 2021). A line at its threshold trains at the edge of"
                        + " stability, where steps overshoot along the sharpest directions and the loss oscillates;"
                        + " one well below it is stable.")));
    }
}
