package org.batchscope.analyzer.metrics;

import java.util.Arrays;

/**
 * Selects the window W of a series a_1..a_T over which the oscillation metrics are measured: by
 * default the last ceil(T/2) points (the second half of training, after the initial descent), or
 * the last {@code length} points when the user sets another.
 */
public final class SeriesWindow {

    private SeriesWindow() {
    }

    /** @return ceil(T/2), the default window length for a series of {@code seriesLength} points */
    public static int defaultLength(int seriesLength) {
        if (seriesLength < 1) {
            throw new IllegalArgumentException("seriesLength is " + seriesLength + "; must be >= 1");
        }
        return (seriesLength + 1) / 2;
    }

    /**
     * @param series a_1..a_T, finite, T >= 1
     * @return a copy of the last ceil(T/2) points
     */
    public static double[] last(double[] series) {
        Checks.finite(series, "series", 1);
        return last(series, defaultLength(series.length));
    }

    /**
     * @param series a_1..a_T, finite
     * @param length the window length, 1 <= length <= T
     * @return a copy of the last {@code length} points
     */
    public static double[] last(double[] series, int length) {
        Checks.finite(series, "series", 1);
        if (length < 1 || length > series.length) {
            throw new IllegalArgumentException("window length is " + length
                    + "; must be in 1.." + series.length + " (the series length)");
        }
        return Arrays.copyOfRange(series, series.length - length, series.length);
    }
}
