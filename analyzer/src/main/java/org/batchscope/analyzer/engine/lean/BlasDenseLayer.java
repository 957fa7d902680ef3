package org.batchscope.analyzer.engine.lean;

import org.bytedeco.javacpp.FloatPointer;

/**
 * The fully connected layer of {@link DenseLayer} (same formulas, same canonical W [in][out] then b),
 * with the three products done by {@link Sgemm} on off-heap copies: {@code Y = X W} ({@code batch x in}
 * times {@code in x out}), {@code dW = X^T dY}, {@code dX = dY W^T}. Worth it for large layers (the CNN's
 * flattened 8192 x 64), where it runs an order of magnitude faster than Java loops from batch 4 on; the
 * weights are copied off-heap once per forward pass. Minibatches below {@link #MIN_BATCH} samples run in
 * Java instead (one pass over W forward and one backward, in {@link VectorLoops}); the choice depends
 * only on the batch size, so results stay reproducible. Results differ from {@link DenseLayer} by float
 * rounding only (OpenBLAS sums in its own, fixed, order).
 */
final class BlasDenseLayer implements Layer {

    /** Layers with at least this many weights use BLAS. */
    static final int MIN_WEIGHTS = 1 << 16;

    /**
     * Minibatches smaller than this (batch 1) run in Java instead ({@link #forwardOne}, {@link #backwardOne};
     * same results up to float rounding). At batch 1 the BLAS path spends more on copying the 8192 x 64
     * weights off-heap and their gradient back (2 MB each way, every step) than the products save:
     * measured (thread CPU time per sample of the benchmark CNN's whole training step) 1,794-1,833
     * microseconds with the Java layer against 2,258-2,277 with BLAS at batch 1, and 1,723-1,743 against
     * 1,712-1,724 at batch 2, where BLAS starts to win (measured with the former scalar Java loops; the
     * Vector API ones are faster, so batch 2 may now favour Java too: not measured).
     */
    static final int MIN_BATCH = 2;

