package org.batchscope.analyzer.engine.lean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The BLAS dense layer against the Java one (itself checked by finite differences in
 * {@link GradientCheckTest}): same outputs and gradients up to float rounding of sums of 300 terms of
 * size ~0.25 (relative 1e-7 per term, so a 1e-4 absolute bound is generous).
 */
class BlasDenseLayerTest {

    @Test
    void matchesTheJavaDenseLayer() {
        check(300, 7, 5);
    }

    /** Batch 1 runs in Java ({@link VectorLoops}: 16 outputs take the vector paths, 7 the scalar tails). */
    @Test
    void matchesTheJavaDenseLayerAtBatchOne() {
        check(300, 16, 1);
        check(300, 7, 1);
    }

    private static void check(int in, int out, int batch) {
        Random random = new Random(3);
        float[] params = new float[in * out + out + 4];
        for (int i = 0; i < params.length; i++) {
            params[i] = random.nextFloat() - 0.5f;
        }
        float[] x = new float[batch * in];
        float[] dy = new float[batch * out];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat();
        }
        for (int i = 0; i < dy.length; i++) {
            dy[i] = random.nextFloat() - 0.5f;
        }
        float[] yJava = new float[batch * out];
        float[] yBlas = new float[batch * out];
        float[] gJava = new float[params.length];
        float[] gBlas = new float[params.length];
        float[] dxJava = new float[batch * in];
        float[] dxBlas = new float[batch * in];
        DenseLayer java = new DenseLayer(in, out, 4);
        java.forward(params, x, yJava, batch);
        java.backward(params, x, yJava, dy, dxJava, gJava, batch);
        try (BlasDenseLayer blas = new BlasDenseLayer(in, out, 4, 8)) {
            blas.forward(params, x, yBlas, batch);
            blas.backward(params, x, yBlas, dy, dxBlas, gBlas, batch);
        }
        assertThat(yBlas).containsExactly(yJava, within(1e-4f));
        assertThat(gBlas).containsExactly(gJava, within(1e-4f));
        assertThat(dxBlas).containsExactly(dxJava, within(1e-4f));
    }

    /**
     * The tangent passes of the R-operator ({@link DenseLayer}'s are checked against PyTorch in
     * {@link HessianReferenceTest}): the BLAS products against the Java sums, at batch 5 (BLAS) and 1 (Java),
     * with and without an input tangent; sums of up to 600 terms of size ~0.25, within 1e-4 as above.
     */
    @Test
    void tangentPassesMatchTheJavaDenseLayer() {
        for (int batch : new int[] {5, 1}) {
            checkTangents(300, 7, batch, true);
            checkTangents(300, 7, batch, false);
        }
    }

    private static void checkTangents(int in, int out, int batch, boolean inputMoves) {
        Random random = new Random(4);
        int p = in * out + out + 4;
        float[] params = uniform(random, p);
        float[] v = uniform(random, p);
        float[] x = uniform(random, batch * in);
        float[] xDot = inputMoves ? uniform(random, batch * in) : null;
        float[] dy = uniform(random, batch * out);
        float[] dyDot = uniform(random, batch * out);
        float[][] java = tangents(new DenseLayer(in, out, 4), params, v, x, xDot, dy, dyDot, batch, in, out);
        try (BlasDenseLayer blasLayer = new BlasDenseLayer(in, out, 4, 8)) {
            float[][] blas = tangents(blasLayer, params, v, x, xDot, dy, dyDot, batch, in, out);
            for (int k = 0; k < java.length; k++) {
                assertThat(blas[k]).containsExactly(java[k], within(1e-4f));
            }
        }
    }

    /** @return {yDot, hv, dxDot} after forward, forwardTangent and backwardTangent */
    private static float[][] tangents(Layer layer, float[] params, float[] v, float[] x, float[] xDot, float[] dy,
            float[] dyDot, int batch, int in, int out) {
        float[] y = new float[batch * out];
        float[] yDot = new float[batch * out];
        float[] hv = new float[params.length];
        float[] dxDot = new float[batch * in];
        layer.forward(params, x, y, batch);
        layer.forwardTangent(params, v, x, y, xDot, yDot, batch);
        layer.backwardTangent(params, v, x, xDot, y, dy, dyDot, dxDot, hv, batch);
        return new float[][] {yDot, hv, dxDot};
    }

    private static float[] uniform(Random random, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextFloat() - 0.5f;
        }
        return a;
    }
}
