package org.batchscope.reports.charts;

import java.awt.Color;
import java.awt.Font;
import org.batchscope.reports.render.Axes;
import org.batchscope.reports.render.ChartStyle;
import org.batchscope.reports.render.Figure;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * Chart 5, reliance per cell: grouped bars, one group per cell (batch size and ratio), one
 * bar per reliance metric (mean over seeds, whisker +- one sample std), and a dashed line at chance.
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
        DefaultStatisticalCategoryDataset dataset = new DefaultStatisticalCategoryDataset();
        for (int m = 0; m < panel.metrics().size(); m++) {
            for (int c = 0; c < panel.cells().size(); c++) {
                double mean = panel.means()[m][c];
                double std = panel.stds()[m][c];
                dataset.add(Double.isNaN(mean) ? null : mean, Double.isNaN(std) ? null : std,
                        panel.metrics().get(m), panel.cells().get(c));
            }
        }
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setErrorIndicatorPaint(Color.DARK_GRAY);
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
}
