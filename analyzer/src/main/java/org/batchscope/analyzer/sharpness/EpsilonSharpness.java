package org.batchscope.analyzer.sharpness;

import org.apache.commons.rng.UniformRandomProvider;
import org.batchscope.analyzer.engine.DifferentiableModel;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.common.RandomStreams;

/**
 * Epsilon-sharpness (Keskar et al. 2017, Metric 2.1 with A = I): with f the loss over a fixed data set,
 * x the parameters and the box C_eps = {y : |y_i| <= w_i}, w_i = eps (|x_i| + 1),
 * <pre>phi = 100 (max_{y in C_eps} f(x + y) - f(x)) / (1 + f(x))</pre>
 * a percentage, >= 0. The maximum is approximated by projected sign-gradient ascent: y_0 drawn uniformly
 * from the box ({@code RandomStreams.stream(seed, START_STREAM)}), then for k = 1..steps
 * y_k = clip(y_{k-1} + (w / 4) sign(grad f(x + y_{k-1})), -w, w) componentwise; the maximum is taken over
 * f(x) and every f(x + y_k) evaluated (so phi is a lower bound of the exact value; exact when f is
 * monotone in each coordinate over the box, as a convex quadratic whose minimum lies outside the box is).
 */
public final class EpsilonSharpness {

    /** Random stream of the start point. */
    static final long START_STREAM = 1;

    /**
     * @param value   phi, percent
     * @param loss    f(x)
     * @param maxLoss the largest f(x + y) found in the box
     */
    public record Result(double value, double loss, double maxLoss) {
    }

    private EpsilonSharpness() {
    }

    /** @return phi at {@code x} for the loss of {@code model} over {@code data} */
    public static Result of(DifferentiableModel model, float[] x, TensorData data, double epsilon, int steps, long seed) {
        int p = x.length;
        double[] width = new double[p];
        double[] y = new double[p];
        UniformRandomProvider rng = RandomStreams.stream(seed, START_STREAM);
        for (int i = 0; i < p; i++) {
            width[i] = epsilon * (Math.abs(x[i]) + 1);
            y[i] = (2 * rng.nextDouble() - 1) * width[i];
        }
        double loss = model.loss(x, data);
        double max = loss;
        float[] point = new float[p];
        float[] grad = new float[p];
        for (int k = 0; k <= steps; k++) {
            for (int i = 0; i < p; i++) {
                point[i] = (float) (x[i] + y[i]);
            }
            double value = k < steps ? model.lossAndGradient(point, data, grad) : model.loss(point, data);
            max = Math.max(max, value);
            if (k < steps) {
                for (int i = 0; i < p; i++) {
                    double moved = y[i] + 0.25 * width[i] * Math.signum(grad[i]);
                    y[i] = Math.max(-width[i], Math.min(width[i], moved));
                }
            }
        }
        return new Result(100 * (max - loss) / (1 + loss), loss, max);
    }
}
