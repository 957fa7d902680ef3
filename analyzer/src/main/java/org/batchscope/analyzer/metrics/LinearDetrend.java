package org.batchscope.analyzer.metrics;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Residuals of the least-squares line fitted to a window: r_t = w_t - (b0 + b1 t) for
 * t = 0..n-1, with b0 and b1 from commons-math3 {@link SimpleRegression} (ordinary least squares
 * with intercept). The residuals sum to zero.
 */
final class LinearDetrend {

    private LinearDetrend() {
    }

    /** @param window w_0..w_{n-1}, n >= 2, already validated by the caller */
    static double[] residuals(double[] window) {
        SimpleRegression regression = new SimpleRegression(true);
        for (int t = 0; t < window.length; t++) {
            regression.addData(t, window[t]);
        }
        double intercept = regression.getIntercept();
        double slope = regression.getSlope();
        double[] residuals = new double[window.length];
        for (int t = 0; t < window.length; t++) {
            residuals[t] = window[t] - (intercept + slope * t);
        }
        return residuals;
    }
}
