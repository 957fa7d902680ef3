package org.batchscope.analyzer.engine.lean;

import java.util.Arrays;

/**
 * Streaming per-parameter statistics of per-example gradients g_1..g_n (Welford's update in double, so
 * no per-example gradient is stored), giving with G = mean_i g_i:
 * <ul>
 *   <li>{@code tr(Sigma) = sum_j sum_i (g_ij - G_j)^2 / (n - 1)};</li>
 *   <li>{@code |G|^2} unbiased: {@code |mean g|^2 - tr(Sigma) / n};</li>
 *   <li>{@code B_simple = tr(Sigma) / |G|^2}, +Infinity when that estimate is {@code <= 0};</li>
 *   <li>mean GSNR: the mean over parameters with non-zero sample variance of
 *       {@code G_j^2 / (sum_i (g_ij - G_j)^2 / (n - 1))}.</li>
 * </ul>
 * Formulas as in DESIGN.md (McCandlish et al. 2018; Liu et al. 2020). Kept in this one class so that it
 * can be replaced by the metrics library's accumulator.
 */
final class GradientNoiseAccumulator {

    private final double[] mean;
    private final double[] m2;
    private long n;

    GradientNoiseAccumulator(int size) {
        this.mean = new double[size];
        this.m2 = new double[size];
    }

    /** Starts a new set of examples. */
    void reset() {
        Arrays.fill(mean, 0);
        Arrays.fill(m2, 0);
        n = 0;
    }

    /** Adds one example's gradient. */
    void accept(float[] g) {
        n++;
        for (int j = 0; j < mean.length; j++) {
            double d = g[j] - mean[j];
            mean[j] += d / n;
            m2[j] += d * (g[j] - mean[j]);
        }
    }

    /** @return the number of examples accepted since the last reset */
    long count() {
        return n;
    }

    /** @return |G|, the plain norm of the mean gradient */
    double meanGradientNorm() {
        double s = 0;
        for (double m : mean) {
            s += m * m;
        }
        return Math.sqrt(s);
    }

    /** @return tr(Sigma); NaN with fewer than 2 examples */
    double traceCovariance() {
        if (n < 2) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : m2) {
            s += v;
        }
        return s / (n - 1);
    }

    /** @return B_simple = tr(Sigma) / (|mean g|^2 - tr(Sigma)/n), +Infinity when the denominator is <= 0 */
    double noiseScale() {
        double trace = traceCovariance();
        double norm = meanGradientNorm();
        double unbiased = norm * norm - trace / n;
        return unbiased > 0 ? trace / unbiased : Double.POSITIVE_INFINITY;
    }

    /** @return the mean GSNR over parameters with non-zero variance; NaN when there are none */
    double meanGsnr() {
        double sum = 0;
        long counted = 0;
        for (int j = 0; j < mean.length; j++) {
            if (m2[j] > 0) {
                sum += mean[j] * mean[j] / (m2[j] / (n - 1));
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }
}
