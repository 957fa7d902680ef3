package org.batchscope.reports.charts;

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

/**
 * Chart 2, oscillation metrics against batch size: one panel per metric, one line per series (noise
 * ratio in a sweep; a single line for diagnosed logs), each point the mean over seeds with a
 * whisker spanning its 95% Student-t interval. Points without an interval (one seed, one log) have
 * no whisker. Batch sizes sit on a log2 axis, so 1, 2, 4, 8, ... are evenly spaced.
 */
public final class MetricByBatchSizeChart {

    /** File stem of the figure. */
    public static final String NAME = "oscillation-metrics";

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
        NumberAxis yAxis = Axes.value(panel.axisLabel());
        yAxis.setAutoRangeIncludesZero(true);
        XYPlot plot = ErrorBarLines.plot(panel.series(), xAxis(xScale), yAxis,
                x -> xScale.isLog2() ? Axes.log2(x) : x);
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
}
