package org.batchscope.analyzer.engine.lean;

import java.util.Arrays;
import org.batchscope.analyzer.engine.HessianOperator;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.TensorData;

/**
 * The Hessian of a built-in model's mean loss over a data set at fixed parameters: each product runs
 * {@link HessianVectorPass} over chunks of at most {@link LeanModel#GRADIENT_CHUNK} samples, with every
 * sample's gradient scaled by {@code 1 / n}, and adds the chunks' products in double (in chunk order).
 * The direction is rounded to float for the pass.
 *
 * <p>When the data set fits one chunk (the sharpness subsets do: 128 samples by default), the forward
 * pass and the backward pass of the activation gradients do not depend on the direction, so they run
 * once, here, and every product runs only the tangent passes on them
 * ({@link HessianVectorPass#runAfterGradient}): about two thirds of a whole pass, with the same result
 * bit for bit.
 */
final class LeanHessian implements HessianOperator {

    private final LeanNetwork network;
    private final HessianVectorPass pass;
    private final TensorData data;
    private final float[] direction;
    private final float[] chunkProduct;
    /** Whether the data set is one chunk whose activations stay loaded in {@link #network}. */
    private final boolean loaded;

    LeanHessian(ModelArchitecture architecture, float[] params, TensorData data) {
        this.network = new LeanNetwork(architecture, Math.max(1, Math.min(data.count(), LeanModel.GRADIENT_CHUNK)));
        if (params.length != network.parameters().length) {
            network.close();
            throw new IllegalArgumentException("parameters have " + params.length + " floats; the model has "
                    + network.parameters().length);
        }
        System.arraycopy(params, 0, network.parameters(), 0, params.length);
        this.pass = new HessianVectorPass(network, network.capacity());
        this.data = data;
        this.direction = new float[params.length];
        this.chunkProduct = new float[params.length];
        int n = data.count();
        this.loaded = n > 0 && n <= network.capacity();
        if (loaded) {
            network.load(data, null, 0, n);
            network.lossSumAndGradient(n, 1f / n);
        }
    }

    @Override
    public int dimension() {
        return direction.length;
    }

    @Override
    public void multiply(double[] v, double[] hv) {
        for (int i = 0; i < v.length; i++) {
            direction[i] = (float) v[i];
        }
        Arrays.fill(hv, 0);
        int n = data.count();
        if (loaded) {
            pass.runAfterGradient(n, 1f / n, direction, chunkProduct);
            addChunkProduct(hv);
            return;
        }
        for (int from = 0; from < n; from += network.capacity()) {
            int count = Math.min(network.capacity(), n - from);
            network.load(data, null, from, count);
            pass.run(count, 1f / n, direction, chunkProduct);
            addChunkProduct(hv);
        }
    }

    private void addChunkProduct(double[] hv) {
        for (int i = 0; i < hv.length; i++) {
            hv[i] += chunkProduct[i];
        }
    }

    @Override
    public void close() {
        network.close();
    }
}
