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
     * Back-propagates {@code dOut} = dLoss/dOut: overwrites this layer's range of {@code dParams}
     * with dLoss/dParams (layers without parameters leave it alone) and, unless {@code dIn} is null,
     * overwrites {@code dIn} with dLoss/dIn. {@code in} and {@code out} are those of the last
     * {@link #forward} call, which must have been for the same batch.
     */
    void backward(float[] params, float[] in, float[] out, float[] dOut, float[] dIn, float[] dParams, int batch);

    /** Frees off-heap scratch space, if any. */
    @Override
    default void close() {
    }
}
