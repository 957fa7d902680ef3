package org.batchscope.reports.sweep;

import java.util.ArrayList;
import java.util.List;
import org.batchscope.analyzer.metrics.OscillationMetrics;
import org.batchscope.analyzer.sweep.RunMetrics;
import org.batchscope.reports.charts.HeatmapChart;
import org.batchscope.reports.charts.HeatmapPanel;
import org.batchscope.reports.results.Numbers;
import org.batchscope.reports.results.ResultCell;
import org.batchscope.reports.results.SweepResults;

/**
 * Chart 3 per learning rate, when the sweep has two or more noise ratios: heatmaps over batch size x
 * r of the mean validation-accuracy amplitude and the mean final validation accuracy.
 */
final class HeatmapSection implements ReportSection {

    @Override
    public String title() {
        return "Heatmaps over batch size and noise ratio";
    }

    @Override
    public SectionOutcome build(SweepResults results) {
        List<Double> ratios = results.ratios();
        if (ratios.size() < 2) {
            return SectionOutcome.skipped("No heatmaps: the sweep has " + ratios.size() + " noise ratio"
                    + (ratios.size() == 1 ? "" : "s") + "; they need two or more (analyze --spec FILE --ratios R,R,...).");
        }
        List<Integer> batchSizes = results.settings().batchSizes();
        List<Double> lrs = results.settings().lrs();
        List<CaptionedFigure> figures = new ArrayList<>();
        for (int i = 0; i < lrs.size(); i++) {
            double lr = lrs.get(i);
            List<HeatmapPanel> panels = List.of(
                    panel(results, lr, OscillationMetrics.AMPLITUDE, "amplitude of validation accuracy", 3),
                    panel(results, lr, RunMetrics.FINAL_ACCURACY, "final validation accuracy", 2));
            String suffix = lrs.size() > 1 ? ", lr " + Numbers.compact(lr) : "";
            figures.add(new CaptionedFigure(FigureNames.numbered(HeatmapChart.figure(
                    "Oscillation and accuracy over batch size and noise ratio" + suffix,
                    "batch size (examples per step)", "noise-to-feature ratio r", panels), i, lrs.size()),
                    "Each cell is one batch size (column) at one noise ratio (row), coloured by the mean over seeds"
                            + " and with that mean printed. Left: amplitude (standard deviation of validation accuracy"
                            + " over the last half of training; lighter = more oscillation). Right: final validation"
                            + " accuracy (lighter = better). Each panel has its own colour scale; n/a marks a cell"
                            + " without completed seeds."));
        }
        return SectionOutcome.of(figures);
    }

    private static HeatmapPanel panel(SweepResults results, double lr, String metric, String quantity, int decimals) {
        List<Integer> batchSizes = results.settings().batchSizes();
        List<Double> ratios = results.ratios();
        double[][] values = new double[ratios.size()][batchSizes.size()];
        for (int r = 0; r < ratios.size(); r++) {
            for (int b = 0; b < batchSizes.size(); b++) {
                values[r][b] = value(results, lr, ratios.get(r), batchSizes.get(b), metric);
            }
        }
        return new HeatmapPanel(quantity + " (mean over seeds)", "fraction",
                batchSizes.stream().map(String::valueOf).toList(), ratios.stream().map(Numbers::compact).toList(),
                values, decimals);
    }

    private static double value(SweepResults results, double lr, double ratio, int batchSize, String metric) {
        return results.cells().stream()
                .filter(c -> c.lr() == lr && c.ratio() != null && c.ratio() == ratio && c.batchSize() == batchSize)
                .mapToDouble(c -> c.mean(metric)).findFirst().orElse(Double.NaN);
    }
}
