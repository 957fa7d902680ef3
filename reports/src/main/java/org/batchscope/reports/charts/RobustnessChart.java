package org.batchscope.reports.charts;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.batchscope.reports.render.Axes;
import org.batchscope.reports.render.ChartStyle;
import org.batchscope.reports.render.Figure;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/**
 * Chart 4, robustness curves: final accuracy against the noise-to-feature ratio r on a log10 axis,
 * one line per batch size with 95% interval whiskers over seeds, a dashed horizontal line at chance
 * and, for every batch size whose accuracy falls to within 5 points of chance, a vertical line at its
 * breakdown ratio in the line's colour, labelled with its value.
 */
public final class RobustnessChart {

    /** File stem of the figure. */
    public static final String NAME = "noise-robustness";

    private static final Font MARKER_FONT = new Font(ChartStyle.FONT_FAMILY, Font.PLAIN, 12);

    private RobustnessChart() {
    }

    /**
     * @param title      the figure title
     * @param series     one line per batch size; x = r > 0, y = accuracy (fraction)
     * @param breakdowns the breakdown ratio of each series in order, NaN where it has none
     * @param chance     the chance accuracy, fraction
     */
    public static Figure figure(String title, List<MetricSeries> series, double[] breakdowns, double chance) {
        if (series.isEmpty() || breakdowns.length != series.size()) {
            throw new IllegalArgumentException("need at least one series and one breakdown ratio (or NaN) per series");
        }
        NumberAxis xAxis = Axes.log10("noise-to-feature ratio r (energy ratio, log10 scale)");
        NumberAxis yAxis = Axes.value("final validation accuracy (fraction)");
        XYPlot plot = ErrorBarLines.plot(series, xAxis, yAxis, Axes::log10);
        ValueMarker chanceLine = new ValueMarker(chance, Color.DARK_GRAY, ChartStyle.stroke(1, 1.2f));
        chanceLine.setLabel("chance " + String.format(java.util.Locale.ROOT, "%.2f", chance));
        chanceLine.setLabelFont(MARKER_FONT);
        chanceLine.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        chanceLine.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addRangeMarker(chanceLine, Layer.BACKGROUND);
        for (int s = 0; s < series.size(); s++) {
            if (Double.isFinite(breakdowns[s]) && breakdowns[s] > 0) {
                ValueMarker line = new ValueMarker(Axes.log10(breakdowns[s]), ChartStyle.color(s),
                        ChartStyle.stroke(s, 1.6f));
                line.setLabel("breakdown " + series.get(s).name() + ": r = "
                        + new java.math.BigDecimal(breakdowns[s]).round(new java.math.MathContext(3)).toPlainString());
                line.setLabelFont(MARKER_FONT);
                line.setLabelPaint(ChartStyle.color(s));
                line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                line.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                line.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(8 + 16 * s, 4, 4, 4));
                plot.addDomainMarker(line, Layer.FOREGROUND);
            }
        }
        JFreeChart chart = ChartStyle.apply(new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true));
        return new Figure(NAME, Figure.DEFAULT_WIDTH, Figure.DEFAULT_HEIGHT, chart);
    }
}
