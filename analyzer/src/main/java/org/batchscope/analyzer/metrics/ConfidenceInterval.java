package org.batchscope.analyzer.metrics;

/**
 * A two-sided interval [low, high] in the units of the statistic it brackets.
 *
 * @param low  lower bound
 * @param high upper bound, >= low (both NaN for an undefined interval)
 */
public record ConfidenceInterval(double low, double high) {

    /** An interval that could not be computed (for example from a single seed). */
    public static final ConfidenceInterval UNDEFINED = new ConfidenceInterval(Double.NaN, Double.NaN);

    public ConfidenceInterval {
        if (low > high) {
            throw new IllegalArgumentException("low " + low + " is above high " + high);
        }
    }

    /** @return whether low <= value <= high (false for an undefined interval) */
    public boolean contains(double value) {
        return low <= value && value <= high;
    }
}
