package org.batchscope.analyzer.engine.lean;

import java.util.List;

/**
 * The exact product of the loss Hessian with a vector on a {@link LeanNetwork}'s loaded minibatch, by
 * Pearlmutter's R-operator (Pearlmutter 1994, "Fast exact multiplication by the Hessian";
 * forward-over-reverse): a forward pass, the tangent forward pass along the parameter direction v
 * ({@link Layer#forwardTangent}), the loss gradient and its tangent
 * ({@link SoftmaxCrossEntropy#gradientTangent}), then per layer, output to input, the tangent backward
 * pass ({@link Layer#backwardTangent}) and the ordinary one. The tangent of the parameter gradient is
 * {@code H v}, with H the Hessian of the loss (the mean softmax cross-entropy, or whatever sum the
 * gradient scale makes it). Cost: about two forward-and-backward passes; after a gradient pass on the
 * same samples, {@link #runAfterGradient} reuses that pass's activations and runs only the tangent passes.
 * Exact up to float rounding, also on ReLU and max-pool networks, where the Hessian is that of the
 * piecewise-smooth function on the current linear piece (the one automatic differentiation, e.g.
 * PyTorch's double backward, differentiates). Holds the tangent activations for a given number of samples.
 */
final class HessianVectorPass {

    private final LeanNetwork network;
    private final int samples;
    private final float[][] actDots;
    private final float[][] dActDots;

    /** @param samples the most samples one {@link #run} handles, at most the network's capacity */
    HessianVectorPass(LeanNetwork network, int samples) {
        if (samples < 1 || samples > network.capacity()) {
            throw new IllegalArgumentException("a Hessian-vector pass over " + samples + " samples on a network for "
                    + network.capacity());
        }
        this.network = network;
        this.samples = samples;
        List<Layer> layers = network.layers();
        this.actDots = new float[layers.size() + 1][];
        this.dActDots = new float[layers.size() + 1][];
        for (int i = 0; i < layers.size(); i++) {
            actDots[i + 1] = new float[samples * layers.get(i).outputSize()];
            dActDots[i + 1] = new float[samples * layers.get(i).outputSize()];
        }
    }

    /**
     * Over the {@code batch} samples loaded into the network, with each sample's loss gradient scaled by
     * {@code gradientScale} ({@code 1 / batch} for the minibatch's mean loss): fills {@code hv} with the
     * Hessian times {@code v}. The ordinary backward pass computes only the activation gradients the
     * tangent passes need, not the parameter gradient (nobody reads it; the weight gradient's product is
     * saved), so the network's {@link LeanNetwork#gradients()} are left as they were.
     *
     * @param v  the direction, p floats in the canonical layout
     * @param hv receives H v, p floats
     * @return the sum over the samples of the per-sample losses (nats)
     */
    double run(int batch, float gradientScale, float[] v, float[] hv) {
        requireFits(batch);
        List<Layer> layers = network.layers();
        float[] params = network.parameters();
        float[][] acts = network.activations();
        float[][] dActs = network.activationGradients();
        network.forward(batch);
        forwardTangents(batch, v);
        int last = layers.size();
        SoftmaxCrossEntropy loss = network.lossFunction();
        double sum = loss.lossSum(acts[last], network.labels(), batch, gradientScale, dActs[last], null, 0);
        loss.gradientTangent(acts[last], actDots[last], batch, gradientScale, dActDots[last]);
        for (int i = last - 1; i >= 0; i--) {
            backwardTangent(i, batch, v, hv);
            layers.get(i).backward(params, acts[i], acts[i + 1], dActs[i + 1], i == 0 ? null : dActs[i], null, batch);
        }
        return sum;
    }

    /**
     * The Hessian times {@code v} right after {@link LeanNetwork#lossSumAndGradient}{@code (batch,
     * gradientScale)} on the same loaded samples and parameters: that pass's activations and activation
     * gradients are the ones {@link #run} would compute again, so only the tangent passes run (the
     * tangent forward pass, the loss gradient's tangent, the tangent backward pass), about two thirds of
     * {@link #run}'s work. {@code hv} is bit for bit that of {@link #run}: the same sums on the same
     * values. This is how the batch sharpness takes H_B g_B along the gradient g_B it has just computed.
     */
    void runAfterGradient(int batch, float gradientScale, float[] v, float[] hv) {
        requireFits(batch);
        float[][] acts = network.activations();
        int last = network.layers().size();
        forwardTangents(batch, v);
        network.lossFunction().gradientTangent(acts[last], actDots[last], batch, gradientScale, dActDots[last]);
        for (int i = last - 1; i >= 0; i--) {
            backwardTangent(i, batch, v, hv);
        }
    }

    private void requireFits(int batch) {
        if (batch > samples) {
            throw new IllegalArgumentException(batch + " samples in a pass sized for " + samples);
        }
    }

    private void forwardTangents(int batch, float[] v) {
        List<Layer> layers = network.layers();
        float[] params = network.parameters();
        float[][] acts = network.activations();
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).forwardTangent(params, v, acts[i], acts[i + 1], i == 0 ? null : actDots[i], actDots[i + 1],
                    batch);
        }
    }

    private void backwardTangent(int layer, int batch, float[] v, float[] hv) {
        float[][] acts = network.activations();
        float[][] dActs = network.activationGradients();
        boolean first = layer == 0;
        network.layers().get(layer).backwardTangent(network.parameters(), v, acts[layer], first ? null : actDots[layer],
                acts[layer + 1], dActs[layer + 1], dActDots[layer + 1], first ? null : dActDots[layer], hv, batch);
    }
}
