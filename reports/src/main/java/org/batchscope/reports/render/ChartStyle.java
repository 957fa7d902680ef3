package org.batchscope.reports.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one look of every batchscope chart: white background, light grey grid, the Okabe-Ito colour
 * palette (distinguishable with the common colour-vision deficiencies) paired with a dash pattern
 * per series so that lines stay apart in greyscale print, and fonts sized for print.
 *
 * <p>Sizes are in logical pixels of the figure. A figure of {@link Figure#DEFAULT_WIDTH} logical
 * pixels is printed about 770 pt wide on a landscape A4 page (scale about 0.86), so the 13 px tick
 * labels print at about 11 pt and the 18 px titles at about 15 pt. The family is the Java logical
 * font {@value #FONT_FAMILY}, which the PDF export maps onto the standard Helvetica so that chart
 * text stays real, searchable text.
 */
public final class ChartStyle {

    /** Java's logical sans-serif font; Helvetica in the PDF. */
    public static final String FONT_FAMILY = "SansSerif";
    /** Figure titles. */
    public static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 18);
    /** Panel titles and figure subtitles. */
    public static final Font SUBTITLE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 14);
    /** Axis labels (names with units). */
    public static final Font AXIS_LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 14);
    /** Tick labels and legend items. */
    public static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 13);

    private static final Color GRID = new Color(0xD9D9D9);
    private static final Color[] PALETTE = {
        new Color(0x0072B2), // blue
        new Color(0xD55E00), // vermillion
        new Color(0x009E73), // bluish green
        new Color(0xCC79A7), // reddish purple
        new Color(0xE69F00), // orange
        new Color(0x56B4E9), // sky blue
        new Color(0x000000), // black
        new Color(0xF0E442), // yellow, last: weakest on white
    };
    private static final float[][] DASHES = {
        null, {8f, 4f}, {2f, 3f}, {10f, 4f, 2f, 4f},
    };

    static {
        // JFreeChart draws rotated labels (y axis titles) as outlines unless told otherwise; plain
        // drawString keeps them as text in the PDF and renders the same on current JDKs.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private ChartStyle() {
    }

    /** @return the palette colour of series {@code index}, cycling */
    public static Color color(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /** @return {@code color} with the given opacity in [0, 1] */
    public static Color translucent(Color color, double alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), (int) Math.round(255 * alpha));
    }

    /**
     * @return a line of {@code width} px whose dash pattern follows {@code index} (solid, dashed,
     *         dotted, dash-dot, cycling), so series differ in greyscale too
     */
    public static Stroke stroke(int index, float width) {
        float[] dash = DASHES[Math.floorMod(index, DASHES.length)];
        return dash == null
                ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /** @return a solid line of {@code width} px */
    public static Stroke solid(float width) {
        return stroke(0, width);
    }

    /** Styles a chart: white background, title font, legend font (if it has a legend). */
    public static JFreeChart apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(chart.getSubtitleCount() == 0 && chart.getLegend() == null ? SUBTITLE_FONT : TITLE_FONT);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            styleLegend(legend);
        }
        return chart;
    }

    /** Styles a legend: tick-sized items, no frame, a little padding. */
    public static void styleLegend(LegendTitle legend) {
        legend.setItemFont(TICK_FONT);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
    }

    /** Styles an XY plot and its axes: white background, light grid, print-size fonts. */
    public static XYPlot apply(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(solid(0.8f));
        plot.setRangeGridlineStroke(solid(0.8f));
        plot.setOutlinePaint(Color.GRAY);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            style(plot.getDomainAxis(i));
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            style(plot.getRangeAxis(i));
        }
        return plot;
    }

    /** Styles a category plot and its axes like {@link #apply(XYPlot)}. */
    public static CategoryPlot apply(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(solid(0.8f));
        plot.setOutlinePaint(Color.GRAY);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        CategoryAxis categories = plot.getDomainAxis();
        categories.setLabelFont(AXIS_LABEL_FONT);
        categories.setTickLabelFont(TICK_FONT);
        categories.setLabelPaint(Color.BLACK);
        categories.setTickLabelPaint(Color.BLACK);
        style(plot.getRangeAxis());
        return plot;
    }

    /** Styles one axis: label and tick fonts, dark grey lines. */
    public static void style(ValueAxis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(AXIS_LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
        axis.setAxisLinePaint(Color.DARK_GRAY);
        axis.setTickMarkPaint(Color.DARK_GRAY);
    }
}
