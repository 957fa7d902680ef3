package org.batchscope.analyzer.engine.lean;

import org.bytedeco.javacpp.FloatPointer;

/**
 * The fully connected layer of {@link DenseLayer} (same formulas, same canonical W [in][out] then b),
 * with the three products done by {@link Sgemm} on off-heap copies: {@code Y = X W} ({@code batch x in}
 * times {@code in x out}), {@code dW = X^T dY}, {@code dX = dY W^T}. Worth it for large layers (the CNN's
 * flattened 8192 x 64), where it runs an order of magnitude faster than Java loops from batch 4 on; the
 * weights are copied off-heap once per forward pass. Results differ from {@link DenseLayer} by float
 * rounding only (OpenBLAS sums in its own, fixed, order).
 */
final class BlasDenseLayer implements Layer {

    /** Layers with at least this many weights use BLAS. */
    static final int MIN_WEIGHTS = 1 << 16;

    private final int in;
    private final int out;
    private final int weightOffset;
    private final int biasOffset;
    private final FloatPointer weights;
    private final FloatPointer x;
    private final FloatPointer y;
    private final FloatPointer weightGrad;
    private final FloatPointer xGrad;

    BlasDenseLayer(int in, int out, int weightOffset, int capacity) {
        this.in = in;
        this.out = out;
        this.weightOffset = weightOffset;
        this.biasOffset = weightOffset + in * out;
        this.weights = new FloatPointer((long) in * out);
        this.x = new FloatPointer((long) capacity * in);
        this.y = new FloatPointer((long) capacity * out);
        this.weightGrad = new FloatPointer((long) in * out);
        this.xGrad = new FloatPointer((long) capacity * in);
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
    public void forward(float[] params, float[] input, float[] output, int batch) {
        weights.put(params, weightOffset, in * out);
        x.put(input, 0, batch * in);
        Sgemm.multiply(false, false, batch, out, in, x, weights, y);
        y.get(output, 0, batch * out);
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                output[b * out + o] += params[biasOffset + o];
            }
        }
    }

    @Override
    public void backward(float[] params, float[] input, float[] output, float[] dOut, float[] dIn, float[] dParams,
            int batch) {
        y.put(dOut, 0, batch * out);
        Sgemm.multiply(true, false, in, out, batch, x, y, weightGrad);
        weightGrad.get(dParams, weightOffset, in * out);
        for (int o = 0; o < out; o++) {
            float sum = 0f;
            for (int b = 0; b < batch; b++) {
                sum += dOut[b * out + o];
            }
            dParams[biasOffset + o] = sum;
        }
        if (dIn == null) {
            return;
        }
        Sgemm.multiply(false, true, batch, in, out, y, weights, xGrad);
        xGrad.get(dIn, 0, batch * in);
    }

    @Override
    public void close() {
        weights.close();
        x.close();
        y.close();
        weightGrad.close();
        xGrad.close();
    }
}
