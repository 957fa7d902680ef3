package org.batchscope.analyzer.engine.lean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.batchscope.analyzer.engine.Initialization;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.ParameterInitializer;
import org.batchscope.analyzer.engine.TensorData;
import org.junit.jupiter.api.Test;

/**
 * Back-propagated gradients against central finite differences {@code (L(w + h) - L(w - h)) / 2h} for
 * every parameter, which exercises every layer type's backward pass (dense, softmax cross-entropy,
 * ReLU, 3x3 convolution including its input gradient, 2x2 max-pool, flatten) on a batch of 3.
 *
 * <p>Tolerance: the network computes in float, so the loss carries a rounding error of about 1e-7
 * (|L| ~ 1); with h = 2.5e-4 that is about 2e-4 in the difference quotient, and the quotient's
 * truncation error O(h^2 |L'''|) is negligible. We allow {@code |analytic - numeric| <= 5e-4 + 1e-2 |numeric|}:
 * above those errors, well below any real mistake (a wrong index or missing term changes entries by
 * their own size, typically 1e-2 to 1e-1). h is small so that no ReLU or max-pool decision flips for
 * these fixed inputs (with h = 1e-3 a convolution bias, which moves every position of its channel,
 * crossed a ReLU kink and missed by 1.3%).
 */
class GradientCheckTest {

    private static final float H = 2.5e-4f;

    @Test
    void logisticRegression() {
        check(new ModelArchitecture.LogisticRegression(5, 3), ToyData.random(3, new int[] {5}, 3, 1));
    }

    @Test
    void mlpWithTwoHiddenLayers() {
        check(new ModelArchitecture.Mlp(6, List.of(7, 5), 3), ToyData.random(3, new int[] {6}, 3, 2));
    }

    @Test
    void tinyCnnWithTwoBlocksAndOddSizes() {
        // 2x9x8 input: the first pool drops the odd last row; channels [3, 4], dense [5], 3 classes
        check(new ModelArchitecture.SmallCnn(2, 9, 8, List.of(3, 4), List.of(5), 3),
                ToyData.random(3, new int[] {2, 9, 8}, 3, 3));
    }

    private static void check(ModelArchitecture model, TensorData data) {
        try (LeanNetwork network = new LeanNetwork(model, data.count())) {
            float[] params = network.parameters();
            float[] initial = ParameterInitializer.initialize(network.layout(), Initialization.XAVIER, 11);
            System.arraycopy(initial, 0, params, 0, params.length);
            // non-zero biases so that bias gradients and ReLU patterns are not trivial
            for (var t : network.layout().tensors()) {
                if (t.isBias()) {
                    for (int i = 0; i < t.size(); i++) {
                        params[t.offset() + i] = 0.05f * ((i % 3) - 1);
                    }
                }
            }
            network.load(data, null, 0, data.count());
            network.lossAndGradient(data.count());
            float[] analytic = network.gradients().clone();
            int checked = 0;
            for (int j = 0; j < params.length; j++) {
                float saved = params[j];
                params[j] = saved + H;
                double plus = loss(network, data);
                params[j] = saved - H;
                double minus = loss(network, data);
                params[j] = saved;
                double numeric = (plus - minus) / (2 * H);
                assertThat(Math.abs(analytic[j] - numeric))
                        .as("parameter %d: analytic %s, numeric %s", j, analytic[j], numeric)
                        .isLessThanOrEqualTo(5e-4 + 1e-2 * Math.abs(numeric));
                checked++;
            }
            assertThat(checked).isEqualTo(network.layout().size());
            assertThat(maxAbs(analytic)).as("gradients are not all zero").isGreaterThan(1e-3);
        }
    }

    private static double loss(LeanNetwork network, TensorData data) {
        network.load(data, null, 0, data.count());
        return network.lossAndGradient(data.count());
    }

    private static double maxAbs(float[] a) {
        double max = 0;
        for (float v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
