package org.batchscope.generator;

/**
 * Streaming mean, sample standard deviation, minimum and maximum (Welford's update), used for the
 * achieved ratio recorded in manifests as {@code {mean, std, min, max}}. Combine partial results from
 * several threads with {@link #combine} (Chan et al.'s pairwise formula). Not thread-safe.
 */
public final class SummaryStats {

    private long count;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /** Adds one value. */
    public void accept(double value) {
        count++;
        double delta = value - mean;
        mean += delta / count;
        m2 += delta * (value - mean);
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    /** Adds every value of {@code other} to this one. */
    public void combine(SummaryStats other) {
        if (other.count == 0) {
            return;
        }
        long n = count + other.count;
        double delta = other.mean - mean;
        m2 += other.m2 + delta * delta * count * other.count / n;
        mean += delta * other.count / n;
        count = n;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
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
        return count;
    }

    /** @return the mean, NaN when empty */
    public double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    /** @return the sample standard deviation sqrt(sum (x - mean)^2 / (n - 1)); 0 for one value, NaN when empty */
    public double std() {
        return count == 0 ? Double.NaN : count == 1 ? 0.0 : Math.sqrt(m2 / (count - 1));
    }

    public double min() {
        return count == 0 ? Double.NaN : min;
    }

    public double max() {
        return count == 0 ? Double.NaN : max;
    }

    /** @return the JSON form written to manifests: {@code {mean, std, min, max}} */
    public Summary toSummary() {
        return new Summary(mean(), std(), min(), max());
    }

    /** The recorded form of the statistics. */
    public record Summary(double mean, double std, double min, double max) {
    }
}
