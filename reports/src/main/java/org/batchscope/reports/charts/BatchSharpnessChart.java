package org.batchscope.reports.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.batchscope.reports.render.Axes;
import org.batchscope.reports.render.ChartStyle;
import org.batchscope.reports.render.Figure;
import org.batchscope.reports.render.PanelGrid;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;

/**
 * Batch sharpness over training against the optimiser's stability threshold: one panel per batch size
 * (and dataset), batch sharpness (the minibatch loss's curvature along its own gradient, nats per
 * squared parameter unit) against epoch, one line per learning rate (the median over seeds at each
 * probe), and a red dashed line per learning rate at its stability threshold (2 / lr for SGD,
 * 2 (1 + beta) / lr for heavy-ball momentum; Cohen et al. 2021). A run whose line reaches its threshold
 * trains at the edge of stability; one far below it is stable.
 */
public final class BatchSharpnessChart {

    /** File stem of the figure. */
    public static final String NAME = "batch-sharpness";

    private static final Color THRESHOLD = new Color(0xC00000);

    private BatchSharpnessChart() {
    }

    /**
     * One panel.
     *
     * @param label      the panel title, for example {@code "B = 32"}
     * @param series     one line per learning rate: x = epoch, y = batch sharpness
     * @param thresholds the stability threshold of each line (same order; NaN: none, e.g. Adam)
     */
    public record Panel(String label, List<MetricSeries> series, List<Double> thresholds) {
        public Panel {
            series = List.copyOf(series);
            thresholds = List.copyOf(thresholds);
            if (series.size() != thresholds.size()) {
                throw new IllegalArgumentException(series.size() + " lines but " + thresholds.size() + " thresholds");
            }
        }
    }

    /** @param panels at least one, each with at least one series */
    public static Figure figure(String title, List<Panel> panels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("the batch sharpness chart needs at least one panel");
        }
        List<JFreeChart> charts = new ArrayList<>();
        for (Panel panel : panels) {
            charts.add(panel(panel));
        }
        int columns = PanelGrid.columnsFor(panels.size());
        int rows = (panels.size() + columns - 1) / columns;
        int height = Math.max(Figure.DEFAULT_HEIGHT, 130 + rows * 420);
        PanelGrid grid = new PanelGrid(title, "red dashed: the optimiser's stability threshold at the learning rate",
                charts, charts.get(0).getXYPlot(), columns);
        return new Figure(NAME, columns >= 3 ? 1100 : Figure.DEFAULT_WIDTH, height, grid);
    }

    static JFreeChart panel(Panel panel) {
        NumberAxis yAxis = Axes.value("batch sharpness (nats per squared weight unit)");
        NumberAxis xAxis = Axes.value("epoch");
        XYPlot plot = ErrorBarLines.plot(panel.series(), xAxis, yAxis, x -> x);
        double high = 0;
        for (MetricSeries s : panel.series()) {
            for (MetricPoint p : s.points()) {
                high = Math.max(high, p.mean());
            }
        }
        for (int i = 0; i < panel.thresholds().size(); i++) {
            double threshold = panel.thresholds().get(i);
            if (Double.isFinite(threshold)) {
                String name = panel.series().size() > 1 ? " (" + panel.series().get(i).name() + ")" : "";
                plot.addRangeMarker(NoiseScaleChart.marker(threshold, "stability threshold " + compact(threshold) + name,
                        THRESHOLD, ChartStyle.stroke(1, 2.4f)), Layer.FOREGROUND);
                high = Math.max(high, threshold);
            }
        }
        yAxis.setRange(0, high * 1.1 + 1e-12);
        return ChartStyle.apply(new JFreeChart(panel.label(), ChartStyle.SUBTITLE_FONT, plot, false));
    }

    private static String compact(double value) {
        return value >= 100 ? String.valueOf(Math.round(value)) : String.format(java.util.Locale.ROOT, "%.3g", value);
    }
}
