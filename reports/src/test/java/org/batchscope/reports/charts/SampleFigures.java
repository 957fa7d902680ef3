package org.batchscope.reports.charts;

import java.util.ArrayList;
import java.util.List;
import org.batchscope.reports.render.Figure;

/** Deterministic figures of every kind for the drawing and PDF tests. */
public final class SampleFigures {

    private SampleFigures() {
    }

    /** Two cells (batch sizes 8 and 64) of three seeds each: a zig-zag and a smooth curve. */
    public static Figure seedPicture() {
        List<SeedPanel> panels = new ArrayList<>();
        for (int b : new int[] {8, 64}) {
            double wiggle = b == 8 ? 0.04 : 0.005;
            double[] x = new double[20];
            List<double[]> accuracy = new ArrayList<>();
            List<double[]> loss = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                double[] acc = new double[x.length];
                double[] l = new double[x.length];
                for (int t = 0; t < x.length; t++) {
                    x[t] = t + 1;
                    double zig = (t % 2 == 0 ? 1 : -1) * wiggle * (1 + 0.3 * s);
                    acc[t] = 0.5 + 0.4 * (1 - Math.exp(-t / 4.0)) + zig;
                    l[t] = 0.7 * Math.exp(-t / 5.0) + 0.2 - zig;
                }
                accuracy.add(acc);
                loss.add(l);
            }
            panels.add(new SeedPanel("batch size " + b, "epoch", List.of(
                    new SeedCurves("validation accuracy", "fraction", x, accuracy),
                    new SeedCurves("validation loss", "nats", x, loss))));
        }
        return SeedPictureChart.figure("Seed picture", "thin: each seed; bold: mean; band: min to max", panels);
    }

    /** amplitude and reversal_rate against batch sizes 1..64 for two noise ratios. */
    public static Figure metrics() {
        List<MetricPanel> panels = new ArrayList<>();
        for (String metric : new String[] {"amplitude", "reversal_rate"}) {
            List<MetricSeries> series = new ArrayList<>();
            for (double r : new double[] {0.5, 4.0}) {
                List<MetricPoint> points = new ArrayList<>();
                for (int b = 1; b <= 64; b *= 4) {
                    double mean = 0.01 * r * Math.log(2 + b);
                    points.add(new MetricPoint(b, mean, mean * 0.8, mean * 1.2));
                }
                series.add(new MetricSeries("r = " + r, points));
            }
            panels.add(new MetricPanel(metric, "fraction", series));
        }
        return MetricByBatchSizeChart.figure("Oscillation metrics against batch size", null,
                XScale.batchSizeLog2(), panels);
    }

    /** 200 steps of a decaying loss with two planted spikes, at steps 60 and 150. */
    public static Figure minibatchLoss() {
        double[] steps = new double[200];
        double[] losses = new double[200];
        for (int t = 0; t < steps.length; t++) {
            steps[t] = t;
            losses[t] = 0.3 + Math.exp(-t / 40.0) + 0.02 * Math.sin(t * 1.7);
        }
        losses[60] += 0.8;
        losses[150] += 0.6;
        return MinibatchLossChart.figure("Minibatch loss per step", "nats",
                List.of(new LossTrace("batch size 8", steps, losses)));
    }
}
