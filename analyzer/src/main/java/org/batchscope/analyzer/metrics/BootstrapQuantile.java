package org.batchscope.analyzer.metrics;

import java.util.Arrays;

/**
 * The R_7 quantile (Hyndman and Fan 1996, type 7: linear interpolation between order statistics, the
 * default of R and numpy) of bootstrap replicates that may include +Infinity, as {@link AveragedNoiseScale}
 * and {@link CriticalBatchFit} take their percentile intervals: with h = (n - 1) q, the quantile is
 * x_(floor h) + (h - floor h) (x_(floor h + 1) - x_(floor h)) of the sorted values, and +Infinity when
 * either of the two order statistics is infinite.
 */
final class BootstrapQuantile {

    private BootstrapQuantile() {
    }

    /**
     * @param values the replicates, not NaN, at least one
     * @param q      in [0, 1]
     * @return the R_7 quantile, +Infinity when it falls on or next to an infinite value
     */
    static double of(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        if (Double.isInfinite(sorted[lo]) || Double.isInfinite(sorted[hi])) {
            return Double.POSITIVE_INFINITY;
        }
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
