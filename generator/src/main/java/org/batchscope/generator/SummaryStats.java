package org.batchscope.generator;

import org.apache.commons.statistics.descriptive.DoubleStatistics;
import org.apache.commons.statistics.descriptive.Statistic;

/**
 * Streaming mean, sample standard deviation (divisor n - 1), minimum and maximum, used for the
 * achieved ratio recorded in manifests as {@code {mean, std, min, max}}: Commons Statistics'
 * {@link DoubleStatistics} accumulators (a rolling first moment and sum of squared deviations).
 * Combine partial results from several threads with {@link #combine}; combined in a fixed order, the
 * result does not depend on the number of threads. Not thread-safe.
 */
public final class SummaryStats {

    private final DoubleStatistics statistics = DoubleStatistics.of(Statistic.MEAN, Statistic.STANDARD_DEVIATION,
            Statistic.MIN, Statistic.MAX);

    /** Adds one value. */
    public void accept(double value) {
        statistics.accept(value);
    }

    /** Adds every value of {@code other} to this one. */
    public void combine(SummaryStats other) {
        statistics.combine(other.statistics);
    }

    /** @return the statistics of {@code values} */
    public static SummaryStats of(double... values) {
        SummaryStats stats = new SummaryStats();
        for (double v : values) {
            stats.accept(v);
        }
        return stats;
    }

    public long count() {
        return statistics.getCount();
    }

    /** @return the mean, NaN when empty */
    public double mean() {
        return count() == 0 ? Double.NaN : statistics.getAsDouble(Statistic.MEAN);
    }

    /** @return the sample standard deviation sqrt(sum (x - mean)^2 / (n - 1)); 0 for one value, NaN when empty */
    public double std() {
        return count() == 0 ? Double.NaN : count() == 1 ? 0.0 : statistics.getAsDouble(Statistic.STANDARD_DEVIATION);
    }

    public double min() {
        return count() == 0 ? Double.NaN : statistics.getAsDouble(Statistic.MIN);
    }

    public double max() {
        return count() == 0 ? Double.NaN : statistics.getAsDouble(Statistic.MAX);
    }

    /** @return the JSON form written to manifests: {@code {mean, std, min, max}} */
    public Summary toSummary() {
        return new Summary(mean(), std(), min(), max());
    }

    /** The recorded form of the statistics. */
    public record Summary(double mean, double std, double min, double max) {
    }
}
