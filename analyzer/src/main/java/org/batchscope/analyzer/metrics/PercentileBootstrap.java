package org.batchscope.analyzer.metrics;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Percentile-bootstrap confidence interval of the mean (Efron and Tibshirani 1993, ch. 13): draw
 * {@code resamples} samples of size n with replacement from x_1..x_n, take the mean of each, and
 * return the (1 - c)/2 and (1 + c)/2 quantiles of those means for confidence c. Quantiles are
 * commons-math3 {@link Percentile} with estimation type R_7 (linear interpolation, the default of
 * R and numpy), so the interval can be checked outside Java. The random indices come only from the
 * given generator: the same generator state gives the same interval.
 */
public final class PercentileBootstrap {

    private PercentileBootstrap() {
    }

    /**
     * @param values     x_1..x_n, finite, n >= 1
     * @param resamples  number of bootstrap resamples, >= 1
     * @param confidence c, in (0, 1), e.g. 0.95
     * @param rng        the random stream that picks the resampled indices
     * @return the interval, in the units of {@code values}
     */
    public static ConfidenceInterval ofMean(double[] values, int resamples, double confidence,
                                            UniformRandomProvider rng) {
        Checks.finite(values, "values", 1);
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples is " + resamples + "; must be >= 1");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence is " + confidence + "; must be in (0, 1)");
        }
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null");
        }
        int n = values.length;
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[rng.nextInt(n)];
            }
            means[b] = sum / n;
        }
        Percentile quantile = new Percentile().withEstimationType(EstimationType.R_7);
        quantile.setData(means);
        double tail = 100 * (1 - confidence) / 2;
        return new ConfidenceInterval(quantile.evaluate(tail), quantile.evaluate(100 - tail));
    }

    /**
     * The R_7 quantile (linear interpolation between order statistics, as {@link Percentile} computes
     * it) of values that may include +Infinity: a quantile that falls on or next to an infinite value is
     * +Infinity.
     *
     * @param q in [0, 1]
     */
    public static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        if (Double.isInfinite(sorted[lo]) || Double.isInfinite(sorted[hi])) {
            return Double.POSITIVE_INFINITY;
        }
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
