package org.batchscope.analyzer.metrics;

/**
 * Which way a series improves; decides what a drawdown is. Accuracy is {@link #HIGHER_IS_BETTER},
 * loss is {@link #LOWER_IS_BETTER}.
 */
public enum Direction {
    /** Accuracy-like: a drawdown is a fall below the running maximum. */
    HIGHER_IS_BETTER,
    /** Loss-like: a drawdown is a rise above the running minimum. */
    LOWER_IS_BETTER
}
