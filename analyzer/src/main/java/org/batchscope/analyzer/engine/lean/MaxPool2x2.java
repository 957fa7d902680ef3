package org.batchscope.analyzer.engine.lean;

import java.util.Arrays;

/**
 * 2x2 max-pooling with stride 2 on channel-major planes ({@code [channels][batch][h][w]} to
 * {@code [channels][batch][h/2][w/2]}, sizes floored: an odd last row or column is dropped). Ties go to
 * the first maximum in the order (0,0), (0,1), (1,0), (1,1). The gradient flows only to the input that
 * was the maximum (its index is kept from the forward pass); every other input gets 0.
 */
final class MaxPool2x2 implements Layer {

    private final int channels;
    private final int height;
    private final int width;
    private final int outHeight;
    private final int outWidth;
    private final int[] argmax;

    MaxPool2x2(int channels, int height, int width, int capacity) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.outHeight = height / 2;
        this.outWidth = width / 2;
        this.argmax = new int[capacity * channels * outHeight * outWidth];
    }

    int outputHeight() {
        return outHeight;
    }

    int outputWidth() {
        return outWidth;
    }

    @Override
    public int inputSize() {
        return channels * height * width;
    }

    @Override
    public int outputSize() {
        return channels * outHeight * outWidth;
    }

    @Override
    public void forward(float[] params, float[] in, float[] out, int batch) {
        int planes = channels * batch;
        int o = 0;
        for (int p = 0; p < planes; p++) {
            int plane = p * height * width;
            for (int y = 0; y < outHeight; y++) {
                int row = plane + 2 * y * width;
                for (int x = 0; x < outWidth; x++) {
                    int i = row + 2 * x;
                    int best = i;
                    if (in[i + 1] > in[best]) {
                        best = i + 1;
                    }
                    if (in[i + width] > in[best]) {
                        best = i + width;
                    }
                    if (in[i + width + 1] > in[best]) {
                        best = i + width + 1;
                    }
                    argmax[o] = best;
                    out[o++] = in[best];
                }
            }
        }
    }

    @Override
    public void backward(float[] params, float[] in, float[] out, float[] dOut, float[] dIn, float[] dParams, int batch) {
        if (dIn == null) {
            return;
        }
        Arrays.fill(dIn, 0, batch * inputSize(), 0f);
        int n = batch * outputSize();
        for (int o = 0; o < n; o++) {
            dIn[argmax[o]] = dOut[o];
        }
    }
}
