package org.batchscope.reports.charts;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.batchscope.reports.render.Axes;
import org.batchscope.reports.render.ChartStyle;
import org.batchscope.reports.render.Figure;
import org.batchscope.reports.render.PanelGrid;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Chart 3, heatmaps over batch size (columns) x noise ratio (rows): one panel per quantity (for a
 * sweep: oscillation amplitude and final accuracy), each cell coloured by its value on the panel's
 * own scale ({@link ColourRamp}, from the panel's smallest to its largest value, with a colour bar
 * labelled with the unit) and the value printed in it, so the chart reads without the colour bar.
 */
public final class HeatmapChart {

    /** File stem of the figure. */
    public static final String NAME = "heatmaps";

    private static final Font VALUE_FONT = new Font(ChartStyle.FONT_FAMILY, Font.BOLD, 14);

    private HeatmapChart() {
    }

    /**
     * @param title  the figure title
     * @param xLabel the column axis label (with unit)
     * @param yLabel the row axis label (with unit)
     * @param panels at least one
     */
    public static Figure figure(String title, String xLabel, String yLabel, List<HeatmapPanel> panels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("the heatmap chart needs at least one panel");
        }
        List<JFreeChart> charts = new ArrayList<>();
        for (HeatmapPanel panel : panels) {
            charts.add(panel(panel, xLabel, yLabel));
        }
        int columns = Math.min(2, panels.size());
        int rows = (panels.size() + columns - 1) / columns;
        int height = Math.max(Figure.DEFAULT_HEIGHT, 80 + rows * 470);
        PanelGrid grid = new PanelGrid(title, "each cell: the mean over seeds, printed; colour scale per panel",
                charts, null, columns);
        return new Figure(NAME, columns == 1 ? Figure.DEFAULT_WIDTH : 1100, height, grid);
    }

    /** @return the chart of one panel; its plot holds the cells as a z dataset and the printed values as annotations */
    static JFreeChart panel(HeatmapPanel panel, String xLabel, String yLabel) {
        int nx = panel.columns().size();
        int ny = panel.rows().size();
        double[][] data = new double[3][nx * ny];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < ny; r++) {
            for (int c = 0; c < nx; c++) {
                int i = r * nx + c;
                data[0][i] = c;
                data[1][i] = r;
                data[2][i] = panel.value(r, c);
                if (!Double.isNaN(panel.value(r, c))) {
                    min = Math.min(min, panel.value(r, c));
                    max = Math.max(max, panel.value(r, c));
                }
            }
        }
        if (!(max > min)) { // one distinct value (or none): a scale around it
            double mid = Double.isFinite(min) ? min : 0;
            double pad = Math.max(1e-3, Math.abs(mid) * 0.05);
            min = mid - pad;
            max = mid + pad;
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries(panel.quantity(), data);
        ColourRamp scale = new ColourRamp(min, max);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        renderer.setBlockAnchor(RectangleAnchor.CENTER);
        SymbolAxis xAxis = symbolAxis(xLabel, panel.columns());
        SymbolAxis yAxis = symbolAxis(yLabel, panel.rows());
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        ChartStyle.apply(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        for (int r = 0; r < ny; r++) {
            for (int c = 0; c < nx; c++) {
                double v = panel.value(r, c);
                XYTextAnnotation label = new XYTextAnnotation(format(v, panel.decimals()), c, r);
                label.setFont(VALUE_FONT);
                label.setPaint(ColourRamp.textOn(scale.colour(v)));
                plot.addAnnotation(label);
            }
        }
        JFreeChart chart = new JFreeChart(panel.quantity(), ChartStyle.SUBTITLE_FONT, plot, false);
        NumberAxis scaleAxis = Axes.value(panel.unit());
        scaleAxis.setRange(min, max);
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        legend.setStripWidth(14);
        legend.setSubdivisionCount(100);
        legend.setMargin(new RectangleInsets(8, 8, 8, 4));
        chart.addSubtitle(legend);
        ChartStyle.apply(chart).getTitle().setFont(ChartStyle.SUBTITLE_FONT);
        return chart;
    }

    private static SymbolAxis symbolAxis(String label, List<String> symbols) {
        SymbolAxis axis = new SymbolAxis(label, symbols.toArray(new String[0]));
        axis.setGridBandsVisible(false);
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        axis.setRange(-0.5, symbols.size() - 0.5);
        ChartStyle.style(axis);
        return axis;
    }

    /** @return the printed cell value: {@code decimals} decimals, or "n/a" */
    static String format(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