    private final VectorLoops loops = VectorLoops.INSTANCE;
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
    /**
     * Off-heap buffers of the tangent passes for up to {@link #tangentSamples} samples, allocated on
     * their first use (training never needs them) for that pass's batch, and again for a larger one.
     */
    private int tangentSamples;
    private FloatPointer tangentWeights;
    private FloatPointer tangentIn;
    private FloatPointer tangentOut;

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
            for (int b = 0; b < batch; b++) {
                forwardOne(params, input, b * in, output, b * out);
            }
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
            backwardOne(params, input, dOut, dIn, dParams);
            return;
        }
        y.put(dOut, 0, batch * out);
        if (dParams != null) {
            Sgemm.multiply(true, false, in, out, batch, x, y, weightGrad);
            weightGrad.get(dParams, weightOffset, in * out);
            sumOverSamples(dOut, batch, dParams);
        }
        if (dIn == null) {
            return;
        }
        Sgemm.multiply(false, true, batch, in, out, y, weights, xGrad);
        xGrad.get(dIn, 0, batch * in);
    }

    /**
     * One sample's {@code y = b + x W} in one pass over W's rows ({@link VectorLoops#accumulateRow}: on
     * the Vector API the CNN's 64 outputs stay in eight registers while W streams past once; each output's
     * FMA chain runs over the rows in order). Measured (thread CPU time per sample of the layer's
     * forward pass at batch 1, the benchmark CNN's 8192 x 64, alternating runs, load average 1.1-1.3):
     * 55-78 microseconds against 218-357 for the former scalar sums over tiles of 32 rows of W.
     */
    private void forwardOne(float[] params, float[] x, int xFrom, float[] y, int yFrom) {
        System.arraycopy(params, biasOffset, y, yFrom, out);
        loops.accumulateRow(x, xFrom, in, params, weightOffset, out, y, yFrom);
    }

    /** {@link DenseLayer#perExampleGradients}: one outer product per sample, no sum to hand to BLAS. */
    @Override
    public void perExampleGradients(float[] input, float[] dOut, float[][] perExample, int batch) {
        java.perExampleGradients(input, dOut, perExample, batch);
    }

    /**
     * One sample's gradients in one pass over the rows i of W: {@code dW[i][o] = x[i] dy[o]} and
     * {@code dx[i] = sum_o W[i][o] dy[o]} ({@link VectorLoops#dot}: eight fused partial sums, o mod 8, added
     * pairwise: a fixed order); {@code db = dy}; the parameter gradients only when {@code dParams} is
     * given. Measured at batch 1 (thread CPU time per sample of the layer's backward pass, alternating
     * runs, load average 1.1-1.3): 164-197 microseconds against 410-628 with the former scalar
     * loops (the dot products in eight scalar partial sums, the gradient row unvectorised). What remains is
     * mostly memory traffic: 2 MB of W read and 2 MB of its gradient written per step.
     */
    private void backwardOne(float[] params, float[] x, float[] dy, float[] dx, float[] dParams) {
        if (dParams != null) {
            System.arraycopy(dy, 0, dParams, biasOffset, out);
        }
        for (int i = 0; i < in; i++) {
            int row = weightOffset + i * out;
            if (dParams != null) {
                loops.scale(x[i], dy, 0, dParams, row, out);
            }
            if (dx != null) {
                dx[i] = loops.dot(params, row, dy, 0, out);
            }
        }
    }

    /**
     * {@link DenseLayer#forwardTangent}'s {@code yDot = vb + X vW + XDot W} as two products (below
     * {@link #MIN_BATCH} samples, in Java). Relies on {@link #forward} having left X and W off-heap.
     */
    @Override
    public void forwardTangent(float[] params, float[] v, float[] input, float[] output, float[] inDot,
            float[] outDot, int batch) {
        if (batch < MIN_BATCH) {
            java.forwardTangent(params, v, input, output, inDot, outDot, batch);
            return;
        }
        allocateTangentBuffers(batch);
        tangentWeights.put(v, weightOffset, in * out);
        Sgemm.multiply(false, false, batch, out, in, x, 0, tangentWeights, 0, 0f, y, 0);
        if (inDot != null) {
            tangentIn.put(inDot, 0, batch * in);
            Sgemm.multiply(false, false, batch, out, in, tangentIn, 0, weights, 0, 1f, y, 0);
        }
        y.get(outDot, 0, batch * out);
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                outDot[b * out + o] += v[biasOffset + o];
            }
        }
    }

    /**
     * {@link DenseLayer#backwardTangent}'s sums as products: {@code hvW = X^T dYDot + XDot^T dY},
     * {@code dXDot = dYDot W^T + dY vW^T} (below {@link #MIN_BATCH} samples, in Java).
     */
    @Override
    public void backwardTangent(float[] params, float[] v, float[] input, float[] inDot, float[] output,
            float[] dOut, float[] dOutDot, float[] dInDot, float[] hv, int batch) {
        if (batch < MIN_BATCH) {
            java.backwardTangent(params, v, input, inDot, output, dOut, dOutDot, dInDot, hv, batch);
            return;
        }
        tangentOut.put(dOutDot, 0, batch * out);
        y.put(dOut, 0, batch * out);
        Sgemm.multiply(true, false, in, out, batch, x, 0, tangentOut, 0, 0f, weightGrad, 0);
        if (inDot != null) {
            Sgemm.multiply(true, false, in, out, batch, tangentIn, 0, y, 0, 1f, weightGrad, 0);
        }
        weightGrad.get(hv, weightOffset, in * out);
        sumOverSamples(dOutDot, batch, hv);
        if (dInDot == null) {
            return;
        }
        Sgemm.multiply(false, true, batch, in, out, tangentOut, 0, weights, 0, 0f, xGrad, 0);
        Sgemm.multiply(false, true, batch, in, out, y, 0, tangentWeights, 0, 1f, xGrad, 0);
        xGrad.get(dInDot, 0, batch * in);
    }

    private void allocateTangentBuffers(int batch) {
        if (tangentWeights == null) {
            tangentWeights = new FloatPointer((long) in * out);
        }
        if (tangentSamples < batch) {
            if (tangentIn != null) {
                tangentIn.close();
                tangentOut.close();
            }
            tangentIn = new FloatPointer((long) batch * in);
            tangentOut = new FloatPointer((long) batch * out);
            tangentSamples = batch;
        }
    }

    @Override
    public void close() {
        weights.close();
        x.close();
        y.close();
        weightGrad.close();
        xGrad.close();
        if (tangentWeights != null) {
            tangentWeights.close();
            tangentIn.close();
            tangentOut.close();
        }
    }

    /**
     * The bias's share of a gradient (or of a Hessian-vector product): for each output o, the sum over the
     * batch's samples of {@code rows[b * out + o]}, written to {@code target[biasOffset + o]}.
     */
    private void sumOverSamples(float[] rows, int batch, float[] target) {
        for (int o = 0; o < out; o++) {
            float sum = 0f;
            for (int b = 0; b < batch; b++) {
                sum += rows[b * out + o];
            }
            target[biasOffset + o] = sum;
        }
    }
}
