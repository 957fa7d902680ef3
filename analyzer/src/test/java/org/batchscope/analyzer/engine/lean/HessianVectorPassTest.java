package org.batchscope.analyzer.engine.lean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.batchscope.analyzer.engine.Initialization;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.ParameterInitializer;
import org.batchscope.analyzer.engine.ParameterLayout;
import org.batchscope.analyzer.engine.TensorData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link HessianVectorPass#runAfterGradient} against {@link HessianVectorPass#run}, which the PyTorch
 * references of {@link HessianReferenceTest} check: after a gradient pass on the same samples the tangent
 * passes alone must give the same H v bit for bit. The CNN has two convolutions (the second one's
 * backward pass overwrites its forward columns, which the tangent pass must build again) and a dense
 * layer large enough for {@link BlasDenseLayer} (whose batch-1 path is separate, hence both batch sizes).
 */
class HessianVectorPassTest {

    private static final ModelArchitecture CNN = new ModelArchitecture.SmallCnn(1, 32, 32, List.of(4, 8),
            List.of(128), 3);

    @ParameterizedTest
    @ValueSource(ints = {1, 8})
    void tangentPassesAfterAGradientPassGiveTheWholePassProduct(int batch) {
        TensorData data = ToyData.random(batch, CNN.inputShape(), CNN.classes(), 11);
        float[] params = ParameterInitializer.initialize(ParameterLayout.of(CNN), Initialization.HE, 4);
        assertThat(ParameterLayout.of(CNN).tensors().get(4).size()).as("the dense layer runs in BLAS")
                .isGreaterThanOrEqualTo(BlasDenseLayer.MIN_WEIGHTS);
        float[] v = new float[params.length];
        Random random = new Random(9);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        float[] whole = new float[params.length];
        float[] afterGradient = new float[params.length];
        float[] gradient;
        try (LeanNetwork network = new LeanNetwork(CNN, batch)) {
            System.arraycopy(params, 0, network.parameters(), 0, params.length);
            HessianVectorPass pass = new HessianVectorPass(network, batch);
            network.load(data, null, 0, batch);
            pass.run(batch, 1f / batch, v, whole);
            network.lossAndGradient(batch);
            gradient = network.gradients().clone();
            pass.runAfterGradient(batch, 1f / batch, v, afterGradient);
            assertThat(firstDifference(network.gradients(), gradient)).as("the tangent passes leave the gradient alone")
                    .isEqualTo(-1);
        }
        assertThat(norm(whole)).isPositive();
        assertThat(firstDifference(afterGradient, whole)).as("first entry where the products differ").isEqualTo(-1);
    }

    /**
     * {@link LeanHessian} on one chunk keeps the forward pass and the activation gradients and runs only
     * the tangent passes per product: for several directions in turn (the first again at the end), each
     * product must be that of a whole pass, bit for bit.
     */
    @Test
    void aOneChunkHessianGivesTheWholePassProductForEveryDirection() {
        int n = 8;
        TensorData data = ToyData.random(n, CNN.inputShape(), CNN.classes(), 13);
        float[] params = ParameterInitializer.initialize(ParameterLayout.of(CNN), Initialization.HE, 7);
        Random random = new Random(10);
        double[][] directions = new double[3][params.length];
        for (int d = 0; d < 2; d++) {
            for (int i = 0; i < params.length; i++) {
                directions[d][i] = random.nextGaussian();
            }
        }
        directions[2] = directions[0];
        try (LeanHessian hessian = new LeanModel(CNN, params).hessian(params, data);
                LeanNetwork network = new LeanNetwork(CNN, n)) {
            System.arraycopy(params, 0, network.parameters(), 0, params.length);
            HessianVectorPass pass = new HessianVectorPass(network, n);
            for (double[] direction : directions) {
                double[] product = new double[params.length];
                hessian.multiply(direction, product);
                float[] v = new float[params.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) direction[i];
                }
                float[] whole = new float[params.length];
                network.load(data, null, 0, n);
                pass.run(n, 1f / n, v, whole);
                assertThat(norm(whole)).isPositive();
                int firstDifference = -1;
                for (int i = 0; i < whole.length && firstDifference < 0; i++) {
                    if (product[i] != whole[i]) {
                        firstDifference = i;
                    }
                }
                assertThat(firstDifference).as("first entry where the products differ").isEqualTo(-1);
            }
        }
    }

    @Test
    void aWholePassLeavesTheGradientOfTheLastGradientPass() {
        TensorData data = ToyData.random(4, CNN.inputShape(), CNN.classes(), 12);
        float[] params = ParameterInitializer.initialize(ParameterLayout.of(CNN), Initialization.HE, 5);
        try (LeanNetwork network = new LeanNetwork(CNN, 4)) {
            System.arraycopy(params, 0, network.parameters(), 0, params.length);
            network.load(data, null, 0, 4);
            network.lossAndGradient(4);
            float[] gradient = network.gradients().clone();
            new HessianVectorPass(network, 4).run(4, 0.25f, params, new float[params.length]);
            assertThat(firstDifference(network.gradients(), gradient)).as("first entry the pass changed").isEqualTo(-1);
        }
    }

    /** @return the first index where {@code a} and {@code b} differ in their bits, or -1 */
    private static int firstDifference(float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
                return i;
            }
        }
        return a.length == b.length ? -1 : a.length;
    }

    private static double norm(float[] a) {
        double s = 0;
        for (float x : a) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }
}
