package org.batchscope.analyzer.diagnose;

import org.batchscope.analyzer.metrics.OscillationMetrics;
import org.batchscope.analyzer.logs.Curve;

/**
 * The measurements of one logged series.
 *
 * @param curve      the series
 * @param window     the number of points in the window W (the last ceil(T/2)), 0 when too short
 * @param metrics    the oscillation metrics over W, or null when the series has fewer than
 *                   {@value Diagnosis#MIN_POINTS} points
 * @param lossSpikes the number of loss spikes over the whole series, or null when it is not a
 *                   per-step training loss
 */
public record SeriesDiagnosis(Curve curve, int window, OscillationMetrics metrics, Integer lossSpikes) {

    /** @return whether the series was long enough to measure */
    public boolean measured() {
        return metrics != null;
    }
}
