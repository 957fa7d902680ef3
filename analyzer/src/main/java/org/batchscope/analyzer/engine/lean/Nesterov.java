package org.batchscope.analyzer.engine.lean;

/**
 * Nesterov momentum in Deeplearning4j's form: {@code v_prev = v; v = mu * v - lr * g;
 * w += -mu * v_prev + (1 + mu) * v}, v starting at 0.
 */
final class Nesterov implements Optimizer {

    private final float mu;
    private final float[] v;

    Nesterov(double mu, int size) {
        this.mu = (float) mu;
        this.v = new float[size];
    }

    @Override
    public void update(float[] w, float[] g, double learningRate, long t) {
        float lr = (float) learningRate;
        float onePlusMu = 1f + mu;
        for (int i = 0; i < w.length; i++) {
            float previous = v[i];
            v[i] = mu * previous - lr * g[i];
            w[i] += -mu * previous + onePlusMu * v[i];
        }
    }
}
