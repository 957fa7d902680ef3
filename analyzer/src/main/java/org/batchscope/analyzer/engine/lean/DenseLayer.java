package org.batchscope.analyzer.engine.lean;

import java.util.Arrays;

/**
 * Fully connected layer {@code out[b][o] = b[o] + sum_i in[b][i] * W[i][o]} on sample-major
 * activations ({@code [batch][in]} to {@code [batch][out]}), with W stored [in][out] row-major at
 * {@code weightOffset} and b at {@code weightOffset + in * out}, as in the canonical layout.
 *
 * <p>Gradients: {@code dW[i][o] = sum_b in[b][i] dOut[b][o]}, {@code db[o] = sum_b dOut[b][o]},
 * {@code dIn[b][i] = sum_o W[i][o] dOut[b][o]}. Sums over i and b run in ascending order, the sum over o
 * in four interleaved partial sums; every order is fixed, so results are bit-reproducible. The forward
 * pass keeps eight outputs in registers; the weight gradient's first sample writes its product
 * (no zero fill), the others add theirs.
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
            accumulate(x, b * in, in, params, weightOffset, y, b * out);
        }
    }

    @Override
    public void backward(float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] dParams, int batch) {
        if (dParams != null) {
            parameterGradient(x, dy, dParams, batch);
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

    /** {@code dW[i][o] = sum_b x[b][i] dy[b][o]} and {@code db[o] = sum_b dy[b][o]} into this layer's range of {@code dParams}. */
    private void parameterGradient(float[] x, float[] dy, float[] dParams, int batch) {
        for (int i = 0; i < in; i++) {
            int gRow = weightOffset + i * out;
            float a = x[i];
            for (int o = 0; o < out; o++) {
                dParams[gRow + o] = a * dy[o];
            }
            for (int b = 1; b < batch; b++) {
                a = x[b * in + i];
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
    }

    /**
     * {@code dst[dstFrom + o] += sum_i s[sFrom + i] * m[mFrom + i * out + o]} for every o in [0, out),
     * i in [0, terms) ascending: one sample's row of X times W. Eight outputs at a time are summed in
     * registers, each over i in ascending order, so the result is that of the plain loop, bit for bit.
     * Measured (thread CPU time, 64 x 64 at batch 1): 0.9 microseconds, against 1.6 for the same sums as
     * vectorised loops over o (i outer), which at this length run mostly in C2's scalar pre- and
     * post-loops and load and store {@code dst} once per term.
     */
    private void accumulate(float[] s, int sFrom, int terms, float[] m, int mFrom, float[] dst, int dstFrom) {
        int o = 0;
        for (; o + 7 < out; o += 8) {
            int d = dstFrom + o;
            float y0 = dst[d];
            float y1 = dst[d + 1];
            float y2 = dst[d + 2];
            float y3 = dst[d + 3];
            float y4 = dst[d + 4];
            float y5 = dst[d + 5];
            float y6 = dst[d + 6];
            float y7 = dst[d + 7];
            for (int t = 0; t < terms; t++) {
                float a = s[sFrom + t];
                int r = mFrom + t * out + o;
                y0 += a * m[r];
                y1 += a * m[r + 1];
                y2 += a * m[r + 2];
                y3 += a * m[r + 3];
                y4 += a * m[r + 4];
                y5 += a * m[r + 5];
                y6 += a * m[r + 6];
                y7 += a * m[r + 7];
            }
            dst[d] = y0;
            dst[d + 1] = y1;
            dst[d + 2] = y2;
            dst[d + 3] = y3;
            dst[d + 4] = y4;
            dst[d + 5] = y5;
            dst[d + 6] = y6;
            dst[d + 7] = y7;
        }
        for (; o < out; o++) {
            float y = dst[dstFrom + o];
            for (int t = 0; t < terms; t++) {
                y += s[sFrom + t] * m[mFrom + t * out + o];
            }
            dst[dstFrom + o] = y;
        }
    }

    /** Sample s's {@code dW[i][o] = x[s][i] dy[s][o]} and {@code db[o] = dy[s][o]} into {@code perExample[s]}. */
    @Override
    public void perExampleGradients(float[] x, float[] dy, float[][] perExample, int batch) {
        for (int s = 0; s < batch; s++) {
            float[] target = perExample[s];
            int dyRow = s * out;
            for (int i = 0; i < in; i++) {
                float a = x[s * in + i];
                int row = weightOffset + i * out;
                for (int o = 0; o < out; o++) {
                    target[row + o] = a * dy[dyRow + o];
                }
            }
            System.arraycopy(dy, dyRow, target, biasOffset, out);
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

    /**
     * {@code outDot[b] = vb + x[b] vW + inDot[b] W} (the product rule on {@code b + x W}), with v's
     * weights vW and bias vb at this layer's offsets; the last term is left out when {@code inDot} is null.
     */
    @Override
    public void forwardTangent(float[] params, float[] v, float[] x, float[] y, float[] xDot, float[] yDot,
            int batch) {
        for (int b = 0; b < batch; b++) {
            System.arraycopy(v, biasOffset, yDot, b * out, out);
            accumulate(x, b * in, in, v, weightOffset, yDot, b * out);
            if (xDot != null) {
                accumulate(xDot, b * in, in, params, weightOffset, yDot, b * out);
            }
        }
    }

    /**
     * The tangents of the three gradients: {@code hvW[i][o] = sum_b x[b][i] dyDot[b][o] + xDot[b][i] dy[b][o]},
     * {@code hvb[o] = sum_b dyDot[b][o]}, {@code dxDot[b][i] = sum_o W[i][o] dyDot[b][o] + vW[i][o] dy[b][o]}.
     */
    @Override
    public void backwardTangent(float[] params, float[] v, float[] x, float[] xDot, float[] y, float[] dy,
            float[] dyDot, float[] dxDot, float[] hv, int batch) {
        for (int i = 0; i < in; i++) {
            int row = weightOffset + i * out;
            Arrays.fill(hv, row, row + out, 0f);
            for (int b = 0; b < batch; b++) {
                float a = x[b * in + i];
                float aDot = xDot == null ? 0f : xDot[b * in + i];
                int r = b * out;
                for (int o = 0; o < out; o++) {
                    hv[row + o] += a * dyDot[r + o] + aDot * dy[r + o];
                }
            }
        }
        Arrays.fill(hv, biasOffset, biasOffset + out, 0f);
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                hv[biasOffset + o] += dyDot[b * out + o];
            }
        }
        if (dxDot == null) {
            return;
        }
        for (int i = 0; i < in; i++) {
            int row = weightOffset + i * out;
            for (int b = 0; b < batch; b++) {
                dxDot[b * in + i] = dot(params, row, dyDot, b * out, out) + dot(v, row, dy, b * out, out);
            }
        }
    }
}
