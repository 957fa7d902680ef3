package org.batchscope.analyzer.engine.lean;

import org.bytedeco.javacpp.FloatPointer;

/**
 * The fully connected layer of {@link DenseLayer} (same formulas, same canonical W [in][out] then b),
 * with the three products done by {@link Sgemm} on off-heap copies: {@code Y = X W} ({@code batch x in}
 * times {@code in x out}), {@code dW = X^T dY}, {@code dX = dY W^T}. Worth it for large layers (the CNN's
 * flattened 8192 x 64), where it runs an order of magnitude faster than Java loops from batch 4 on; the
 * weights are copied off-heap once per forward pass. Minibatches below {@link #MIN_BATCH} samples go to
 * a {@link DenseLayer} (the choice depends only on the batch size, so results stay reproducible). Results differ from {@link DenseLayer} by float
 * rounding only (OpenBLAS sums in its own, fixed, order).
 */
final class BlasDenseLayer implements Layer {

    /** Layers with at least this many weights use BLAS. */
    static final int MIN_WEIGHTS = 1 << 16;

    /**
     * Minibatches smaller than this run in the Java {@link DenseLayer} instead (same parameters, same
     * results up to float rounding). At batch 1 the BLAS path spends more on copying the 8192 x 64
     * weights off-heap and their gradient back (2 MB each way, every step) than the products save:
     * measured (thread CPU time per sample of the benchmark CNN's whole training step) 1,794-1,833
     * microseconds with the Java layer against 2,258-2,277 with BLAS at batch 1, and 1,723-1,743 against
     * 1,712-1,724 at batch 2, where BLAS starts to win.
     */
    static final int MIN_BATCH = 2;

    private final int in;
    private final int out;
    private final int weightOffset;
    private final int biasOffset;
    private final FloatPointer weights;
    private final FloatPointer x;
    private final FloatPointer y;
    private final FloatPointer weightGrad;
    private final FloatPointer xGrad;
    private final DenseLayer java;

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
        this.java = new DenseLayer(in, out, weightOffset);
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
        if (batch < MIN_BATCH) {
            java.forward(params, input, output, batch);
            return;
        }
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
        if (batch < MIN_BATCH) {
            java.backward(params, input, output, dOut, dIn, dParams, batch);
            return;
        }
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
