package org.batchscope.reports.charts;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.batchscope.reports.render.Axes;
import org.batchscope.reports.render.ChartStyle;
import org.batchscope.reports.render.Figure;
import org.batchscope.reports.render.PanelGrid;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Chart 2, oscillation metrics against batch size: one panel per metric, one line per series (noise
 * ratio in a sweep; a single line for diagnosed logs), each point the mean over seeds with a
 * whisker spanning its 95% bootstrap interval. Points without an interval (one seed, one log) have
 * no whisker. Batch sizes sit on a log2 axis, so 1, 2, 4, 8, ... are evenly spaced.
 */
public final class MetricByBatchSizeChart {

    /** File stem of the figure. */
    public static final String NAME = "oscillation-metrics";

    private static final float LINE_WIDTH = 2.0f;
    private static final double CAP_LENGTH = 8;

    private MetricByBatchSizeChart() {
    }

    /**
     * @param title    the figure title
     * @param subtitle one line on how to read it, or null
     * @param xScale   the x axis
     * @param panels   one per metric, at least one; every panel lists the same series in the same order
     */
    public static Figure figure(String title, String subtitle, XScale xScale, List<MetricPanel> panels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("the metric chart needs at least one metric");
        }
        List<JFreeChart> charts = new ArrayList<>();
        for (MetricPanel panel : panels) {
            charts.add(panel(panel, xScale));
        }
        int columns = PanelGrid.columnsFor(panels.size());
        int rows = (panels.size() + columns - 1) / columns;
        int height = Math.max(Figure.DEFAULT_HEIGHT, 140 + rows * 300);
        int width = columns >= 3 ? 1100 : Figure.DEFAULT_WIDTH;
        PanelGrid grid = new PanelGrid(title, subtitle, charts, charts.get(0).getXYPlot(), columns);
        return new Figure(NAME, width, height, grid);
    }

    private static JFreeChart panel(MetricPanel panel, XScale xScale) {
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setCapLength(CAP_LENGTH);
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        for (int s = 0; s < panel.series().size(); s++) {
            MetricSeries line = panel.series().get(s);
            YIntervalSeries series = new YIntervalSeries(line.name(), false, true);
            for (MetricPoint p : line.points()) {
                series.add(xScale.isLog2() ? Axes.log2(p.x()) : p.x(), p.mean(), p.hasInterval() ? p.ciLow() : p.mean(),
                        p.hasInterval() ? p.ciHigh() : p.mean());
            }
            dataset.addSeries(series);
            renderer.setSeriesPaint(s, ChartStyle.color(s));
            renderer.setSeriesStroke(s, ChartStyle.stroke(s, LINE_WIDTH));
            renderer.setSeriesShape(s, shape(s));
        }
        renderer.setErrorStroke(ChartStyle.solid(1.4f));
        NumberAxis yAxis = Axes.value(panel.axisLabel());
        yAxis.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(dataset, xAxis(xScale), yAxis, renderer);
        ChartStyle.apply(plot);
        JFreeChart chart = new JFreeChart(panel.metric(), ChartStyle.SUBTITLE_FONT, plot, false);
        return ChartStyle.apply(chart);
    }

    private static ValueAxis xAxis(XScale xScale) {
        if (xScale.isLog2()) {
            return Axes.log2(xScale.label());
        }
        SymbolAxis axis = new SymbolAxis(xScale.label(), xScale.categories().toArray(new String[0]));
        axis.setGridBandsVisible(false);
        axis.setLowerMargin(0.1);
        axis.setUpperMargin(0.1);
        return axis;
    }

    private static Shape shape(int index) {
        switch (Math.floorMod(index, 4)) {
            case 0:
                return ShapeUtils.createDiamond(5);
            case 1:
                return new Rectangle2D.Double(-4, -4, 8, 8);
            case 2:
                return ShapeUtils.createUpTriangle(5);
            default:
                return new Ellipse2D.Double(-4, -4, 8, 8);
        }
    }
}
