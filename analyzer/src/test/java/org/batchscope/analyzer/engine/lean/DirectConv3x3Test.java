package org.batchscope.analyzer.engine.lean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link DirectConv3x3} against {@link Conv3x3} (im2col + sgemm, whose gradients {@link GradientCheckTest}
 * and whose Hessian-vector products {@link HessianReferenceTest} check against outside references), on
 * every pass a layer has: forward, per-example gradients, both tangent passes, backward with input
 * gradient. The shape makes the padded planes 628 positions long: more than one
 * {@code DirectConv3x3.BLOCK} of 512, and 4 positions past a multiple of 8, so the vector loops' scalar
 * tails run too. And the Vector API kernels against the scalar ones: the same bits.
 *
 * <p>Tolerances (inputs, weights, output gradients and directions uniform in [-0.5, 0.5)): the two
 * layers add the same products in other orders, so they differ by float rounding only. An output or
 * input gradient sums at most 9 * 4 + 1 = 37 terms below 0.25 (two such sums in a tangent), a weight
 * gradient 3 * 30 * 19 = 1,710 (two in a Hessian-vector product); the rounding error of either order is
 * a few units of 2^-24 (6e-8) times sqrt(terms) times the terms' size, about 1e-7 and 1e-6; 1e-5 and 1e-4
 * leave a factor of 100 and still fail on any wrong tap, weight or sample (differences of order 0.1).
 * The bias gradients sum the same values in the same order in both layers and must agree exactly.
 */
class DirectConv3x3Test {

    private static final int IN = 3;
    private static final int OUT = 4;
    private static final int HEIGHT = 30;
    private static final int WIDTH = 19;
    private static final int BATCH = 3;
    private static final int OFFSET = 5;
    private static final int WEIGHTS = OUT * IN * 9;

    @Test
    void directConvolutionEqualsIm2colUpToRounding() {
        Passes data = new Passes(new Random(3));
        float[][] direct = data.run(new DirectConv3x3(IN, OUT, HEIGHT, WIDTH, OFFSET, BATCH));
        float[][] im2col = data.run(new Conv3x3(IN, OUT, HEIGHT, WIDTH, OFFSET, BATCH, 2));
        String[] names = {"output", "output tangent", "input gradient", "input gradient tangent",
            "parameter gradient", "Hessian-vector product", "per-example gradient 0", "per-example gradient 1",
            "per-example gradient 2"};
        for (int a = 0; a < direct.length; a++) {
            boolean parameters = a == 4 || a == 5 || a >= 6;
            float tolerance = parameters ? 1e-4f : 1e-5f;
            assertThat(direct[a]).as(names[a]).hasSameSizeAs(im2col[a]);
            for (int j = 0; j < direct[a].length; j++) {
                boolean bias = parameters && j >= OFFSET + WEIGHTS && j < OFFSET + WEIGHTS + OUT;
                if (bias) {
                    assertThat(direct[a][j]).as("%s %d (bias)", names[a], j).isEqualTo(im2col[a][j]);
                } else {
                    assertThat(direct[a][j]).as("%s %d", names[a], j).isCloseTo(im2col[a][j], within(tolerance));
                }
            }
        }
        // the comparison is not vacuous: the layer's outputs and gradients are not all zero or equal
        assertThat(maxAbs(direct[0])).isGreaterThan(0.5f);
        assertThat(maxAbs(direct[4])).isGreaterThan(1f);
    }

    @Test
    void vectorKernelsGiveTheScalarKernelsBits() {
        assertThat(VectorLoops.INSTANCE).as("the tests run with the Vector API module").isInstanceOf(VectorApiLoops.class);
        Passes data = new Passes(new Random(4));
        float[][] vector = data.run(new DirectConv3x3(new VectorApiLoops(), IN, OUT, HEIGHT, WIDTH, OFFSET, BATCH));
        float[][] scalar = data.run(new DirectConv3x3(new ScalarLoops(), IN, OUT, HEIGHT, WIDTH, OFFSET, BATCH));
        for (int a = 0; a < vector.length; a++) {
            assertThat(vector[a]).as("result %d", a).containsExactly(scalar[a]);
        }
    }

    private static float maxAbs(float[] a) {
        float m = 0;
        for (float v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** Random inputs, parameters, output gradients and tangents, and every pass of a layer on them. */
    private static final class Passes {
        final float[] params;
        final float[] v;
        final float[] x;
        final float[] xDot;
        final float[] dy;
        final float[] dyDot;

        Passes(Random random) {
            int parameters = OFFSET + WEIGHTS + OUT + 2;
            params = randoms(random, parameters);
            v = randoms(random, parameters);
            x = randoms(random, BATCH * IN * HEIGHT * WIDTH);
            xDot = randoms(random, x.length);
            dy = randoms(random, BATCH * OUT * HEIGHT * WIDTH);
            dyDot = randoms(random, dy.length);
        }

        /**
         * @return the output, output tangent, input gradient, its tangent, parameter gradient,
         *         Hessian-vector product, and each sample's gradient
         */
        float[][] run(Layer layer) {
            try (layer) {
                float[] y = new float[dy.length];
                float[] yDot = new float[dy.length];
                float[] dx = new float[x.length];
                float[] dxDot = new float[x.length];
                float[] dParams = new float[params.length];
                float[] hv = new float[params.length];
                float[][] perExample = new float[BATCH][params.length];
                layer.forward(params, x, y, BATCH);
                layer.perExampleGradients(x, dy, perExample, BATCH);
                layer.forwardTangent(params, v, x, y, xDot, yDot, BATCH);
                layer.backwardTangent(params, v, x, xDot, y, dy, dyDot, dxDot, hv, BATCH);
                layer.backward(params, x, y, dy, dx, dParams, BATCH);
                return new float[][] {y, yDot, dx, dxDot, dParams, hv, perExample[0], perExample[1], perExample[2]};
            }
        }

        private static float[] randoms(Random random, int n) {
            float[] a = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = random.nextFloat() - 0.5f;
            }
            return a;
        }
    }
}
