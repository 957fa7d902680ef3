package org.batchscope.reports.charts;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.batchscope.reports.render.Axes;
import org.batchscope.reports.render.ChartStyle;
import org.batchscope.reports.render.Figure;
import org.batchscope.reports.render.PanelGrid;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/**
 * Chart 7, the gradient noise scale over training: per panel (dataset), B_simple = tr(Sigma) / |G|^2
 * (examples) against epoch on a log10 axis, one line per batch size (the median over seeds at each
 * probe), thin grey horizontal lines at the batch sizes tried and a bold red dashed line at the
 * critical batch size. A batch size far below the noise scale averages mostly noise per step; one far
 * above it wastes examples (McCandlish et al. 2018).
 */
public final class NoiseScaleChart {

    /** File stem of the figure. */
    public static final String NAME = "gradient-noise-scale";

    private static final Color CRITICAL = new Color(0xC00000);
    private static final Font MARKER_FONT = new Font(ChartStyle.FONT_FAMILY, Font.PLAIN, 12);

    private NoiseScaleChart() {
    }

    /** @param panels at least one, each with at least one series */
    public static Figure figure(String title, List<NoiseScalePanel> panels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("the noise scale chart needs at least one panel");
        }
        List<JFreeChart> charts = new ArrayList<>();
        for (NoiseScalePanel panel : panels) {
            charts.add(panel(panel));
        }
        int columns = PanelGrid.columnsFor(panels.size());
        int rows = (panels.size() + columns - 1) / columns;
        int height = Math.max(Figure.DEFAULT_HEIGHT, 130 + rows * 420);
        PanelGrid grid = new PanelGrid(title, "grey lines: the batch sizes tried; red dashed: the critical batch size",
                charts, charts.get(0).getXYPlot(), columns);
        return new Figure(NAME, columns >= 3 ? 1100 : Figure.DEFAULT_WIDTH, height, grid);
    }

    static JFreeChart panel(NoiseScalePanel panel) {
        NumberAxis yAxis = Axes.log10("B_simple (examples, log10 scale)");
        NumberAxis xAxis = Axes.value("epoch");
        List<MetricSeries> logSeries = new ArrayList<>();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (MetricSeries s : panel.series()) {
            List<MetricPoint> points = new ArrayList<>();
            for (MetricPoint p : s.points()) {
                double y = Axes.log10(p.mean());
                points.add(MetricPoint.of(p.x(), y));
                low = Math.min(low, y);
                high = Math.max(high, y);
            }
            logSeries.add(new MetricSeries(s.name(), points));
        }
        XYPlot plot = ErrorBarLines.plot(logSeries, xAxis, yAxis, x -> x);
        for (int b : panel.batchSizes()) {
            ValueMarker line = marker(Axes.log10(b), "B = " + b, Color.GRAY, ChartStyle.stroke(2, 1.0f));
            plot.addRangeMarker(line, Layer.BACKGROUND);
            low = Math.min(low, Axes.log10(b));
            high = Math.max(high, Axes.log10(b));
        }
        if (Double.isFinite(panel.criticalBatch()) && panel.criticalBatch() > 0) {
            double y = Axes.log10(panel.criticalBatch());
            plot.addRangeMarker(marker(y, "critical batch size ~ " + Math.round(panel.criticalBatch()), CRITICAL,
                    ChartStyle.stroke(1, 2.4f)), Layer.FOREGROUND);
            low = Math.min(low, y);
            high = Math.max(high, y);
        }
        if (low < high) {
            yAxis.setRange(Math.floor(low * 4) / 4 - 0.1, Math.ceil(high * 4) / 4 + 0.1);
        }
        return ChartStyle.apply(new JFreeChart(panel.label(), ChartStyle.SUBTITLE_FONT, plot, false));
    }

    /** @return a labelled horizontal line at {@code y} (shared with {@link BatchSharpnessChart}) */
    static ValueMarker marker(double y, String label, Color color, java.awt.Stroke stroke) {
        ValueMarker marker = new ValueMarker(y, color, stroke);
        marker.setLabel(label);
        marker.setLabelFont(MARKER_FONT);
        marker.setLabelBackgroundColor(ChartStyle.translucent(Color.WHITE, 0.8));
        marker.setLabelPaint(color.darker());
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return marker;
    }
}
