package org.batchscope.analyzer.engine.lean;

/** Plain SGD: {@code w -= lr * g}. */
final class Sgd implements Optimizer {

    @Override
    public void update(float[] w, float[] g, double learningRate, long t) {
        float lr = (float) learningRate;
        for (int i = 0; i < w.length; i++) {
            w[i] -= lr * g[i];
        }
    }
}
