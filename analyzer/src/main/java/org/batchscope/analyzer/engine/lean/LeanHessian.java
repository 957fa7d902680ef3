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
 */
final class LeanHessian implements HessianOperator {

    private final LeanNetwork network;
    private final HessianVectorPass pass;
    private final TensorData data;
    private final float[] direction;
    private final float[] chunkProduct;

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
        for (int from = 0; from < n; from += network.capacity()) {
            int count = Math.min(network.capacity(), n - from);
            network.load(data, null, from, count);
            pass.run(count, 1f / n, direction, chunkProduct);
            for (int i = 0; i < hv.length; i++) {
                hv[i] += chunkProduct[i];
            }
        }
    }

    @Override
    public void close() {
        network.close();
    }
}
