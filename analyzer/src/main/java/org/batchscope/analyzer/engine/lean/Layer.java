package org.batchscope.analyzer.engine.lean;

/**
 * One layer of a {@link LeanNetwork}, working on a whole minibatch in preallocated flat arrays.
 *
 * <p>A layer reads its parameters from (and writes its parameter gradients into) the network's flat
 * arrays in the canonical {@link org.batchscope.analyzer.engine.ParameterLayout}, at offsets it was
 * built with. Activations are {@code batch * inputSize()} (resp. {@code outputSize()}) floats in the
 * layout the layer documents. Implementations allocate their scratch space once, at construction, for
 * the network's capacity, and never in {@link #forward} or {@link #backward}.
 */
interface Layer extends AutoCloseable {

    /** @return floats per sample entering the layer */
    int inputSize();

    /** @return floats per sample leaving the layer */
    int outputSize();

    /** Computes {@code out} from {@code in} for {@code batch} samples. */
    void forward(float[] params, float[] in, float[] out, int batch);

    /**
     * Back-propagates {@code dOut} = dLoss/dOut: unless {@code dParams} is null, overwrites this layer's
     * range of {@code dParams} with dLoss/dParams (layers without parameters leave it alone) and, unless
     * {@code dIn} is null, overwrites {@code dIn} with dLoss/dIn. {@code in} and {@code out} are those of
     * the last {@link #forward} call, which must have been for the same batch. (A Hessian-vector pass
     * needs only the activation gradients, so it passes a null {@code dParams} and saves the weight
     * gradient's product.)
     */
    void backward(float[] params, float[] in, float[] out, float[] dOut, float[] dIn, float[] dParams, int batch);

    /**
     * Each sample's own parameter gradient, for per-example gradient statistics, from the minibatch's
     * activations and output gradients without summing over the samples (Goodfellow 2015, "Efficient
     * per-example gradient computations"; BackPACK's {@code BatchGrad}): with {@code dOut} the gradient of
     * the sum of the per-sample losses, writes the gradient of sample s's loss into this layer's range of
     * {@code perExample[s]}, s < batch. Layers without parameters write nothing. Must be called after
     * {@link #forward} and before {@link #backward} of the same batch, which may overwrite what this needs.
     */
    default void perExampleGradients(float[] in, float[] dOut, float[][] perExample, int batch) {
    }

    /**
     * Pearlmutter's R-operator on the forward pass (Pearlmutter 1994, "Fast exact multiplication by the
     * Hessian"): with the parameters moved along a direction, {@code params + a * v}, and the input along
     * {@code in + a * inDot}, writes {@code outDot = d out / d a} at a = 0. {@code inDot} null means the
     * input does not move (the network's input). {@code in} and {@code out} are those of the last
     * {@link #forward} call; the layer may keep what it needs for {@link #backwardTangent}.
     */
    void forwardTangent(float[] params, float[] v, float[] in, float[] out, float[] inDot, float[] outDot, int batch);

    /**
     * The R-operator on the backward pass: with {@code dOutDot = d(dOut)/da}, writes this layer's range
     * of {@code hv} with {@code d(dParams)/da} (layers without parameters leave it alone) and, unless
     * {@code dInDot} is null, {@code dInDot = d(dIn)/da}. When the loss's gradient scale makes
     * {@code dParams} the gradient of the loss, {@code hv} is the Hessian of the loss times v. Must be
     * called after {@link #forwardTangent} for the same batch and before {@link #backward}, which may
     * overwrite what this needs. At a ReLU or max-pool kink the derivative of the gradient is taken as
     * that of the branch {@link #backward} takes (the second derivative of a piecewise-linear unit is
     * 0 almost everywhere, as automatic differentiation takes it).
     */
    void backwardTangent(float[] params, float[] v, float[] in, float[] inDot, float[] out, float[] dOut,
            float[] dOutDot, float[] dInDot, float[] hv, int batch);

    /** Frees off-heap scratch space, if any. */
    @Override
    default void close() {
    }
}
