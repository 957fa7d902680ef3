package org.batchscope.analyzer.engine.lean;

/**
 * Reorders channel-major activations {@code [channels][batch][plane]} into sample-major rows
 * {@code [batch][channels * plane]} (each row flattened C, H, W as the canonical layout expects); the
 * backward pass does the inverse copy. No arithmetic.
 */
final class ChannelMajorFlatten implements Layer {

    private final int channels;
    private final int plane;

    ChannelMajorFlatten(int channels, int plane) {
        this.channels = channels;
        this.plane = plane;
    }

    @Override
    public int inputSize() {
        return channels * plane;
    }

    @Override
    public int outputSize() {
        return channels * plane;
    }

    @Override
    public void forward(float[] params, float[] in, float[] out, int batch) {
        for (int c = 0; c < channels; c++) {
            for (int b = 0; b < batch; b++) {
                System.arraycopy(in, (c * batch + b) * plane, out, (b * channels + c) * plane, plane);
            }
        }
    }

    @Override
    public void backward(float[] params, float[] in, float[] out, float[] dOut, float[] dIn, float[] dParams, int batch) {
        if (dIn == null) {
            return;
        }
        for (int c = 0; c < channels; c++) {
            for (int b = 0; b < batch; b++) {
                System.arraycopy(dOut, (b * channels + c) * plane, dIn, (c * batch + b) * plane, plane);
            }
        }
    }

    /** The same reordering of the input's tangent. */
    @Override
    public void forwardTangent(float[] params, float[] v, float[] in, float[] out, float[] inDot, float[] outDot,
            int batch) {
        forward(params, inDot, outDot, batch);
    }

    /** The same inverse reordering of the tangent of the output gradient. */
    @Override
    public void backwardTangent(float[] params, float[] v, float[] in, float[] inDot, float[] out, float[] dOut,
            float[] dOutDot, float[] dInDot, float[] hv, int batch) {
        backward(params, in, out, dOutDot, dInDot, null, batch);
    }
}
