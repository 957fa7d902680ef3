package org.batchscope.analyzer.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Summary of one metric across the n seeds of a cell, in the metric's units: mean, sample standard
 * deviation s (divisor n - 1), smallest and largest value, and the Student-t interval of the mean
 * <pre>
 *   mean -/+ t_{(1 + c)/2, n - 1} s / sqrt(n),   c = {@value #CONFIDENCE}
 * </pre>
 * (t quantile from {@link StudentT}). Its coverage is exactly c when the seeds'
 * values are normally distributed, at every n >= 2; for skewed values it covers less (measured by
 * simulation, 200,000 draws per n, in {@code SeedStatisticsCoverageTest}: about 0.92 for lognormal
 * values with sigma 0.5 and 0.88-0.91 for exponential ones at 2-10 seeds). A percentile bootstrap over
 * 2-3 seeds would cover only about 50-75%, so it is not used. The range [min, max] of n seeds holds the
 * median of any continuous distribution with probability 1 - 2^(1 - n) (50% at 2 seeds, 75% at 3),
 * whatever its shape; it is reported beside the count. With a single seed the std and the interval are
 * undefined (NaN).
 *
 * @param seeds number of seeds n
 * @param mean  mean over seeds
 * @param std   sample standard deviation over seeds (NaN when n = 1)
 * @param min   smallest value
 * @param max   largest value
 * @param ci95  Student-t 95% interval of the mean ({@link ConfidenceInterval#UNDEFINED} when n = 1)
 */
public record SeedStatistics(int seeds, double mean, double std, double min, double max, ConfidenceInterval ci95) {

    /** Confidence level of {@link #ci95}. */
    public static final double CONFIDENCE = 0.95;

    /** @param perSeed the metric's value for each seed, finite, at least 1 */
    public static SeedStatistics of(double[] perSeed) {
        Checks.finite(perSeed, "perSeed", 1);
        double mean = new Mean().evaluate(perSeed);
        double min = java.util.Arrays.stream(perSeed).min().orElseThrow();
        double max = java.util.Arrays.stream(perSeed).max().orElseThrow();
        int n = perSeed.length;
        if (n == 1) {
            return new SeedStatistics(1, mean, Double.NaN, min, max, ConfidenceInterval.UNDEFINED);
        }
        double std = new StandardDeviation(true).evaluate(perSeed);
        double halfWidth = tQuantile(n - 1) * std / Math.sqrt(n);
        // a constant sample gives a point interval; clamp rounding so that low <= mean <= high holds exactly
        return new SeedStatistics(n, mean, std, min, max,
                new ConfidenceInterval(Math.min(mean, mean - halfWidth), Math.max(mean, mean + halfWidth)));
    }

    /** t quantiles by degrees of freedom, solved once each (the solve costs far more than the statistics). */
    private static final Map<Integer, Double> T_QUANTILES = new ConcurrentHashMap<>();

    /** @return t_{(1 + c)/2} with {@code degreesOfFreedom} degrees of freedom ({@link StudentT}) */
    static double tQuantile(int degreesOfFreedom) {
        return T_QUANTILES.computeIfAbsent(degreesOfFreedom, df -> StudentT.quantile(df, (1 + CONFIDENCE) / 2));
    }
}
