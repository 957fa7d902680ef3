package org.batchscope.analyzer.engine.lean;

import org.batchscope.analyzer.engine.TensorData;

/**
 * Batch sharpness (Andreyev and Beneventano 2024, "Edge of Stochastic Stability"): the expectation over
 * minibatches B of the minibatch loss's curvature along its own gradient,
 * <pre>
 *   batch sharpness = E_B [ g_B^T H_B g_B / |g_B|^2 ]
 * </pre>
 * with g_B and H_B the gradient and Hessian of the minibatch's mean loss (no weight decay). Estimated on
 * the fixed probe set cut into consecutive minibatches of the run's batch size (the whole probe set as
 * one minibatch when the batch size is larger; a shorter last minibatch is left out unless it is the only
 * one): per minibatch one gradient pass, then the tangent passes of an exact Hessian-vector product
 * along that gradient on the gradient pass's activations ({@link HessianVectorPass#runAfterGradient}); the result is the mean over the minibatches. In nats per squared
 * parameter unit; SGD is stable along a direction whose curvature is below 2 / lr, and Andreyev and
 * Beneventano find batch sharpness settling at that threshold in mini-batch training. Uses the run's
 * network buffers (so it runs between steps); NaN when a gradient is zero or not finite.
 */
final class BatchSharpnessProbe {

    private final LeanNetwork network;
    private final HessianVectorPass pass;
    private final TensorData probe;
    private final int batchSize;
    private final float[] direction;
    private final float[] product;

    BatchSharpnessProbe(LeanNetwork network, TensorData probe, int batchSize) {
        this.network = network;
        this.probe = probe;
        this.batchSize = Math.max(1, Math.min(Math.min(batchSize, probe.count()), network.capacity()));
        this.pass = new HessianVectorPass(network, this.batchSize);
        this.direction = new float[network.parameters().length];
        this.product = new float[direction.length];
    }

    /** @return the batch sharpness at the network's current parameters */
    double measure() {
        int minibatches = Math.max(1, probe.count() / batchSize);
        double sum = 0;
        for (int m = 0; m < minibatches; m++) {
            int from = m * batchSize;
            network.load(probe, null, from, batchSize);
            network.lossAndGradient(batchSize);
            System.arraycopy(network.gradients(), 0, direction, 0, direction.length);
            pass.runAfterGradient(batchSize, 1f / batchSize, direction, product);
            double gHg = 0;
            double gg = 0;
            for (int i = 0; i < direction.length; i++) {
                gHg += (double) direction[i] * product[i];
                gg += (double) direction[i] * direction[i];
            }
            sum += gHg / gg;
        }
        double mean = sum / minibatches;
        return Double.isFinite(mean) ? mean : Double.NaN;
    }
}
