package org.batchscope.analyzer.engine.lean;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;

/**
 * 3x3 convolution, stride 1, zero padding 1 (output the size of the input), with bias, on channel-major
 * activations {@code [inChannels][batch][h][w]} to {@code [outChannels][batch][h][w]}. Weights W are
 * [out][in][3][3] at {@code weightOffset}, the bias [out] right after (canonical layout):
 * {@code y[o][b][r][c] = bias[o] + sum_{i,dr,dc} W[o][i][dr][dc] * x[i][b][r + dr - 1][c + dc - 1]}.
 *
 * <p>Computed as matrix products over chunks of {@code chunk} consecutive samples (the last chunk may be
 * shorter): for the chunk's P = samples * h * w positions, im2col builds {@code col[kk][p]}
 * (kk = i*9 + dr*3 + dc, K = 9 * in rows, P columns), then {@code Y = W col} ({@code out x K} times
 * {@code K x P}) with {@link Sgemm}, and the bias is added while the chunk's rows are copied out.
 * Backward, per chunk in sample order: {@code dW^T += col dY^T} (the first chunk writes, the others add:
 * a fixed order; transposed into the canonical layout at the end because OpenBLAS runs the {@code K x out}
 * product faster than the {@code out x K} one: measured 106 instead of 116 microseconds per sample for
 * the benchmark CNN's first layer, when it still ran here, 139 instead of 165 for its second), {@code dCol = W^T dY}, and col2im adds {@code dCol} back onto the input positions
 * (fixed order); {@code db[o] = sum_n dY[o][n]} over the whole batch (in double, fixed order).
 *
 * <p>Why chunks: {@link #chunkSamples} sizes a chunk so that its column matrix stays within
 * {@link #CHUNK_BYTES}, so that im2col (written straight into the off-heap buffer), the product and the
 * copy back work on data in the core's 1 MB L2 cache. Measured for the benchmark CNN at batch 32 (thread CPU time
 * per sample, whole training step): 1,461 microseconds with whole-batch column matrices (14 and 19 MB),
 * 1,352 with chunks of one sample. The forward columns of every chunk are kept (off-heap, for the
 * network's capacity) for the weight gradient (and the per-example weight gradients, {@link #perExampleGradients}).
 *
 * <p>Convolutions with at most 3 input channels (an image's first layer) run as {@link DirectConv3x3}
 * instead, where im2col's tiny product wastes the machine ({@link LeanNetwork} chooses by shape).
 */
final class Conv3x3 implements Layer {

    /** Upper bound on one chunk's column matrix, in bytes (half the L2 cache of the machine measured). */
    static final int CHUNK_BYTES = 512 * 1024;

    private final int in;
    private final int out;
    private final int height;
    private final int width;
    private final int plane;
    private final int k;
    private final int weightOffset;
    private final int biasOffset;
    private final int chunk;
    /** Every chunk's column matrix, chunk after chunk: the chunk from sample b starts at {@code b * plane * k}. */
    private final FloatPointer colBuffer;
    /** {@link #colBuffer} as a buffer, which im2col writes and col2im reads with bulk copies. */
    private final FloatBuffer colView;
    /** One sample's plane of a column-gradient row, read from {@link #colView} for col2im. */
    private final float[] planeScratch;
    /** Zeros for the padding of a column row (at most {@code width + 1} at either end). */
    private final float[] zeros;
    private final FloatPointer weightBuffer;
    /** One chunk's output (or output gradient), {@code out x P}. */
    private final FloatPointer outBuffer;
    /** {@code dW^T}, {@code K x out}. */
    private final FloatPointer weightGradBuffer;
    /** {@code dW^T} on the heap, for the transposing copy into the canonical layout. */
    private final float[] weightGradTransposed;
    /** Buffers of the tangent passes, allocated on their first use (training never needs them). */
    private Tangent tangent;
    /**
     * Whether {@link #colBuffer} holds the columns of the last {@link #forward} call's input: a
     * {@link #backward} that computes {@code dx} overwrites them with their gradient, and
     * {@link #forwardTangent} then builds them again.
     */
    private boolean columnsHeld;

