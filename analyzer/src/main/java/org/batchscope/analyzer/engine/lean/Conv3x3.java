package org.batchscope.analyzer.engine.lean;

import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;

/**
 * 3x3 convolution, stride 1, zero padding 1 (output the size of the input), with bias, on channel-major
 * activations {@code [inChannels][batch][h][w]} to {@code [outChannels][batch][h][w]}. Weights W are
 * [out][in][3][3] at {@code weightOffset}, the bias [out] right after (canonical layout):
 * {@code y[o][b][r][c] = bias[o] + sum_{i,dr,dc} W[o][i][dr][dc] * x[i][b][r + dr - 1][c + dc - 1]}.
 *
 * <p>Computed as one matrix product for the whole minibatch: im2col builds
 * {@code col[k][n]} (k = i*9 + dr*3 + dc; n = b*h*w + r*w + c; K = 9 * in rows, N = batch*h*w columns),
 * then {@code Y = W col} ({@code out x K} times {@code K x N}) with {@link Sgemm}. Backward:
 * {@code dW = dY col^T}, {@code db[o] = sum_n dY[o][n]} (in double, fixed order), {@code dCol = W^T dY} and col2im adds
 * {@code dCol} back onto the input positions (fixed order). The column matrix and products live in
 * off-heap buffers allocated once for the network's capacity and freed by {@link #close()}.
 */
final class Conv3x3 implements Layer {

    private final int in;
    private final int out;
    private final int height;
    private final int width;
    private final int plane;
    private final int k;
    private final int weightOffset;
    private final int biasOffset;
    private final float[] col;
    private final FloatPointer colBuffer;
    private final FloatPointer weightBuffer;
    private final FloatPointer outBuffer;
    private final FloatPointer weightGradBuffer;

    Conv3x3(int in, int out, int height, int width, int weightOffset, int capacity) {
        this.in = in;
        this.out = out;
        this.height = height;
        this.width = width;
        this.plane = height * width;
        this.k = in * 9;
        this.weightOffset = weightOffset;
        this.biasOffset = weightOffset + out * k;
        long columns = (long) capacity * plane;
        this.col = new float[Math.toIntExact(k * columns)];
        this.colBuffer = new FloatPointer(k * columns);
        this.weightBuffer = new FloatPointer((long) out * k);
        this.outBuffer = new FloatPointer(out * columns);
        this.weightGradBuffer = new FloatPointer((long) out * k);
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
        im2col(x, batch);
        colBuffer.put(col, 0, k * n);
        weightBuffer.put(params, weightOffset, out * k);
        Sgemm.multiply(false, false, out, n, k, weightBuffer, colBuffer, outBuffer);
        outBuffer.get(y, 0, out * n);
        for (int o = 0; o < out; o++) {
            float bias = params[biasOffset + o];
            int row = o * n;
            for (int j = 0; j < n; j++) {
                y[row + j] += bias;
            }
        }
    }

    @Override
    public void backward(float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] dParams, int batch) {
        int n = batch * plane;
        outBuffer.put(dy, 0, out * n);
        Sgemm.multiply(false, true, out, k, n, outBuffer, colBuffer, weightGradBuffer);
        weightGradBuffer.get(dParams, weightOffset, out * k);
        for (int o = 0; o < out; o++) {
            dParams[biasOffset + o] = (float) sum(dy, o * n, n);
        }
        if (dx == null) {
            return;
        }
        Sgemm.multiply(true, false, k, n, out, weightBuffer, outBuffer, colBuffer);
        colBuffer.get(col, 0, k * n);
        col2im(dx, batch);
    }

    /**
     * {@code sum_j a[from + j]} over {@code length} terms in double, in eight interleaved partial sums
     * (j mod 8) added pairwise at the end, then the remainder: a fixed order, and eight independent
     * addition chains instead of one (measured: the single chain took about 80 microseconds per sample
     * for the first convolution's 16 x 4096 values, a third of that layer's backward pass).
     */
    private static double sum(float[] a, int from, int length) {
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

    /** Fills {@code col} from the channel-major input; zero where the 3x3 window leaves the image. */
    private void im2col(float[] x, int batch) {
        int n = batch * plane;
        for (int i = 0; i < in; i++) {
            for (int dr = 0; dr < 3; dr++) {
                for (int dc = 0; dc < 3; dc++) {
                    int rowStart = (i * 9 + dr * 3 + dc) * n;
                    int xStart = Math.max(0, 1 - dc);
                    int xEnd = Math.min(width, width + 1 - dc);
                    for (int b = 0; b < batch; b++) {
                        int src = (i * batch + b) * plane;
                        int dst = rowStart + b * plane;
                        for (int r = 0; r < height; r++) {
                            int sr = r + dr - 1;
                            int dstRow = dst + r * width;
                            if (sr < 0 || sr >= height) {
                                Arrays.fill(col, dstRow, dstRow + width, 0f);
                                continue;
                            }
                            Arrays.fill(col, dstRow, dstRow + xStart, 0f);
                            System.arraycopy(x, src + sr * width + xStart + dc - 1, col, dstRow + xStart, xEnd - xStart);
                            Arrays.fill(col, dstRow + xEnd, dstRow + width, 0f);
                        }
                    }
                }
            }
        }
    }

    /** Overwrites {@code dx} with the sum of {@code col}'s entries over the positions they were read from. */
    private void col2im(float[] dx, int batch) {
        int n = batch * plane;
        Arrays.fill(dx, 0, in * n, 0f);
        for (int i = 0; i < in; i++) {
            for (int dr = 0; dr < 3; dr++) {
                for (int dc = 0; dc < 3; dc++) {
                    int rowStart = (i * 9 + dr * 3 + dc) * n;
                    int xStart = Math.max(0, 1 - dc);
                    int xEnd = Math.min(width, width + 1 - dc);
                    for (int b = 0; b < batch; b++) {
                        int dst = (i * batch + b) * plane;
                        int src = rowStart + b * plane;
                        for (int r = 0; r < height; r++) {
                            int sr = r + dr - 1;
                            if (sr < 0 || sr >= height) {
                                continue;
                            }
                            int target = dst + sr * width + dc - 1;
                            int from = src + r * width;
                            for (int c = xStart; c < xEnd; c++) {
                                dx[target + c] += col[from + c];
                            }
                        }
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        colBuffer.close();
        weightBuffer.close();
        outBuffer.close();
        weightGradBuffer.close();
    }
}
