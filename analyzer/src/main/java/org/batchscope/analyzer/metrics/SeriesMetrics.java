package org.batchscope.analyzer.metrics;

import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Oscillation metrics of one window w_1..w_n of a series (select it with {@link SeriesWindow}).
 * Every function needs n >= 2 finite values. Units: those of the series (for accuracy, a fraction)
 * unless a metric says it is dimensionless.
 */
public final class SeriesMetrics {

    /** The fewest points a window must have: every metric needs a difference or a sample std. */
    public static final int MIN_WINDOW = 2;

    private SeriesMetrics() {
    }

    /**
     * amplitude = sqrt( sum_t (w_t - mean w)^2 / (n - 1) ), the sample standard deviation over the
     * window. Units of the series.
     */
    public static double amplitude(double[] window) {
        Checks.finite(window, "window", MIN_WINDOW);
        return new StandardDeviation(true).evaluate(window);
    }

    /**
     * mean_abs_change = sum_{t=2..n} |w_t - w_{t-1}| / (n - 1). Units of the series per evaluation.
     */
    public static double meanAbsChange(double[] window) {
        Checks.finite(window, "window", MIN_WINDOW);
        double sum = 0;
        for (int t = 1; t < window.length; t++) {
            sum += Math.abs(window[t] - window[t - 1]);
        }
        return sum / (window.length - 1);
    }

    /**
     * reversal_rate: let d_1..d_m be the differences w_t - w_{t-1} that are not zero (zero
     * differences are dropped, so a plateau neither breaks nor makes a reversal); the rate is the
     * fraction of the m - 1 adjacent pairs (d_j, d_{j+1}) whose signs differ. Dimensionless, in
     * [0, 1]: 0 for a monotone curve, 1 for a perfect zig-zag. When m < 2 there is no pair and the
     * rate is defined as 0 (a curve that moves at most once has not reversed).
     */
    public static double reversalRate(double[] window) {
        Checks.finite(window, "window", MIN_WINDOW);
        int pairs = 0;
        int reversals = 0;
        double previousSign = 0;
        for (int t = 1; t < window.length; t++) {
            double sign = Math.signum(window[t] - window[t - 1]);
            if (sign == 0) {
                continue;
            }
            if (previousSign != 0) {
                pairs++;
                if (sign != previousSign) {
                    reversals++;
                }
            }
            previousSign = sign;
        }
        return pairs == 0 ? 0 : (double) reversals / pairs;
    }

    /**
     * detrended_std = sqrt( sum_t r_t^2 / (n - 1) ), where r_t are the residuals of the
     * least-squares line fitted over the window (t = 0..n-1). The divisor is n - 1, the same as
     * {@link #amplitude}, so that detrended_std equals amplitude for a window without trend and the
     * two are comparable (the unbiased residual variance would divide by n - 2). 0 for a perfect
     * line. Units of the series.
     */
    public static double detrendedStd(double[] window) {
        Checks.finite(window, "window", MIN_WINDOW);
        double sumOfSquares = 0;
        for (double residual : LinearDetrend.residuals(window)) {
            sumOfSquares += residual * residual;
        }
        return Math.sqrt(sumOfSquares / (window.length - 1));
    }

    /**
     * max_drawdown, the largest move against the good direction from the best point so far:
     * for {@link Direction#HIGHER_IS_BETTER}, max_t ( max_{s<=t} w_s - w_t ); for
     * {@link Direction#LOWER_IS_BETTER}, max_t ( w_t - min_{s<=t} w_s ). Always >= 0; 0 for a curve
     * that never gets worse. Units of the series.
     */
    public static double maxDrawdown(double[] window, Direction direction) {
        Checks.finite(window, "window", MIN_WINDOW);
        if (direction == null) {
            throw new IllegalArgumentException("direction must not be null");
        }
        double sign = direction == Direction.HIGHER_IS_BETTER ? 1 : -1;
        double best = sign * window[0];
        double drawdown = 0;
        for (double value : window) {
            double oriented = sign * value;
            best = Math.max(best, oriented);
            drawdown = Math.max(drawdown, best - oriented);
        }
        return drawdown;
    }
}
