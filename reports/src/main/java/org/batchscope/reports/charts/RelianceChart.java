package org.batchscope.reports.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.Font;
import org.batchscope.reports.render.Axes;
import org.batchscope.reports.render.ChartStyle;
import org.batchscope.reports.render.Figure;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Chart 5, reliance per cell: grouped bars, one group per cell (batch size and ratio), one
 * bar per reliance metric (mean over seeds, whisker from the lowest to the highest seed: a fraction's whisker
 * stays within the values the seeds took, where mean +- std could cross 0 or 1), and a dashed line at chance.
 * Shortcut groups (rho &gt; 0): aligned, conflicting and worst-group accuracy and shortcut agreement.
 * Images: feature_reliance (share of swapped-eye images whose prediction follows the eyes; 1 = the
 * feature is used), bg_only_accuracy (accuracy on backgrounds alone; chance = no shortcut) and bg_gap
 * (accuracy lost when the background is swapped). Tables: the accuracy drops when the informative or
 * the noise columns are permuted.
 */
public final class RelianceChart {

    /** File stem of the background-sensitivity (or column-reliance) figure. */
    public static final String NAME = "background-reliance";

    private RelianceChart() {
    }

    /** @return the chart under file stem {@code name} */
    public static Figure figure(String name, String title, ReliancePanel panel) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (int m = 0; m < panel.metrics().size(); m++) {
            for (int c = 0; c < panel.cells().size(); c++) {
                double mean = panel.means()[m][c];
                dataset.addValue(Double.isNaN(mean) ? null : mean, panel.metrics().get(m), panel.cells().get(c));
            }
        }
        SeedRangeBarRenderer renderer = new SeedRangeBarRenderer(panel.lows(), panel.highs());
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int m = 0; m < panel.metrics().size(); m++) {
            renderer.setSeriesPaint(m, ChartStyle.color(m));
        }
        CategoryAxis cells = new CategoryAxis("cell (batch size B, noise ratio r)");
        cells.setCategoryMargin(0.25);
        if (panel.cells().size() > 6) {
            cells.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis values = Axes.value("fraction of test samples (or accuracy drop)");
        values.setAutoRangeIncludesZero(true);
        CategoryPlot plot = new CategoryPlot(dataset, cells, values, renderer);
        ChartStyle.apply(plot);
        if (Double.isFinite(panel.chance())) {
            ValueMarker chance = new ValueMarker(panel.chance(), Color.DARK_GRAY, ChartStyle.stroke(1, 1.2f));
            chance.setLabel("chance " + String.format(java.util.Locale.ROOT, "%.2f", panel.chance()));
            chance.setLabelFont(new Font(ChartStyle.FONT_FAMILY, Font.PLAIN, 12));
            chance.setLabelBackgroundColor(ChartStyle.translucent(Color.WHITE, 0.8));
            chance.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            chance.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(chance, Layer.FOREGROUND);
        }
        JFreeChart chart = ChartStyle.apply(new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true));
        int width = Math.max(Figure.DEFAULT_WIDTH, Math.min(1400, 200 + 70 * panel.cells().size()));
        return new Figure(name, width, Figure.DEFAULT_HEIGHT, chart);
    }

    /**
     * Bars (the means) with a whisker per bar from lows[series][column] to highs[series][column] and caps at both
     * ends; the value axis's automatic range covers the whiskers too.
     */
    private static final class SeedRangeBarRenderer extends BarRenderer {

        private static final double CAP_SHARE = 0.25;

        private final double[][] lows;
        private final double[][] highs;

        SeedRangeBarRenderer(double[][] lows, double[][] highs) {
            this.lows = lows;
            this.highs = highs;
        }

        @Override
        public Range findRangeBounds(CategoryDataset dataset, boolean includeInterval) {
            Range range = super.findRangeBounds(dataset, includeInterval);
            for (int m = 0; m < lows.length; m++) {
                for (int c = 0; c < lows[m].length; c++) {
                    if (Double.isFinite(lows[m][c]) && Double.isFinite(highs[m][c])) {
                        range = Range.expandToInclude(Range.expandToInclude(range, lows[m][c]), highs[m][c]);
                    }
                }
            }
            return range;
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            double low = lows[row][column];
            double high = highs[row][column];
            if (!Double.isFinite(low) || !Double.isFinite(high) || dataset.getValue(row, column) == null) {
                return;
            }
            double x = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, row, column)
                    + state.getBarWidth() / 2;
            double cap = state.getBarWidth() * CAP_SHARE;
            double y0 = rangeAxis.valueToJava2D(low, dataArea, plot.getRangeAxisEdge());
            double y1 = rangeAxis.valueToJava2D(high, dataArea, plot.getRangeAxisEdge());
            g2.setPaint(Color.DARK_GRAY);
            g2.setStroke(new BasicStroke(1.2f));
            g2.draw(new Line2D.Double(x, y0, x, y1));
            g2.draw(new Line2D.Double(x - cap, y0, x + cap, y0));
            g2.draw(new Line2D.Double(x - cap, y1, x + cap, y1));
        }
    }
}
