package org.batchscope.reports.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.batchscope.analyzer.metrics.LossSpikes;
import org.batchscope.reports.render.Axes;
import org.batchscope.reports.render.ChartStyle;
import org.batchscope.reports.render.Figure;
import org.batchscope.reports.render.PanelGrid;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Chart 6, minibatch loss per step: one panel per run (one seed per batch size), the raw loss as a
 * thin line, its exponential moving average bold, the spike threshold (EMA + 3 EM-std, judged before
 * each step) dashed, and every loss spike ({@link LossSpikes}) as a red triangle. Spikes are found on
 * every step; a long run's lines are drawn from {@link PointBudget}'s thinned points.
 */
public final class MinibatchLossChart {

    /** File stem of the figure. */
    public static final String NAME = "minibatch-loss";

    private static final Color SPIKE = new Color(0xC00000);
    /** Above this many spikes in a panel their triangles are drawn small, so they do not hide the curve. */
    private static final int MANY_SPIKES = 200;

    private MinibatchLossChart() {
    }

    /**
     * @param title    the figure title
     * @param lossUnit the unit of the loss, for example {@code "nats"} or {@code "as logged"}
     * @param traces   at least one
     */
    public static Figure figure(String title, String lossUnit, List<LossTrace> traces) {
        if (traces.isEmpty()) {
            throw new IllegalArgumentException("the minibatch loss chart needs at least one run");
        }
        List<JFreeChart> charts = new ArrayList<>();
        for (LossTrace trace : traces) {
            charts.add(panel(trace, lossUnit));
        }
        int columns = PanelGrid.columnsFor(traces.size());
        int rows = (traces.size() + columns - 1) / columns;
        int height = Math.max(Figure.DEFAULT_HEIGHT, 130 + rows * 300);
        String subtitle = "thin: loss of each minibatch; bold: EMA (alpha " + LossSpikes.DEFAULT_ALPHA
                + "); dashed: EMA + 3 EM-std; triangles: spikes";
        PanelGrid grid = new PanelGrid(title, subtitle, charts, charts.get(0).getXYPlot(), columns);
        return new Figure(NAME, Figure.DEFAULT_WIDTH, height, grid);
    }

    private static JFreeChart panel(LossTrace trace, String lossUnit) {
        double[] x = trace.steps();
        double[] losses = trace.losses();
        SpikeBand band = SpikeBand.of(losses);
        int[] spikes = LossSpikes.detect(losses).indices();

        XYSeries loss = new XYSeries("minibatch loss", false, true);
        XYSeries ema = new XYSeries("EMA", false, true);
        XYSeries threshold = new XYSeries("spike threshold", false, true);
        XYSeries spikeMarks = new XYSeries("spikes (" + spikes.length + ")", false, true);
        for (int t : PointBudget.indices(losses, PointBudget.BUCKETS)) {
            loss.add(x[t], losses[t]);
            ema.add(x[t], band.ema()[t]);
            if (t > 0) {
                threshold.add(x[t], band.threshold()[t]);
            }
        }
        for (int t : spikes) {
            spikeMarks.add(x[t], losses[t]);
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(spikeMarks);
        dataset.addSeries(ema);
        dataset.addSeries(threshold);
        dataset.addSeries(loss);

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesShape(0, ShapeUtils.createUpTriangle(spikes.length > MANY_SPIKES ? 2 : 5));
        renderer.setSeriesPaint(0, SPIKE);
        renderer.setSeriesPaint(1, ChartStyle.color(0));
        renderer.setSeriesStroke(1, ChartStyle.solid(2.4f));
        renderer.setSeriesPaint(2, Color.DARK_GRAY);
        renderer.setSeriesStroke(2, ChartStyle.stroke(1, 1.2f));
        renderer.setSeriesPaint(3, ChartStyle.translucent(Color.GRAY, 0.8));
        renderer.setSeriesStroke(3, ChartStyle.solid(0.8f));

        NumberAxis xAxis = Axes.counts("step (minibatch)");
        NumberAxis yAxis = Axes.value("minibatch loss (" + lossUnit + ")");
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        ChartStyle.apply(plot);
        return ChartStyle.apply(new JFreeChart(trace.label(), ChartStyle.SUBTITLE_FONT, plot, false));
    }
}