    /**
     * @param chunk samples per chunk, at least 1 ({@link #chunkSamples} in the network; tests pick
     *              others to check that chunking changes results by float rounding only)
     */
    Conv3x3(int in, int out, int height, int width, int weightOffset, int capacity, int chunk) {
        this.in = in;
        this.out = out;
        this.height = height;
        this.width = width;
        this.plane = height * width;
        this.k = in * 9;
        this.weightOffset = weightOffset;
        this.biasOffset = weightOffset + out * k;
        this.chunk = Math.max(1, Math.min(chunk, capacity));
        this.colBuffer = new FloatPointer((long) capacity * plane * k);
        this.colView = colBuffer.asBuffer();
        this.planeScratch = new float[plane];
        this.zeros = new float[width + 1];
        this.weightBuffer = new FloatPointer((long) out * k);
        this.outBuffer = new FloatPointer((long) out * this.chunk * plane);
        this.weightGradBuffer = new FloatPointer((long) out * k);
        this.weightGradTransposed = new float[out * k];
    }

    /** @return the most samples whose column matrix ({@code 9 * in * h * w} floats each) fits {@link #CHUNK_BYTES}, at least 1 */
    static int chunkSamples(int in, int height, int width) {
        return Math.max(1, CHUNK_BYTES / (Float.BYTES * 9 * in * height * width));
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
        int n = batch * plane;
        weightBuffer.put(params, weightOffset, out * k);
        for (int b0 = 0; b0 < batch; b0 += chunk) {
            int samples = Math.min(chunk, batch - b0);
            int p = samples * plane;
            long colOffset = (long) b0 * plane * k;
            im2col(colView, x, batch, b0, samples, (int) colOffset);
            Sgemm.multiply(false, false, out, p, k, weightBuffer, 0, colBuffer, colOffset, 0f, outBuffer, 0);
            for (int o = 0; o < out; o++) {
                int row = o * n + b0 * plane;
                outBuffer.position((long) o * p).get(y, row, p);
                float bias = params[biasOffset + o];
                for (int j = row; j < row + p; j++) {
                    y[j] += bias;
                }
            }
            outBuffer.position(0);
        }
        columnsHeld = true;
    }

