package org.batchscope.analyzer.metrics;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.batchscope.common.RandomStreams;

/**
 * Summary of one metric across the seeds of a cell: mean, sample standard deviation (divisor
 * n - 1) and a 95% percentile-bootstrap interval of the mean from {@value #BOOTSTRAP_RESAMPLES}
 * resamples drawn from {@code RandomStreams.stream(bootstrapSeed)}. All in the metric's units.
 * With a single seed the std and the interval are undefined and NaN.
 *
 * @param seeds number of seeds n
 * @param mean  mean over seeds
 * @param std   sample standard deviation over seeds (NaN when n = 1)
 * @param ci95  percentile-bootstrap 95% interval of the mean ({@link ConfidenceInterval#UNDEFINED}
 *              when n = 1)
 */
public record SeedStatistics(int seeds, double mean, double std, ConfidenceInterval ci95) {

    /** Bootstrap resamples behind {@link #ci95}. */
    public static final int BOOTSTRAP_RESAMPLES = 2000;
    /** Confidence level of {@link #ci95}. */
    public static final double CONFIDENCE = 0.95;

    /**
     * @param perSeed       the metric's value for each seed, finite, at least 1
     * @param bootstrapSeed seed of the bootstrap stream; the same seed gives the same interval
     */
    public static SeedStatistics of(double[] perSeed, long bootstrapSeed) {
        Checks.finite(perSeed, "perSeed", 1);
        double mean = new Mean().evaluate(perSeed);
        if (perSeed.length == 1) {
            return new SeedStatistics(1, mean, Double.NaN, ConfidenceInterval.UNDEFINED);
        }
        double std = new StandardDeviation(true).evaluate(perSeed);
        ConfidenceInterval ci = PercentileBootstrap.ofMean(perSeed, BOOTSTRAP_RESAMPLES, CONFIDENCE,
                RandomStreams.stream(bootstrapSeed));
        return new SeedStatistics(perSeed.length, mean, std, ci);
    }
}
