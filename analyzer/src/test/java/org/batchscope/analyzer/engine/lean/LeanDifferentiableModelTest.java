package org.batchscope.analyzer.engine.lean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.batchscope.analyzer.engine.Initialization;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.ParameterInitializer;
import org.batchscope.analyzer.engine.ParameterLayout;
import org.batchscope.analyzer.engine.TensorData;
import org.junit.jupiter.api.Test;

/** {@link LeanModel} as a differentiable model: chunked gradients and Hessian-vector products. */
class LeanDifferentiableModelTest {

    private static final ModelArchitecture MLP = new ModelArchitecture.Mlp(4, List.of(8), 2);

    private static float[] initial() {
        return ParameterInitializer.initialize(ParameterLayout.of(MLP), Initialization.XAVIER, 3);
    }

    @Test
    void chunkedGradientEqualsOneFullBatchPass() {
        // 300 samples: two chunks of 256 and 44, weighted by their sizes
        TensorData data = ToyData.separable(300, 4, 1);
        float[] params = initial();
        LeanModel model = new LeanModel(MLP, params.clone());
        float[] grad = new float[params.length];
        double loss = model.lossAndGradient(params, data, grad);
        try (LeanNetwork network = new LeanNetwork(MLP, 300)) {
            System.arraycopy(params, 0, network.parameters(), 0, params.length);
            network.load(data, null, 0, 300);
            assertThat(loss).isCloseTo(network.lossAndGradient(300), within(1e-6));
            for (int i = 0; i < params.length; i++) {
                assertThat(grad[i]).isCloseTo(network.gradients()[i], within(1e-6f));
            }
        }
        assertThat(model.loss(params, data)).isCloseTo(loss, within(1e-9));
        assertThat(model.parameterCount()).isEqualTo(params.length);
    }

    /**
     * {@link LeanHessian} over 300 samples (chunks of 256 and 44, each sample's gradient scaled by 1/300,
     * summed in double) against one {@link HessianVectorPass} over all 300 samples: the same sums in
     * another grouping, so they agree to float rounding (1e-5 of the product's largest entry).
     */
    @Test
    void chunkedHessianVectorProductEqualsOneFullBatchPass() {
        TensorData data = ToyData.separable(300, 4, 1);
        float[] params = initial();
        Random random = new Random(5);
        double[] v = new double[params.length];
        float[] vf = new float[params.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian();
            vf[i] = (float) v[i];
        }
        double[] chunked = new double[params.length];
        try (LeanHessian hessian = new LeanModel(MLP, params).hessian(params, data)) {
            hessian.multiply(v, chunked);
        }
        float[] whole = new float[params.length];
        try (LeanNetwork network = new LeanNetwork(MLP, 300)) {
            System.arraycopy(params, 0, network.parameters(), 0, params.length);
            network.load(data, null, 0, 300);
            new HessianVectorPass(network, 300).run(300, 1f / 300, vf, whole);
        }
        double largest = 0;
        for (float w : whole) {
            largest = Math.max(largest, Math.abs(w));
        }
        assertThat(largest).isPositive();
        for (int i = 0; i < v.length; i++) {
            assertThat(chunked[i]).isCloseTo(whole[i], within(1e-5 * largest));
        }
    }
}
