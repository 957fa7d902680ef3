package org.batchscope.analyzer.engine.lean;

import java.util.Arrays;

/**
 * Fully connected layer {@code out[b][o] = b[o] + sum_i in[b][i] * W[i][o]} on sample-major
 * activations ({@code [batch][in]} to {@code [batch][out]}), with W stored [in][out] row-major at
 * {@code weightOffset} and b at {@code weightOffset + in * out}, as in the canonical layout.
 *
 * <p>Gradients: {@code dW[i][o] = sum_b in[b][i] dOut[b][o]}, {@code db[o] = sum_b dOut[b][o]},
 * {@code dIn[b][i] = sum_o W[i][o] dOut[b][o]}; every sum runs in ascending index order, so results are
 * bit-reproducible. Inner loops run over contiguous {@code o} so that the JIT vectorises them.
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
            int yRow = b * out;
            System.arraycopy(params, biasOffset, y, yRow, out);
            int xRow = b * in;
            for (int i = 0; i < in; i++) {
                float a = x[xRow + i];
                int wRow = weightOffset + i * out;
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
        for (int b = 0; b < batch; b++) {
            int dyRow = b * out;
            int dxRow = b * in;
            for (int i = 0; i < in; i++) {
                int wRow = weightOffset + i * out;
                float s = 0f;
                for (int o = 0; o < out; o++) {
                    s += params[wRow + o] * dy[dyRow + o];
                }
                dx[dxRow + i] = s;
            }
        }
    }
}
