package org.batchscope.analyzer.engine.lean;

/**
 * Rectifier {@code out = max(0, in)}, element-wise, any activation layout; gradient
 * {@code dIn = dOut} where {@code out > 0}, else 0 (the kink at 0 gets gradient 0; {@code max} maps -0
 * to +0, so an output is never -0).
 */
final class Relu implements Layer {

    private final int size;

    Relu(int size) {
        this.size = size;
    }

    @Override
    public int inputSize() {
        return size;
    }

    @Override
    public int outputSize() {
        return size;
    }

    @Override
    public void forward(float[] params, float[] in, float[] out, int batch) {
        int n = batch * size;
        for (int i = 0; i < n; i++) {
            out[i] = Math.max(0f, in[i]);
        }
    }

    @Override
    public void backward(float[] params, float[] in, float[] out, float[] dOut, float[] dIn, float[] dParams, int batch) {
        if (dIn == null) {
            return;
        }
        int n = batch * size;
        for (int i = 0; i < n; i++) {
            // branch-free: out is +0, positive or NaN, so its bits are non-zero exactly when out != +0;
            // (bits | -bits) >> 31 is then all ones, else 0
            int bits = Float.floatToRawIntBits(out[i]);
            int mask = (bits | -bits) >> 31;
            dIn[i] = Float.intBitsToFloat(Float.floatToRawIntBits(dOut[i]) & mask);
        }
    }

    /** {@code outDot = inDot} where {@code out != 0}, else 0: the mask of {@link #backward}. */
    @Override
    public void forwardTangent(float[] params, float[] v, float[] in, float[] out, float[] inDot, float[] outDot,
            int batch) {
        backward(params, in, out, inDot, outDot, null, batch);
    }

    /** {@code dInDot = dOutDot} where {@code out != 0}, else 0 (ReLU's second derivative is 0 off the kink). */
    @Override
    public void backwardTangent(float[] params, float[] v, float[] in, float[] inDot, float[] out, float[] dOut,
            float[] dOutDot, float[] dInDot, float[] hv, int batch) {
        backward(params, in, out, dOutDot, dInDot, null, batch);
    }
}
