package org.batchscope.analyzer.engine.lean;

import java.util.Arrays;

/**
 * Fully connected layer {@code out[b][o] = b[o] + sum_i in[b][i] * W[i][o]} on sample-major
 * activations ({@code [batch][in]} to {@code [batch][out]}), with W stored [in][out] row-major at
 * {@code weightOffset} and b at {@code weightOffset + in * out}, as in the canonical layout.
 *
 * <p>Gradients: {@code dW[i][o] = sum_b in[b][i] dOut[b][o]}, {@code db[o] = sum_b dOut[b][o]},
 * {@code dIn[b][i] = sum_o W[i][o] dOut[b][o]}. Sums over i and b run in ascending order, the sum over o
 * in four interleaved partial sums; every order is fixed, so results are bit-reproducible. Loops run
 * i outer (each row of W is touched once per minibatch) and contiguous {@code o} innermost, so that the
 * JIT vectorises them.
 */
final class DenseLayer implements Layer {

    private final int in;
    private final int out;
    private final int weightOffset;
    private final int biasOffset;

    DenseLayer(int in, int out, int weightOffset) {
        this.in = in;
        this.out = out;
        this.weightOffset = weightOffset;
        this.biasOffset = weightOffset + in * out;
    }

    @Override
    public int inputSize() {
        return in;
    }

    @Override
    public int outputSize() {
        return out;
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int batch) {
        for (int b = 0; b < batch; b++) {
            System.arraycopy(params, biasOffset, y, b * out, out);
        }
        // i outer, b inner: each row of W is read once per minibatch and applied to every sample while
        // it is in L1; each y[b][o] still sums over i in ascending order
        for (int i = 0; i < in; i++) {
            int wRow = weightOffset + i * out;
            for (int b = 0; b < batch; b++) {
                float a = x[b * in + i];
                int yRow = b * out;
                for (int o = 0; o < out; o++) {
                    y[yRow + o] += a * params[wRow + o];
                }
            }
        }
    }

    @Override
    public void backward(float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] dParams, int batch) {
        for (int i = 0; i < in; i++) {
            int gRow = weightOffset + i * out;
            Arrays.fill(dParams, gRow, gRow + out, 0f);
            for (int b = 0; b < batch; b++) {
                float a = x[b * in + i];
                int dyRow = b * out;
                for (int o = 0; o < out; o++) {
                    dParams[gRow + o] += a * dy[dyRow + o];
                }
            }
        }
        Arrays.fill(dParams, biasOffset, biasOffset + out, 0f);
        for (int b = 0; b < batch; b++) {
            int dyRow = b * out;
            for (int o = 0; o < out; o++) {
                dParams[biasOffset + o] += dy[dyRow + o];
            }
        }
        if (dx == null) {
            return;
        }
        for (int i = 0; i < in; i++) {
            int wRow = weightOffset + i * out;
            for (int b = 0; b < batch; b++) {
                dx[b * in + i] = dot(params, wRow, dy, b * out, out);
            }
        }
    }

    /**
     * {@code sum_o a[aFrom + o] * b[bFrom + o]} over {@code length} terms, in four interleaved partial sums
     * (o mod 4) added at the end, then the remainder: a fixed order, and four independent chains
     * instead of one.
     */
    private static float dot(float[] a, int aFrom, float[] b, int bFrom, int length) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int o = 0;
        for (; o + 3 < length; o += 4) {
            s0 += a[aFrom + o] * b[bFrom + o];
            s1 += a[aFrom + o + 1] * b[bFrom + o + 1];
            s2 += a[aFrom + o + 2] * b[bFrom + o + 2];
            s3 += a[aFrom + o + 3] * b[bFrom + o + 3];
        }
        float s = (s0 + s1) + (s2 + s3);
        for (; o < length; o++) {
            s += a[aFrom + o] * b[bFrom + o];
        }
        return s;
    }
}
