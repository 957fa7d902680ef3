package org.batchscope.reports.sweep;

import java.util.ArrayList;
import java.util.List;
import org.batchscope.analyzer.sweep.RunMetrics;
import org.batchscope.reports.charts.MetricPoint;
import org.batchscope.reports.charts.MetricSeries;
import org.batchscope.reports.charts.RobustnessChart;
import org.batchscope.reports.results.Numbers;
import org.batchscope.reports.results.ResultCell;
import org.batchscope.reports.results.Robustness;
import org.batchscope.reports.results.SweepResults;

/**
 * Chart 4 per learning rate, when the sweep has two or more noise ratios: final accuracy against r,
 * one line per batch size, with the breakdown ratio of {@code summary.json}'s
 * {@code noise_robustness} marked.
 */
final class RobustnessSection implements ReportSection {

    @Override
    public String title() {
        return "Robustness to structured noise";
    }

    @Override
    public SectionOutcome build(SweepResults results) {
        if (results.ratios().size() < 2 || results.robustness().isEmpty()) {
            return SectionOutcome.skipped("No robustness curves: they need two or more noise ratios r > 0 (the sweep"
                    + " has " + results.ratios().size() + ").");
        }
        List<Double> lrs = results.settings().lrs();
        List<CaptionedFigure> figures = new ArrayList<>();
        for (int i = 0; i < lrs.size(); i++) {
            double lr = lrs.get(i);
            List<MetricSeries> series = new ArrayList<>();
            List<Double> breakdowns = new ArrayList<>();
            double chance = Double.NaN;
            for (int b : results.settings().batchSizes()) {
                List<MetricPoint> points = new ArrayList<>();
                for (ResultCell c : results.cells()) {
                    if (c.lr() == lr && c.batchSize() == b && c.ratio() != null && c.ratio() > 0
                            && c.has(RunMetrics.FINAL_ACCURACY)) {
                        points.add(new MetricPoint(c.ratio(), c.mean(RunMetrics.FINAL_ACCURACY),
                                c.ciLow(RunMetrics.FINAL_ACCURACY), c.ciHigh(RunMetrics.FINAL_ACCURACY)));
                    }
                }
                Robustness row = results.robustness().stream().filter(r -> r.batchSize() == b && r.lr() == lr)
                        .findFirst().orElse(null);
                if (!points.isEmpty() && row != null) {
                    series.add(new MetricSeries("B = " + b, points.stream()
                            .sorted(java.util.Comparator.comparingDouble(MetricPoint::x)).toList()));
                    breakdowns.add(row.breakdownRatio());
                    chance = row.chance();
                }
            }
            if (series.isEmpty()) {
                continue;
            }
            String suffix = lrs.size() > 1 ? ", lr " + Numbers.compact(lr) : "";
            figures.add(new CaptionedFigure(FigureNames.numbered(RobustnessChart.figure(
                    "Final accuracy against noise ratio" + suffix, series,
                    breakdowns.stream().mapToDouble(Double::doubleValue).toArray(), chance), i, lrs.size()),
                    "Mean final validation accuracy over seeds against the noise-to-feature ratio r (log scale), one"
                            + " line per batch size, whiskers: 95% Student-t interval. A vertical line marks a batch"
                            + " size's breakdown ratio, the r at which its accuracy falls to chance + 0.05 or below"
                            + " (interpolated in log r); a batch size without one never broke down in the range tried."));
        }
        return figures.isEmpty() ? SectionOutcome.skipped("No robustness curves: no cell has a final accuracy.")
                : SectionOutcome.of(figures);
    }
}
