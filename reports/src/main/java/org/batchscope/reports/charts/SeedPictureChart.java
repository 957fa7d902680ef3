package org.batchscope.reports.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batchscope.reports.render.Axes;
import org.batchscope.reports.render.ChartStyle;
import org.batchscope.reports.render.Figure;
import org.batchscope.reports.render.PanelGrid;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Chart 1, the seed picture: one panel per cell (batch size) or training log, each with its
 * quantities (accuracy above loss) against epoch or step. Every seed is a thin translucent line; the
 * pointwise mean over seeds is bold and the band between the pointwise minimum and maximum is
 * shaded. A quantity has the same y range in every panel, so the panels compare by eye.
 */
public final class SeedPictureChart {

    /** File stem of the figure. */
    public static final String NAME = "seed-picture";

    private static final float SEED_WIDTH = 0.9f;
    private static final float MEAN_WIDTH = 2.6f;
    private static final double SEED_ALPHA = 0.45;
    private static final float BAND_ALPHA = 0.2f;

    private SeedPictureChart() {
    }

    /**
     * @param title    the figure title
     * @param subtitle one line on how to read it, or null
     * @param panels   at least one panel
     */
    public static Figure figure(String title, String subtitle, List<SeedPanel> panels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("the seed picture needs at least one panel");
        }
        Map<String, Range> ranges = sharedRanges(panels);
        List<JFreeChart> charts = new ArrayList<>();
        for (SeedPanel panel : panels) {
            charts.add(panel(panel, ranges));
        }
        int columns = PanelGrid.columnsFor(panels.size());
        int rows = (panels.size() + columns - 1) / columns;
        int height = Math.max(Figure.DEFAULT_HEIGHT, 130 + rows * 430);
        PanelGrid grid = new PanelGrid(title, subtitle, charts, charts.get(0).getXYPlot(), columns);
        return new Figure(NAME, Figure.DEFAULT_WIDTH, height, grid);
    }

    private static JFreeChart panel(SeedPanel panel, Map<String, Range> ranges) {
        NumberAxis xAxis = Axes.counts(panel.xLabel());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(xAxis);
        plot.setGap(8);
        for (int row = 0; row < panel.rows().size(); row++) {
            SeedCurves curves = panel.rows().get(row);
            plot.add(subplot(curves, row, ranges.get(curves.quantity())), 1);
        }
        ChartStyle.apply(plot);
        JFreeChart chart = new JFreeChart(panel.label(), ChartStyle.SUBTITLE_FONT, plot, false);
        return ChartStyle.apply(chart);
    }

    private static XYPlot subplot(SeedCurves curves, int row, Range range) {
        Color color = ChartStyle.color(row);
        boolean severalSeeds = curves.seeds().size() > 1;

        XYSeriesCollection seedLines = new XYSeriesCollection();
        XYLineAndShapeRenderer seedRenderer = new XYLineAndShapeRenderer(true, false);
        if (severalSeeds) {
            for (int s = 0; s < curves.seeds().size(); s++) {
                XYSeries series = new XYSeries(s == 0 ? curves.quantity() + ": seeds"
                        : curves.quantity() + " seed " + (s + 1), false, true);
                double[] y = curves.seeds().get(s);
                for (int t = 0; t < y.length; t++) {
                    series.add(curves.x()[t], y[t]);
                }
                seedLines.addSeries(series);
                seedRenderer.setSeriesPaint(s, ChartStyle.translucent(color, SEED_ALPHA));
                seedRenderer.setSeriesStroke(s, ChartStyle.solid(SEED_WIDTH));
                seedRenderer.setSeriesVisibleInLegend(s, s == 0);
            }
        }

        YIntervalSeries meanSeries = new YIntervalSeries(severalSeeds
                ? curves.quantity() + ": mean, min-max" : curves.quantity());
        double[] mean = curves.mean();
        double[] min = curves.min();
        double[] max = curves.max();
        for (int t = 0; t < mean.length; t++) {
            meanSeries.add(curves.x()[t], mean[t], min[t], max[t]);
        }
        YIntervalSeriesCollection meanBand = new YIntervalSeriesCollection();
        meanBand.addSeries(meanSeries);
        DeviationRenderer meanRenderer = new DeviationRenderer(true, false);
        meanRenderer.setSeriesPaint(0, color);
        meanRenderer.setSeriesFillPaint(0, color);
        meanRenderer.setSeriesStroke(0, ChartStyle.solid(MEAN_WIDTH));
        meanRenderer.setAlpha(BAND_ALPHA);

        NumberAxis yAxis = Axes.value(curves.axisLabel());
        if (range != null) {
            yAxis.setRange(range);
        }
        XYPlot plot = new XYPlot(meanBand, null, yAxis, meanRenderer);
        plot.setDataset(1, seedLines);
        plot.setRenderer(1, seedRenderer);
        return ChartStyle.apply(plot);
    }

    /** The y range of each quantity over all panels and seeds, widened by 5% on each side. */
    private static Map<String, Range> sharedRanges(List<SeedPanel> panels) {
        Map<String, double[]> bounds = new LinkedHashMap<>();
        for (SeedPanel panel : panels) {
            for (SeedCurves curves : panel.rows()) {
                double[] b = bounds.computeIfAbsent(curves.quantity(),
                        q -> new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
                for (double[] seed : curves.seeds()) {
                    for (double v : seed) {
                        b[0] = Math.min(b[0], v);
                        b[1] = Math.max(b[1], v);
                    }
                }
            }
        }
        Map<String, Range> ranges = new LinkedHashMap<>();
        bounds.forEach((quantity, b) -> {
            double pad = b[1] > b[0] ? 0.05 * (b[1] - b[0]) : Math.max(1e-3, Math.abs(b[0]) * 0.05);
            ranges.put(quantity, new Range(b[0] - pad, b[1] + pad));
        });
        return ranges;
    }
}
