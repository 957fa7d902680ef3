package org.batchscope.reports.charts;

/**
 * One value of a metric at one x position, with its 95% interval.
 *
 * @param x      the batch size (or, on a labelled axis, the label's index 0, 1, ...)
 * @param mean   the value (the mean over seeds for a sweep cell)
 * @param ciLow  lower end of the 95% interval, or NaN when there is none (a single seed or log)
 * @param ciHigh upper end of the 95% interval, or NaN
 */
public record MetricPoint(double x, double mean, double ciLow, double ciHigh) {

    /** @return a point without an interval */
    public static MetricPoint of(double x, double value) {
        return new MetricPoint(x, value, Double.NaN, Double.NaN);
    }

    /**
     * The interval cut at the bounds of the metric's range: the true mean of a quantity within [low, high] is
     * within them too, so the cut interval covers it as often as the whole one (a Student-t interval of three
     * seeds of a fraction near 0 otherwise reaches below 0).
     *
     * @return this point with its interval cut to [low, high]
     */
    public MetricPoint within(double low, double high) {
        return hasInterval() ? new MetricPoint(x, mean, Math.max(low, ciLow), Math.min(high, ciHigh)) : this;
    }

    /** @return whether the point has a 95% interval to draw as a whisker */
    public boolean hasInterval() {
        return !Double.isNaN(ciLow) && !Double.isNaN(ciHigh);
    }
}
