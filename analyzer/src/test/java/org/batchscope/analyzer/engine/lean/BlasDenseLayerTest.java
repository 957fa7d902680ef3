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

    /** Batch 1 runs in Java (tiled forward pass; fused backward pass when out is a multiple of 8). */
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
}