    @Override
    public void backward(float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] dParams, int batch) {
        int n = batch * plane;
        for (int b0 = 0; b0 < batch; b0 += chunk) {
            int samples = Math.min(chunk, batch - b0);
            int p = samples * plane;
            long colOffset = (long) b0 * plane * k;
            for (int o = 0; o < out; o++) {
                outBuffer.position((long) o * p).put(dy, o * n + b0 * plane, p);
            }
            outBuffer.position(0);
            if (dParams != null) {
                Sgemm.multiply(false, true, k, out, p, colBuffer, colOffset, outBuffer, 0, b0 == 0 ? 0f : 1f,
                        weightGradBuffer, 0);
            }
            if (dx != null) {
                // the chunk's columns are no longer needed: their gradient takes their place
                Sgemm.multiply(true, false, k, p, out, weightBuffer, 0, outBuffer, 0, 0f, colBuffer, colOffset);
                col2im(colView, dx, batch, b0, samples, (int) colOffset);
                columnsHeld = false;
            }
        }
        if (dParams == null) {
            return;
        }
        weightGradBuffer.get(weightGradTransposed, 0, out * k);
        for (int o = 0; o < out; o++) {
            for (int kk = 0; kk < k; kk++) {
                dParams[weightOffset + o * k + kk] = weightGradTransposed[kk * out + o];
            }
        }
        for (int o = 0; o < out; o++) {
            dParams[biasOffset + o] = (float) sum(dy, o * n, n);
        }
    }

    /**
     * Sample s's {@code dW^T = col_s dY_s^T} (one {@code K x out} product over the sample's h * w
     * positions: its columns are a block of its chunk's column matrix, rows {@code samples * h * w}
     * floats apart) and {@code db[o] = sum_n dY_s[o][n]}, into {@code perExample[s]}; the same products
     * as {@link #backward}'s weight gradient, one sample at a time instead of summed over the chunk.
     */
    @Override
    public void perExampleGradients(float[] x, float[] dy, float[][] perExample, int batch) {
        int n = batch * plane;
        for (int s = 0; s < batch; s++) {
            int b0 = s / chunk * chunk;
            int p = Math.min(chunk, batch - b0) * plane;
            long colOffset = (long) b0 * plane * k + (long) (s - b0) * plane;
            for (int o = 0; o < out; o++) {
                outBuffer.position((long) o * plane).put(dy, o * n + s * plane, plane);
            }
            outBuffer.position(0);
            Sgemm.multiply(false, true, k, out, plane, colBuffer, colOffset, p, outBuffer, 0, plane, 0f,
                    weightGradBuffer, 0);
            weightGradBuffer.get(weightGradTransposed, 0, out * k);
            float[] target = perExample[s];
            for (int o = 0; o < out; o++) {
                for (int kk = 0; kk < k; kk++) {
                    target[weightOffset + o * k + kk] = weightGradTransposed[kk * out + o];
                }
                target[biasOffset + o] = (float) sum(dy, o * n + s * plane, plane);
            }
        }
    }

    /**
     * {@code sum_j a[from + j]} over {@code length} terms in double, in eight interleaved partial sums
     * (j mod 8) added pairwise at the end, then the remainder: a fixed order, and eight independent
     * addition chains instead of one (measured: the single chain took about 80 microseconds per sample
     * for the first convolution's 16 x 4096 values, a third of that layer's backward pass).
     */
    static double sum(float[] a, int from, int length) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int j = 0;
        for (; j + 7 < length; j += 8) {
            int i = from + j;
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
            s4 += a[i + 4];
            s5 += a[i + 5];
            s6 += a[i + 6];
            s7 += a[i + 7];
        }
        double s = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        for (; j < length; j++) {
            s += a[from + j];
        }
        return s;
    }

    /**
     * Fills {@code target} (the column buffer, or the tangent's) with the columns of samples {@code b0 .. b0 + samples - 1} of the channel-major
     * input ({@code col[kk][(b - b0) * plane + r * w + c] = x[i][b][r + dr - 1][c + dc - 1]}, zero where
     * the 3x3 window leaves the image). Each row kk of a sample is one flat copy of the input plane
     * shifted by {@code (dr - 1) * w + dc - 1} over the valid image rows, after which the column that the
     * shift wrapped into the neighbouring image row is zeroed: long copies instead of one per image row
     * (with the same change to {@link #col2im}, measured in thread CPU time per sample at batch 8: the
     * benchmark CNN's second convolution went from 266 to 239 microseconds forward and from 455 to 413
     * backward). The rows are written straight into the off-heap column buffer (bulk puts through
     * {@link #colView}), with no copy through a Java array: whole step at batch 8, 1,306-1,329 instead of
     * 1,328-1,357 microseconds per sample (thread CPU time, alternating runs; no change measurable at
     * batch 1 under the machine's load).
     */
    private void im2col(FloatBuffer target, float[] x, int batch, int b0, int samples, int colOffset) {
        int p = samples * plane;
        for (int i = 0; i < in; i++) {
            for (int dr = 0; dr < 3; dr++) {
                int first = Math.max(0, 1 - dr) * width;
                int end = Math.min(height, height + 1 - dr) * width;
                for (int dc = 0; dc < 3; dc++) {
                    int shift = (dr - 1) * width + dc - 1;
                    int rowStart = colOffset + (i * 9 + dr * 3 + dc) * p;
                    for (int s = 0; s < samples; s++) {
                        int src = (i * batch + b0 + s) * plane + shift;
                        int dst = rowStart + s * plane;
                        // dc = 0 reads one before the plane at j = 0, dc = 2 one past it at the end: both are padding
                        int from = first + (dc == 0 ? 1 : 0);
                        int to = end - (dc == 2 ? 1 : 0);
                        target.put(dst, zeros, 0, from);
                        target.put(dst + from, x, src + from, to - from);
                        target.put(dst + to, zeros, 0, plane - to);
                        if (dc != 1) {
                            int c = dst + (dc == 0 ? 0 : width - 1);
                            for (int r = 0; r < height; r++) {
                                target.put(c + r * width, 0f);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Overwrites samples {@code b0 .. b0 + samples - 1} of {@code dx} with the sum of the chunk's column
     * gradient's entries (in {@code source}, the column buffer or the tangent's, at {@code colOffset}; each row's plane is read with one
     * bulk get into {@link #planeScratch}) over the positions they were read from: per row kk and sample,
     * one flat loop adds the row onto the input plane shifted as in {@link #im2col}, after zeroing the
     * entries that belong to padding (so the wrapped positions get +0). The terms of each input position
     * are added in the order kk = 0, 1, ..., as before. The former loops per image row (32 floats in the
     * benchmark CNN's second layer) were too short for the JIT's vectorised loop: they took 98 of that
     * layer's 455 microseconds per sample backward.
     */
    private void col2im(FloatBuffer source, float[] dx, int batch, int b0, int samples, int colOffset) {
        int p = samples * plane;
        for (int i = 0; i < in; i++) {
            int first = (i * batch + b0) * plane;
            Arrays.fill(dx, first, first + p, 0f);
        }
        for (int i = 0; i < in; i++) {
            for (int dr = 0; dr < 3; dr++) {
                int first = Math.max(0, 1 - dr) * width;
                int end = Math.min(height, height + 1 - dr) * width;
                for (int dc = 0; dc < 3; dc++) {
                    int shift = (dr - 1) * width + dc - 1;
                    int rowStart = colOffset + (i * 9 + dr * 3 + dc) * p;
                    for (int s = 0; s < samples; s++) {
                        int target = (i * batch + b0 + s) * plane + shift;
                        int from = first + (dc == 0 ? 1 : 0);
                        int to = end - (dc == 2 ? 1 : 0);
                        float[] row = planeScratch;
                        source.get(rowStart + s * plane + from, row, from, to - from);
                        zeroWrappedColumn(row, 0, dc);
                        for (int j = from; j < to; j++) {
                            dx[target + j] += row[j];
                        }
                    }
                }
            }
        }
    }

    /**
     * Zeroes, in one sample's {@code h * w} block of a column row starting at {@code start}, the image
     * column that a horizontal shift of {@code dc - 1} takes outside the image: column 0 for dc = 0,
     * column w - 1 for dc = 2 (none for dc = 1).
     */
    private void zeroWrappedColumn(float[] a, int start, int dc) {
        if (dc == 1) {
            return;
        }
        int c = dc == 0 ? 0 : width - 1;
        for (int r = 0; r < height; r++) {
            a[start + r * width + c] = 0f;
        }
    }

    /**
     * {@code yDot = conv(vW, x) + vb + conv(W, xDot)} (the product rule on the bilinear convolution),
     * per chunk as {@code vW col(x) + W col(xDot)}: the forward pass's columns are reused (built again
     * from {@code x} when a {@link #backward} pass has overwritten them, so that the tangent passes can
     * also follow a whole gradient pass), the input tangent's columns are kept (off-heap) for
     * {@link #backwardTangent}; the last term is left out when {@code xDot} is null.
     */
    @Override
    public void forwardTangent(float[] params, float[] v, float[] x, float[] y, float[] xDot, float[] yDot,
            int batch) {
        if (tangent == null || tangent.samples < batch) {
            if (tangent != null) {
                tangent.close();
            }
            tangent = new Tangent(batch);
        }
        int n = batch * plane;
        tangent.weights.put(v, weightOffset, out * k);
        for (int b0 = 0; b0 < batch; b0 += chunk) {
            int samples = Math.min(chunk, batch - b0);
            int p = samples * plane;
            long colOffset = (long) b0 * plane * k;
            if (!columnsHeld) {
                im2col(colView, x, batch, b0, samples, (int) colOffset);
            }
            Sgemm.multiply(false, false, out, p, k, tangent.weights, 0, colBuffer, colOffset, 0f, outBuffer, 0);
            if (xDot != null) {
                im2col(tangent.colView, xDot, batch, b0, samples, (int) colOffset);
                Sgemm.multiply(false, false, out, p, k, weightBuffer, 0, tangent.cols, colOffset, 1f, outBuffer, 0);
            }
            for (int o = 0; o < out; o++) {
                int row = o * n + b0 * plane;
                outBuffer.position((long) o * p).get(yDot, row, p);
                float bias = v[biasOffset + o];
                for (int j = row; j < row + p; j++) {
                    yDot[j] += bias;
                }
            }
            outBuffer.position(0);
        }
        columnsHeld = true;
    }

    /**
     * The tangents of the three gradients, per chunk: {@code hvW^T += col(x) dYDot^T + col(xDot) dY^T},
     * {@code dColDot = W^T dYDot + vW^T dY} added back onto the input positions (col2im), and
     * {@code hvb[o] = sum_n dYDot[o][n]}. Uses the columns that {@link #backward} overwrites, so it runs
     * before it.
     */
    @Override
    public void backwardTangent(float[] params, float[] v, float[] x, float[] xDot, float[] y, float[] dy,
            float[] dyDot, float[] dxDot, float[] hv, int batch) {
        int n = batch * plane;
        for (int b0 = 0; b0 < batch; b0 += chunk) {
            int samples = Math.min(chunk, batch - b0);
            int p = samples * plane;
            long colOffset = (long) b0 * plane * k;
            for (int o = 0; o < out; o++) {
                outBuffer.position((long) o * p).put(dyDot, o * n + b0 * plane, p);
                tangent.out.position((long) o * p).put(dy, o * n + b0 * plane, p);
            }
            outBuffer.position(0);
            tangent.out.position(0);
            Sgemm.multiply(false, true, k, out, p, colBuffer, colOffset, outBuffer, 0, b0 == 0 ? 0f : 1f,
                    weightGradBuffer, 0);
            if (xDot != null) {
                Sgemm.multiply(false, true, k, out, p, tangent.cols, colOffset, tangent.out, 0, 1f, weightGradBuffer, 0);
            }
            if (dxDot != null) {
                // the chunk's tangent columns are no longer needed: the column gradient's tangent takes their place
                Sgemm.multiply(true, false, k, p, out, weightBuffer, 0, outBuffer, 0, 0f, tangent.cols, colOffset);
                Sgemm.multiply(true, false, k, p, out, tangent.weights, 0, tangent.out, 0, 1f, tangent.cols, colOffset);
                col2im(tangent.colView, dxDot, batch, b0, samples, (int) colOffset);
            }
        }
        weightGradBuffer.get(weightGradTransposed, 0, out * k);
        for (int o = 0; o < out; o++) {
            for (int kk = 0; kk < k; kk++) {
                hv[weightOffset + o * k + kk] = weightGradTransposed[kk * out + o];
            }
        }
        for (int o = 0; o < out; o++) {
            hv[biasOffset + o] = (float) sum(dyDot, o * n, n);
        }
    }

    /**
     * The off-heap buffers of the tangent passes for up to {@code samples} samples (the largest batch
     * a tangent pass has had; Hessian-vector products usually run on fewer samples than training):
     * v's weights, the input tangent's columns, one chunk of dY.
     */
    private final class Tangent {
        final int samples;
        final FloatPointer weights = new FloatPointer((long) Conv3x3.this.out * k);
        final FloatPointer cols;
        final FloatBuffer colView;
        /** One chunk of dY, {@code out x P}. */
        final FloatPointer out = new FloatPointer((long) Conv3x3.this.out * chunk * plane);

        Tangent(int samples) {
            this.samples = samples;
            this.cols = new FloatPointer((long) samples * plane * k);
            this.colView = cols.asBuffer();
        }

        void close() {
            weights.close();
            cols.close();
            out.close();
        }
    }

    @Override
    public void close() {
        colBuffer.close();
        weightBuffer.close();
        outBuffer.close();
        weightGradBuffer.close();
        if (tangent != null) {
            tangent.close();
        }
    }
}
