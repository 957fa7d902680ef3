package org.batchscope.analyzer.engine.lean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The convolution in chunks of 2 samples (batch 5: chunks of 2, 2, 1) against one chunk for the whole
 * batch (the path {@link GradientCheckTest} checks by finite differences): the same outputs and input
 * gradients exactly (each sample's products do not depend on the chunking), and the same weight
 * gradient up to float rounding (a sum over 5 * 72 positions of terms of size ~0.25 split into three
 * partial products: relative 1e-7 per term, so 1e-4 absolute is generous).
 */
class Conv3x3ChunkTest {

    @Test
    void chunksChangeOnlyTheRoundingOfTheWeightGradient() {
        int in = 2;
        int out = 3;
        int height = 9;
        int width = 8;
        int batch = 5;
        int weights = out * in * 9 + out;
        Random random = new Random(5);
        float[] params = randoms(random, weights + 4);
        float[] x = randoms(random, batch * in * height * width);
        float[] dy = randoms(random, batch * out * height * width);
        float[][] whole = run(new Conv3x3(in, out, height, width, 4, batch, batch), params, x, dy, batch);
        float[][] chunked = run(new Conv3x3(in, out, height, width, 4, batch, 2), params, x, dy, batch);
        assertThat(chunked[0]).containsExactly(whole[0]);
        assertThat(chunked[2]).containsExactly(whole[2]);
        for (int j = 0; j < params.length; j++) {
            assertThat(chunked[1][j]).as("parameter gradient %d", j).isCloseTo(whole[1][j], within(1e-4f));
        }
    }

    /** @return the output, the parameter gradient and the input gradient */
    private static float[][] run(Conv3x3 conv, float[] params, float[] x, float[] dy, int batch) {
        try (conv) {
            float[] y = new float[batch * conv.outputSize()];
            float[] dParams = new float[params.length];
            float[] dx = new float[x.length];
            conv.forward(params, x, y, batch);
            conv.backward(params, x, y, dy, dx, dParams, batch);
            return new float[][] {y, dParams, dx};
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
