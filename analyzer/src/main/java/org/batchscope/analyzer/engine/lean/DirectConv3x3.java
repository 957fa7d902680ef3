package org.batchscope.analyzer.engine.lean;

import java.util.Arrays;

/**
 * The convolution of {@link Conv3x3} (3x3, stride 1, zero padding 1, bias; channel-major activations,
 * canonical weight layout {@code W[out][in][3][3]} then {@code bias[out]}) computed directly, without
 * im2col or a matrix product: on zero-padded copies of the input planes (row stride {@code w + 2}),
 * {@code y[o][b] = bias[o] + sum_i sum_taps W[o][i][t] x[i][b] shifted by the tap}, one
 * {@link VectorLoops#addTaps} pass (nine taps, weights in registers) per output and input channel.
 *
 * <ul>
 *   <li>Input gradient: the same kernel on the padded output gradient with the weights transposed and
 *       turned by 180 degrees, {@code dx[i] = sum_o conv(dy[o], rot180(W[o][i]))}.</li>
 *   <li>Weight gradient: {@code dW[o][i][t] = sum_b sum_q dy[o][b][q] x[i][b][q shifted by t]}, per
 *       sample nine dot products in one pass ({@link VectorLoops#tapDots}), the samples' values added in
 *       sample order; {@code db[o] = sum_n dy[o][n]} in double as {@link Conv3x3} sums it.</li>
 *   <li>Tangent passes (Pearlmutter's R-operator): the same kernels on {@code vW}, {@code xDot},
 *       {@code dyDot}, as the product rule on the bilinear convolution gives them.</li>
 * </ul>
 * Summation orders are fixed (the fused chains of {@link VectorLoops}), so results are bit-reproducible,
 * and differ from {@link Conv3x3}'s in the last bits only.
 *
 * <p>Why: for few input channels im2col + sgemm wastes the machine (the product is {@code out x 9 in} times
 * {@code 9 in x P}: tiny M and K, and OpenBLAS packs the whole column matrix). {@link LeanNetwork} picks
 * this layer by shape ({@link #suits}); figures there.
 */
final class DirectConv3x3 implements Layer {

    /**
     * Positions per block of {@link #convolve}: all input channels run over one block of the accumulator
     * (2 KB) before the next, so that it stays in L1 (the whole padded plane of a 64 x 64 image is 17 KB).
     */
    private static final int BLOCK = 512;

    private final VectorLoops loops;
    private final int in;
    private final int out;
    private final int height;
    private final int width;
    private final int plane;
    /** Row stride of the padded planes. */
    private final int stride;
    /** Floats per padded plane: {@code (h + 2) (w + 2)}. */
    private final int padded;
    /** Positions per pass: the output rows in padded stride, less the last row's two padding columns. */
    private final int positions;
    private final int weightOffset;
    private final int biasOffset;
    /** The input's planes, zero-padded, {@code [in][batch]} planes of {@link #padded} floats. */
    private final float[] paddedInput;
    /** An output gradient's planes, zero-padded, {@code [out][batch]}. */
    private final float[] paddedGradient;
    /** One output plane in padded stride, accumulated over the input channels. */
    private final float[] acc;
    /** {@code W[o][i]} turned by 180 degrees and stored as {@code [i][o][3][3]}, for the input gradient. */
    private final float[] turned;
    /** The nine sums of one {@link VectorLoops#tapDots} call. */
    private final float[] sums = new float[9];
    /** Buffers of the tangent passes, allocated on their first use (training never needs them). */
    private Tangent tangent;

    DirectConv3x3(int in, int out, int height, int width, int weightOffset, int capacity) {
        this(VectorLoops.INSTANCE, in, out, height, width, weightOffset, capacity);
    }

