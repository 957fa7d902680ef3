package org.batchscope.reports.sweep;

import java.util.ArrayList;
import java.util.List;
import org.batchscope.reports.charts.MetricPoint;
import org.batchscope.reports.charts.MetricSeries;
import org.batchscope.reports.charts.NoiseScaleChart;
import org.batchscope.reports.charts.NoiseScalePanel;
import org.batchscope.reports.results.ResultCell;
import org.batchscope.reports.results.ResultDataset;
import org.batchscope.reports.results.ResultRun;
import org.batchscope.reports.results.SweepResults;

/**
 * Chart 7: the gradient noise scale B_simple over training, one panel per dataset, one line per batch
 * size (and learning rate). At the k-th probe the line shows the median over the cell's completed
 * seeds of their finite, positive B_simple (seeds of a cell probe at the same steps); x is the epoch
 * of the probe, step x B / n_train. The critical batch size is the dataset's median B_simple from
 * {@code summary.json}.
 */
final class NoiseScaleSection implements ReportSection {

    @Override
    public String title() {
        return "Gradient noise scale";
    }

    @Override
    public SectionOutcome build(SweepResults results) {
        List<NoiseScalePanel> panels = new ArrayList<>();
        for (ResultDataset dataset : results.datasets()) {
            List<MetricSeries> series = new ArrayList<>();
            for (SweepResults.CellGroup group : results.groups()) {
                if (group.dataset() != dataset.index()) {
                    continue;
                }
                for (ResultCell cell : group.cells()) {
                    List<MetricPoint> points = ProbeMedians.of(results.completedRuns(cell), dataset.train(),
                            ResultRun.Probe::noiseScale, v -> Double.isFinite(v) && v > 0);
                    if (!points.isEmpty()) {
                        String lr = results.settings().lrs().size() > 1 ? ", lr " + cell.lr() : "";
                        series.add(new MetricSeries("B = " + cell.batchSize() + lr, points));
                    }
                }
            }
            if (!series.isEmpty()) {
                String label = dataset.ratio() == null ? "dataset " + dataset.index()
                        : "r = " + org.batchscope.reports.results.Numbers.compact(dataset.ratio());
                panels.add(new NoiseScalePanel(label, series, results.settings().batchSizes(),
                        dataset.gradientNoiseScale()));
            }
        }
        if (panels.isEmpty()) {
            return SectionOutcome.skipped("No gradient noise scale: the runs made no gradient probes with a finite,"
                    + " positive B_simple (analyze --probes-per-run N).");
        }
        return SectionOutcome.of(List.of(new CaptionedFigure(NoiseScaleChart.figure(
                "Gradient noise scale over training", panels),
                "B_simple = tr(Sigma) / |G|^2 (McCandlish et al. 2018), in examples, at each gradient probe: the"
                        + " median over seeds, one line per batch size, against epoch (log scale). It estimates the"
                        + " batch size above which larger batches stop cutting the number of steps. Grey lines mark"
                        + " the batch sizes tried; the red dashed line the critical batch size (the median over all"
                        + " runs' late-training values). Batches well below it take noisy steps; well above it,"
                        + " examples are wasted.")));
    }
}
