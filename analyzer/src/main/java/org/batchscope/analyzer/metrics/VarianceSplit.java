package org.batchscope.analyzer.metrics;

import java.util.function.UnaryOperator;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

/**
 * How the spread of a cell's curves over the window divides between the seeds' own oscillation and
 * differences between seeds. For runs r = 1..R with windows W_r (see {@link SeriesWindow}):
 * <pre>
 *   withinRun  = 1/R sum_r s_r^2,   s_r^2 = sample variance (divisor |W_r| - 1) of run r over W_r
 *   betweenRun = sample variance (divisor R - 1) of the run means m_r = mean of run r over W_r
 * </pre>
 * Units: the series' units squared. withinRun is the mean squared amplitude; betweenRun is NaN for a
 * single run. The two are reported side by side; they are not scaled to sum to a total variance.
 *
 * @param withinRun  mean of the per-run variances over W
 * @param betweenRun variance of the per-run means over W
 */
public record VarianceSplit(double withinRun, double betweenRun) {

    /** Splits over each run's default window, the last ceil(T_r/2) points (T_r >= 3). */
    public static VarianceSplit of(double[][] runs) {
        return ofWindows(windows(runs, SeriesWindow::last));
    }

    /** Splits over the last {@code windowLength} points of every run (2 <= windowLength <= T_r). */
    public static VarianceSplit of(double[][] runs, int windowLength) {
        return ofWindows(windows(runs, run -> SeriesWindow.last(run, windowLength)));
    }

    private static double[][] windows(double[][] runs, UnaryOperator<double[]> windowOf) {
        if (runs == null || runs.length == 0) {
            throw new IllegalArgumentException("runs must hold at least 1 run");
        }
        double[][] windows = new double[runs.length][];
        for (int r = 0; r < runs.length; r++) {
            double[] run = Checks.finite(runs[r], "runs[" + r + "]", 1);
            windows[r] = Checks.finite(windowOf.apply(run), "window of runs[" + r + "]", SeriesMetrics.MIN_WINDOW);
        }
        return windows;
    }

    private static VarianceSplit ofWindows(double[][] windows) {
        double[] variances = new double[windows.length];
        double[] means = new double[windows.length];
        for (int r = 0; r < windows.length; r++) {
            variances[r] = new Variance(true).evaluate(windows[r]);
            means[r] = new Mean().evaluate(windows[r]);
        }
        double between = means.length == 1 ? Double.NaN : new Variance(true).evaluate(means);
        return new VarianceSplit(new Mean().evaluate(variances), between);
    }
}
