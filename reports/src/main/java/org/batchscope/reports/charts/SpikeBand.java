package org.batchscope.reports.charts;

import org.batchscope.analyzer.metrics.LossSpikes;

/**
 * The lines drawn behind the loss-spike markers of chart 6: the exponential moving average m_t of
 * the minibatch loss and the spike threshold it implies, with the recurrence and defaults of
 * {@link LossSpikes} (alpha = {@value LossSpikes#DEFAULT_ALPHA}, k = {@value LossSpikes#DEFAULT_THRESHOLD_STDS}):
 * <pre>
 *   m_0 = x_0, v_0 = 0
 *   m_t = m_{t-1} + alpha (x_t - m_{t-1}),   v_t = (1 - alpha) (v_{t-1} + alpha (x_t - m_{t-1})^2)
 *   threshold_t = m_{t-1} + k sqrt(v_{t-1})   (t >= 1; NaN at t = 0)
 * </pre>
 * A loss x_t above threshold_t is a spike. The spikes themselves always come from
 * {@link LossSpikes#detect}; the tests check that the points above this threshold are exactly those.
 *
 * @param ema       m_t, in the units of the loss
 * @param threshold threshold_t, in the units of the loss
 */
record SpikeBand(double[] ema, double[] threshold) {

    /** @param losses x_0..x_{n-1}, finite, at least one */
    static SpikeBand of(double[] losses) {
        double alpha = LossSpikes.DEFAULT_ALPHA;
        double k = LossSpikes.DEFAULT_THRESHOLD_STDS;
        double[] ema = new double[losses.length];
        double[] threshold = new double[losses.length];
        double mean = losses[0];
        double variance = 0;
        ema[0] = mean;
        threshold[0] = Double.NaN;
        for (int t = 1; t < losses.length; t++) {
            threshold[t] = mean + k * Math.sqrt(variance);
            double delta = losses[t] - mean;
            mean += alpha * delta;
            variance = (1 - alpha) * (variance + alpha * delta * delta);
            ema[t] = mean;
        }
        return new SpikeBand(ema, threshold);
    }
}
