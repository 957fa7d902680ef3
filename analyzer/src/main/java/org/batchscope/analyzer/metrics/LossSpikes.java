package org.batchscope.analyzer.metrics;

import java.util.Arrays;

/**
 * Loss spikes: per-step minibatch losses x_0..x_{n-1} that rise above an exponential moving average
 * by more than {@code k} exponential moving standard deviations (alpha = 0.1, k = 3).
 *
 * <p>The statistics (Finch 2009, "Incremental calculation of weighted mean and variance") start at
 * m_0 = x_0, v_0 = 0, and each later point is first compared, then included:
 * <pre>
 *   x_t is a spike  iff  t >= warmUp  and  x_t > m_{t-1} + k sqrt(v_{t-1})
 *   delta = x_t - m_{t-1}
 *   m_t   = m_{t-1} + alpha delta
 *   v_t   = (1 - alpha) (v_{t-1} + alpha delta^2)
 * </pre>
 * So a spike is judged against the history before it, never against itself. Every point, spikes
 * included, enters the statistics: a lasting jump in the loss is flagged once and then becomes the
 * new level, and a spike widens the band for the next steps (about 1/alpha of them), so a second
 * spike right after a first must be larger to count. With the default warm-up of 1 only x_0 is
 * exempt; while v = 0 (a perfectly flat history) any rise above the mean counts.
 */
public final class LossSpikes {

    /** The smoothing factor of the moving average and variance. */
    public static final double DEFAULT_ALPHA = 0.1;
    /** The threshold, in moving standard deviations above the moving average. */
    public static final double DEFAULT_THRESHOLD_STDS = 3;

    private final int[] indices;

    private LossSpikes(int[] indices) {
        this.indices = indices;
    }

    /** Detects spikes with alpha = 0.1, k = 3 and only the first point exempt. */
    public static LossSpikes detect(double[] losses) {
        return detect(losses, DEFAULT_ALPHA, DEFAULT_THRESHOLD_STDS, 1);
    }

    /**
     * @param losses        per-step minibatch losses, finite, at least 1
     * @param alpha         smoothing factor, 0 < alpha <= 1
     * @param thresholdStds k, moving standard deviations above the moving average, >= 0
     * @param warmUp        steps 0..warmUp-1 only feed the statistics and are never spikes, >= 1
     */
    public static LossSpikes detect(double[] losses, double alpha, double thresholdStds, int warmUp) {
        Checks.finite(losses, "losses", 1);
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha is " + alpha + "; must be in (0, 1]");
        }
        if (!(thresholdStds >= 0) || Double.isInfinite(thresholdStds)) {
            throw new IllegalArgumentException("thresholdStds is " + thresholdStds + "; must be finite and >= 0");
        }
        if (warmUp < 1) {
            throw new IllegalArgumentException("warmUp is " + warmUp + "; must be >= 1");
        }
        int[] found = new int[losses.length];
        int count = 0;
        double mean = losses[0];
        double variance = 0;
        for (int t = 1; t < losses.length; t++) {
            if (t >= warmUp && losses[t] > mean + thresholdStds * Math.sqrt(variance)) {
                found[count++] = t;
            }
            double delta = losses[t] - mean;
            mean += alpha * delta;
            variance = (1 - alpha) * (variance + alpha * delta * delta);
        }
        return new LossSpikes(Arrays.copyOf(found, count));
    }

    /** @return the zero-based step indices of the spikes, ascending (a copy) */
    public int[] indices() {
        return indices.clone();
    }

    /** @return the number of spikes */
    public int count() {
        return indices.length;
    }

    @Override
    public String toString() {
        return "LossSpikes" + Arrays.toString(indices);
    }
}
