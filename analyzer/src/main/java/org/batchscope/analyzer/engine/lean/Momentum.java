package org.batchscope.analyzer.engine.lean;

/** Heavy-ball momentum: {@code v = mu * v + g; w -= lr * v}, v starting at 0. */
final class Momentum implements Optimizer {

    private final float mu;
    private final float[] v;

    Momentum(double mu, int size) {
        this.mu = (float) mu;
        this.v = new float[size];
    }

    @Override
    public void update(float[] w, float[] g, double learningRate, long t) {
        float lr = (float) learningRate;
        for (int i = 0; i < w.length; i++) {
            v[i] = mu * v[i] + g[i];
            w[i] -= lr * v[i];
        }
    }
}