    /** @param loops the loops to run (tests compare the Vector API ones with the scalar ones) */
    DirectConv3x3(VectorLoops loops, int in, int out, int height, int width, int weightOffset, int capacity) {
        this.loops = loops;
        this.in = in;
        this.out = out;
        this.height = height;
        this.width = width;
        this.plane = height * width;
        this.stride = width + 2;
        this.padded = (height + 2) * stride;
        this.positions = height * stride - 2;
        this.weightOffset = weightOffset;
        this.biasOffset = weightOffset + out * in * 9;
        this.paddedInput = new float[capacity * in * padded];
        this.paddedGradient = new float[capacity * out * padded];
        this.acc = new float[height * stride];
        this.turned = new float[out * in * 9];
    }

    /**
     * @return whether a convolution with {@code in} input channels runs as this layer rather than as
     *         {@link Conv3x3}
     */
    static boolean suits(int in) {
        return in <= 3;
    }

    @Override
    public int inputSize() {
        return in * plane;
    }

    @Override
    public int outputSize() {
        return out * plane;
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int batch) {
        pad(x, in, batch, paddedInput);
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                Arrays.fill(acc, params[biasOffset + o]);
                convolve(params, weightOffset + o * in * 9, paddedInput, in, b, batch);
                unpad(y, o, b, batch);
            }
        }
    }

    @Override
    public void backward(float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] dParams, int batch) {
        pad(dy, out, batch, paddedGradient);
        if (dParams != null) {
            int n = batch * plane;
            for (int b = 0; b < batch; b++) {
                addWeightGradient(paddedGradient, paddedInput, b, batch, dParams, b == 0);
            }
            for (int o = 0; o < out; o++) {
                dParams[biasOffset + o] = (float) Conv3x3.sum(dy, o * n, n);
            }
        }
        if (dx != null) {
            turn(params, turned);
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < in; i++) {
                    Arrays.fill(acc, 0f);
                    convolve(turned, i * out * 9, paddedGradient, out, b, batch);
                    unpad(dx, i, b, batch);
                }
            }
        }
    }

    /** Sample s's weight gradient (its nine dot products per weight plane) and bias gradient, into {@code perExample[s]}. */
    @Override
    public void perExampleGradients(float[] x, float[] dy, float[][] perExample, int batch) {
        pad(dy, out, batch, paddedGradient);
        int n = batch * plane;
        for (int s = 0; s < batch; s++) {
            float[] target = perExample[s];
            addWeightGradient(paddedGradient, paddedInput, s, batch, target, true);
            for (int o = 0; o < out; o++) {
                target[biasOffset + o] = (float) Conv3x3.sum(dy, o * n + s * plane, plane);
            }
        }
    }

    /** {@code yDot = conv(vW, x) + vb + conv(W, xDot)}, the last term left out when {@code xDot} is null. */
    @Override
    public void forwardTangent(float[] params, float[] v, float[] x, float[] y, float[] xDot, float[] yDot,
            int batch) {
        if (tangent == null || tangent.samples < batch) {
            tangent = new Tangent(batch);
        }
        if (xDot != null) {
            pad(xDot, in, batch, tangent.input);
        }
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                Arrays.fill(acc, v[biasOffset + o]);
                convolve(v, weightOffset + o * in * 9, paddedInput, in, b, batch);
                if (xDot != null) {
                    convolve(params, weightOffset + o * in * 9, tangent.input, in, b, batch);
                }
                unpad(yDot, o, b, batch);
            }
        }
    }

    /**
     * {@code hvW = sum_b [dW(x, dyDot) + dW(xDot, dy)]} (sample by sample, in that order),
     * {@code hvb[o] = sum_n dyDot[o][n]}, and {@code dxDot = convT(W, dyDot) + convT(vW, dy)}.
     */
    @Override
    public void backwardTangent(float[] params, float[] v, float[] x, float[] xDot, float[] y, float[] dy,
            float[] dyDot, float[] dxDot, float[] hv, int batch) {
        pad(dy, out, batch, paddedGradient);
        pad(dyDot, out, batch, tangent.gradient);
        for (int b = 0; b < batch; b++) {
            addWeightGradient(tangent.gradient, paddedInput, b, batch, hv, b == 0);
            if (xDot != null) {
                addWeightGradient(paddedGradient, tangent.input, b, batch, hv, false);
            }
        }
        int n = batch * plane;
        for (int o = 0; o < out; o++) {
            hv[biasOffset + o] = (float) Conv3x3.sum(dyDot, o * n, n);
        }
        if (dxDot != null) {
            turn(params, turned);
            turn(v, tangent.turned);
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < in; i++) {
                    Arrays.fill(acc, 0f);
                    convolve(turned, i * out * 9, tangent.gradient, out, b, batch);
                    convolve(tangent.turned, i * out * 9, paddedGradient, out, b, batch);
                    unpad(dxDot, i, b, batch);
                }
            }
        }
    }

    /**
     * Adds to {@link #acc} the convolution of sample b's {@code channels} padded planes in {@code source}
     * with the weights {@code w[from + c * 9 ..]} (nine per channel, in channel order).
     */
    private void convolve(float[] w, int from, float[] source, int channels, int b, int batch) {
        for (int q = 0; q < positions; q += BLOCK) {
            int n = Math.min(BLOCK, positions - q);
            for (int c = 0; c < channels; c++) {
                loops.addTaps(acc, q, n, source, (c * batch + b) * padded + q, stride, w, from + c * 9);
            }
        }
    }

    /**
     * Sample b's weight gradient from a padded output gradient and padded input: writes it into
     * {@code target}'s weight range when {@code overwrite}, else adds it there.
     */
    private void addWeightGradient(float[] gradient, float[] input, int b, int batch, float[] target,
            boolean overwrite) {
        for (int o = 0; o < out; o++) {
            // the gradient's plane read from its first interior position: its padding columns are zeros,
            // so the two padding columns of each row add nothing
            int dyFrom = (o * batch + b) * padded + stride + 1;
            for (int i = 0; i < in; i++) {
                loops.tapDots(gradient, dyFrom, positions, input, (i * batch + b) * padded, stride, sums);
                int w = weightOffset + (o * in + i) * 9;
                for (int t = 0; t < 9; t++) {
                    target[w + t] = overwrite ? sums[t] : target[w + t] + sums[t];
                }
            }
        }
    }

    /** {@code target[i][o][t] = W[o][i][8 - t]}: the weights of the input gradient's convolution. */
    private void turn(float[] params, float[] target) {
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                int w = weightOffset + (o * in + i) * 9;
                int t0 = (i * out + o) * 9;
                for (int t = 0; t < 9; t++) {
                    target[t0 + t] = params[w + 8 - t];
                }
            }
        }
    }

    /** Copies the channel-major planes of {@code source} into the interiors of {@code target}'s padded planes. */
    private void pad(float[] source, int channels, int batch, float[] target) {
        for (int p = 0; p < channels * batch; p++) {
            for (int r = 0; r < height; r++) {
                System.arraycopy(source, p * plane + r * width, target, p * padded + (r + 1) * stride + 1, width);
            }
        }
    }

    /** Copies {@link #acc} (padded stride) into plane {@code [c][b]} of a channel-major activation. */
    private void unpad(float[] target, int c, int b, int batch) {
        int to = (c * batch + b) * plane;
        for (int r = 0; r < height; r++) {
            System.arraycopy(acc, r * stride, target, to + r * width, width);
        }
    }

    /** The padded tangents of the input and output gradient, and the turned direction, for up to {@code samples}. */
    private final class Tangent {
        final int samples;
        final float[] input;
        final float[] gradient;
        final float[] turned = new float[out * in * 9];

        Tangent(int samples) {
            this.samples = samples;
            this.input = new float[samples * in * padded];
            this.gradient = new float[samples * out * padded];
        }
    }
}
