package org.batchscope.analyzer.metrics;

import java.util.LinkedHashMap;

/**
 * The oscillation metrics of one series over its window W, as one value. The file names of the
 * fields are the snake_case constants below, defined in the metric registry
 * ({@link org.batchscope.common.MetricRegistry}).
 *
 * @param amplitude     sample std over W ({@link SeriesMetrics#amplitude}); series units
 * @param meanAbsChange mean |a_t - a_{t-1}| over W ({@link SeriesMetrics#meanAbsChange}); series units
 * @param reversalRate  fraction of sign changes between non-zero differences
 *                      ({@link SeriesMetrics#reversalRate}); dimensionless, [0, 1]
 * @param detrendedStd  std of least-squares residuals over W ({@link SeriesMetrics#detrendedStd});
 *                      series units
 * @param hfPowerShare  spectral power share above K/4 ({@link HighFrequencyShare#of}); [0, 1]
 * @param maxDrawdown   largest move against the good direction from the running best
 *                      ({@link SeriesMetrics#maxDrawdown}); series units, >= 0
 */
public record OscillationMetrics(double amplitude, double meanAbsChange, double reversalRate,
                                 double detrendedStd, double hfPowerShare, double maxDrawdown) {

    public static final String AMPLITUDE = "amplitude";
    public static final String MEAN_ABS_CHANGE = "mean_abs_change";
    public static final String REVERSAL_RATE = "reversal_rate";
    public static final String DETRENDED_STD = "detrended_std";
    public static final String HF_POWER_SHARE = "hf_power_share";
    public static final String MAX_DRAWDOWN = "max_drawdown";

    /**
     * Measures the default window, the last ceil(T/2) points; the series needs T >= 3 so that the
     * window has the {@value SeriesMetrics#MIN_WINDOW} points every metric needs.
     *
     * @param series    a_1..a_T, finite
     * @param direction which way the series improves (for max_drawdown)
     */
    public static OscillationMetrics of(double[] series, Direction direction) {
        return ofWindow(SeriesWindow.last(series), direction);
    }

    /**
     * Measures the last {@code windowLength} points of {@code series}.
     *
     * @param windowLength 2 <= windowLength <= T
     */
    public static OscillationMetrics of(double[] series, int windowLength, Direction direction) {
        return ofWindow(SeriesWindow.last(series, windowLength), direction);
    }

    private static OscillationMetrics ofWindow(double[] window, Direction direction) {
        return new OscillationMetrics(
                SeriesMetrics.amplitude(window),
                SeriesMetrics.meanAbsChange(window),
                SeriesMetrics.reversalRate(window),
                SeriesMetrics.detrendedStd(window),
                HighFrequencyShare.of(window),
                SeriesMetrics.maxDrawdown(window, direction));
    }

    /** @return the metrics keyed by their snake_case file names, in the order of the record */
    public LinkedHashMap<String, Double> toNamedMap() {
        LinkedHashMap<String, Double> named = new LinkedHashMap<>();
        named.put(AMPLITUDE, amplitude);
        named.put(MEAN_ABS_CHANGE, meanAbsChange);
        named.put(REVERSAL_RATE, reversalRate);
        named.put(DETRENDED_STD, detrendedStd);
        named.put(HF_POWER_SHARE, hfPowerShare);
        named.put(MAX_DRAWDOWN, maxDrawdown);
        return named;
    }
}
