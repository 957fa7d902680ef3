package org.batchscope.analyzer.engine.lean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.batchscope.analyzer.engine.Initialization;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.ParameterInitializer;
import org.batchscope.analyzer.engine.ParameterLayout;
import org.batchscope.analyzer.engine.TensorData;
import org.junit.jupiter.api.Test;

/**
 * {@link LeanNetwork#perExampleGradients} (one pass over a minibatch, per-example weight gradients from
 * its activations and output gradients) against one gradient pass per sample at batch 1, whose
 * gradients {@link GradientCheckTest} checks against finite differences. The CNN's first convolution
 * runs direct ({@link DirectConv3x3}, 3 input channels) and its second as im2col in chunks of 3
 * ({@link Conv3x3#chunkSamples}), so the 8 samples' columns sit at every kind of offset in their chunks;
 * its dense layer is large enough for
 * {@link BlasDenseLayer}. The sums run in other groupings (BLAS over the minibatch against Java at
 * batch 1), so the two agree to float rounding: within 1e-5 of the largest gradient entry.
 */
class PerExampleGradientsTest {

    private static final ModelArchitecture CNN = new ModelArchitecture.SmallCnn(3, 64, 64, List.of(4, 8),
            List.of(32), 3);

    @Test
    void perExampleGradientsOfOneMinibatchPassEqualOnePassPerSample() {
        int batch = 8;
        assertThat(DirectConv3x3.suits(3)).isTrue();
        assertThat(DirectConv3x3.suits(4)).isFalse();
        assertThat(Conv3x3.chunkSamples(4, 32, 32)).isEqualTo(3);
        assertThat(ParameterLayout.of(CNN).tensors().get(4).size()).isGreaterThanOrEqualTo(BlasDenseLayer.MIN_WEIGHTS);
        TensorData data = ToyData.random(batch, CNN.inputShape(), CNN.classes(), 21);
        float[] params = ParameterInitializer.initialize(ParameterLayout.of(CNN), Initialization.HE, 6);
        float[][] perExample = new float[batch][params.length];
        float[][] oneByOne = new float[batch][];
        double sum;
        double sumOneByOne = 0;
        try (LeanNetwork network = new LeanNetwork(CNN, batch)) {
            System.arraycopy(params, 0, network.parameters(), 0, params.length);
            for (int s = 0; s < batch; s++) {
                network.load(data, null, s, 1);
                sumOneByOne += network.lossAndGradient(1);
                oneByOne[s] = network.gradients().clone();
            }
            network.load(data, null, 0, batch);
            sum = network.perExampleGradients(batch, perExample);
        }
        assertThat(sum).isCloseTo(sumOneByOne, org.assertj.core.api.Assertions.within(1e-5 * sumOneByOne));
        for (int s = 0; s < batch; s++) {
            double largest = 0;
            double worst = 0;
            for (int i = 0; i < params.length; i++) {
                largest = Math.max(largest, Math.abs(oneByOne[s][i]));
                worst = Math.max(worst, Math.abs(perExample[s][i] - oneByOne[s][i]));
            }
            assertThat(largest).isPositive();
            assertThat(worst).as("sample " + s + ": largest difference").isLessThanOrEqualTo(1e-5 * largest);
        }
    }
}
