package org.batchscope.reports.charts;

import java.awt.Color;
import java.awt.Font;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
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
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * Chart 4, robustness curves: final accuracy against the noise-to-feature ratio r on a log10 axis,
 * one line per batch size with 95% interval whiskers over seeds, a dashed horizontal line at chance
 * and, for every batch size whose accuracy falls to chance + 0.05 or below, a vertical line at its
 * breakdown ratio in the line's colour, labelled with its value (also given in the legend).
 */
public final class RobustnessChart {

    /** File stem of the figure. */
    public static final String NAME = "noise-robustness";

    private static final Font MARKER_FONT = new Font(ChartStyle.FONT_FAMILY, Font.PLAIN, 12);
    private static final Color LABEL_BACKGROUND = ChartStyle.translucent(Color.WHITE, 0.8);

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
        List<MetricSeries> named = new ArrayList<>();
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < series.size(); s++) {
            boolean marked = Double.isFinite(breakdowns[s]) && breakdowns[s] > 0;
            named.add(new MetricSeries(series.get(s).name()
                    + (marked ? " (breakdown r = " + round(breakdowns[s]) + ")" : ""), series.get(s).points()));
            for (MetricPoint p : series.get(s).points()) {
                xMin = Math.min(xMin, Axes.log10(p.x()));
                xMax = Math.max(xMax, Axes.log10(p.x()));
            }
        }
        NumberAxis xAxis = Axes.log10("noise-to-feature ratio r (energy ratio, log10 scale)");
        NumberAxis yAxis = Axes.value("final validation accuracy (fraction)");
        XYPlot plot = ErrorBarLines.plot(named, xAxis, yAxis, Axes::log10);
        ValueMarker chanceLine = new ValueMarker(chance, Color.DARK_GRAY, ChartStyle.stroke(1, 1.2f));
        chanceLine.setLabel("chance " + String.format(java.util.Locale.ROOT, "%.2f", chance));
        chanceLine.setLabelFont(MARKER_FONT);
        chanceLine.setLabelBackgroundColor(LABEL_BACKGROUND);
        chanceLine.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        chanceLine.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addRangeMarker(chanceLine, Layer.BACKGROUND);
        for (int s = 0; s < series.size(); s++) {
            if (Double.isFinite(breakdowns[s]) && breakdowns[s] > 0) {
                double x = Axes.log10(breakdowns[s]);
                ValueMarker line = new ValueMarker(x, ChartStyle.color(s), ChartStyle.stroke(s, 1.6f));
                line.setLabel("r = " + round(breakdowns[s]));
                line.setLabelFont(MARKER_FONT);
                line.setLabelPaint(ChartStyle.color(s));
                line.setLabelBackgroundColor(LABEL_BACKGROUND);
                // labels of lines in the right half go left of the line, so they stay inside the plot
                boolean rightHalf = x > (xMin + xMax) / 2;
                line.setLabelAnchor(rightHalf ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
                line.setLabelTextAnchor(rightHalf ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
                line.setLabelOffset(new RectangleInsets(6 + 18 * s, 4, 4, 4));
                plot.addDomainMarker(line, Layer.FOREGROUND);
            }
        }
        JFreeChart chart = ChartStyle.apply(new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true));
        return new Figure(NAME, Figure.DEFAULT_WIDTH, Figure.DEFAULT_HEIGHT, chart);
    }

    private static String round(double r) {
        return new BigDecimal(r).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
