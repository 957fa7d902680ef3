package org.batchscope.reports.charts;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.batchscope.reports.render.ChartStyle;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The plot shared by charts 2 and 4: lines of means with a marker per point and a whisker spanning
 * each point's 95% interval (none where a point has no interval); series differ by colour, dash and
 * marker shape.
 */
final class ErrorBarLines {

    private static final float LINE_WIDTH = 2.0f;
    private static final double CAP_LENGTH = 8;

    private ErrorBarLines() {
    }

    /**
     * @param series the lines
     * @param xAxis  the x axis
     * @param yAxis  the y axis
     * @param toAxis maps a point's x to the axis coordinate (identity, log2, log10)
     */
    static XYPlot plot(List<MetricSeries> series, ValueAxis xAxis, ValueAxis yAxis, DoubleUnaryOperator toAxis) {
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setCapLength(CAP_LENGTH);
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        for (int s = 0; s < series.size(); s++) {
            MetricSeries line = series.get(s);
            YIntervalSeries points = new YIntervalSeries(line.name(), false, true);
            for (MetricPoint p : line.points()) {
                points.add(toAxis.applyAsDouble(p.x()), p.mean(), p.hasInterval() ? p.ciLow() : p.mean(),
                        p.hasInterval() ? p.ciHigh() : p.mean());
            }
            dataset.addSeries(points);
            renderer.setSeriesPaint(s, ChartStyle.color(s));
            renderer.setSeriesStroke(s, ChartStyle.stroke(s, LINE_WIDTH));
            renderer.setSeriesShape(s, shape(s));
        }
        renderer.setErrorStroke(ChartStyle.solid(1.4f));
        return ChartStyle.apply(new XYPlot(dataset, xAxis, yAxis, renderer));
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
