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

    /** @return whether the point has a 95% interval to draw as a whisker */
    public boolean hasInterval() {
        return !Double.isNaN(ciLow) && !Double.isNaN(ciHigh);
    }
}
