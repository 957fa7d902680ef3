package org.batchscope.analyzer.engine.lean;

/**
 * Adam (Kingma and Ba, as in Deeplearning4j): {@code m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
 * a_t = lr * sqrt(1 - b2^t) / (1 - b1^t); w -= a_t * m / (sqrt(v) + eps)}, m and v starting at 0,
 * t the 1-based update count. The step factor {@code a_t} is computed in double, the rest in float.
 */
final class Adam implements Optimizer {

    private final double beta1;
    private final double beta2;
    private final float epsilon;
    private final float[] m;
    private final float[] v;

    Adam(double beta1, double beta2, double epsilon, int size) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = (float) epsilon;
        this.m = new float[size];
        this.v = new float[size];
    }

    @Override
    public void update(float[] w, float[] g, double learningRate, long t) {
        float alpha = (float) (learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float c1 = (float) (1 - beta1);
        float c2 = (float) (1 - beta2);
        for (int i = 0; i < w.length; i++) {
            float gi = g[i];
            m[i] = b1 * m[i] + c1 * gi;
            v[i] = b2 * v[i] + c2 * gi * gi;
            w[i] -= alpha * m[i] / ((float) Math.sqrt(v[i]) + epsilon);
        }
    }
}
