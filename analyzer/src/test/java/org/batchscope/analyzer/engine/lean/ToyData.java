package org.batchscope.analyzer.engine.lean;

import java.util.Random;
import org.batchscope.analyzer.engine.TensorData;

/** Small seeded data sets for the engine tests. */
final class ToyData {

    private ToyData() {
    }

    /** Uniform features in [-1, 1]; label 1 when {@code x0 + 0.5 x1 > 0}: linearly separable. */
    static TensorData separable(int n, int features, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n * features];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < features; j++) {
                x[i * features + j] = random.nextFloat() * 2 - 1;
            }
            y[i] = x[i * features] + 0.5f * x[i * features + 1] > 0 ? 1 : 0;
        }
        return new TensorData(x, y, new int[] {features}, 2);
    }

    /** Uniform features in [0, 1] of the given shape and uniform labels. */
    static TensorData random(int n, int[] shape, int classes, long seed) {
        Random random = new Random(seed);
        int size = 1;
        for (int s : shape) {
            size *= s;
        }
        float[] x = new float[n * size];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat();
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextInt(classes);
        }
        return new TensorData(x, y, shape, classes);
    }
}
