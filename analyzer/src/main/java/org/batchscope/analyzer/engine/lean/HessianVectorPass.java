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
 * gradient scale makes it); the same pass gives the gradient. Cost: about two forward-and-backward passes.
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
     * {@code gradientScale} ({@code 1 / batch} for the minibatch's mean loss): fills the network's
     * {@link LeanNetwork#gradients()} with the gradient and {@code hv} with the Hessian times {@code v}.
     *
     * @param v  the direction, p floats in the canonical layout
     * @param hv receives H v, p floats
     * @return the sum over the samples of the per-sample losses (nats)
     */
    double run(int batch, float gradientScale, float[] v, float[] hv) {
        if (batch > samples) {
            throw new IllegalArgumentException(batch + " samples in a pass sized for " + samples);
        }
        List<Layer> layers = network.layers();
        float[] params = network.parameters();
        float[] grads = network.gradients();
        float[][] acts = network.activations();
        float[][] dActs = network.activationGradients();
        network.forward(batch);
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).forwardTangent(params, v, acts[i], acts[i + 1], i == 0 ? null : actDots[i], actDots[i + 1],
                    batch);
        }
        int last = layers.size();
        SoftmaxCrossEntropy loss = network.lossFunction();
        double sum = loss.lossSum(acts[last], network.labels(), batch, gradientScale, dActs[last], null, 0);
        loss.gradientTangent(acts[last], actDots[last], batch, gradientScale, dActDots[last]);
        for (int i = last - 1; i >= 0; i--) {
            Layer layer = layers.get(i);
            boolean first = i == 0;
            layer.backwardTangent(params, v, acts[i], first ? null : actDots[i], acts[i + 1], dActs[i + 1],
                    dActDots[i + 1], first ? null : dActDots[i], hv, batch);
            layer.backward(params, acts[i], acts[i + 1], dActs[i + 1], first ? null : dActs[i], grads, batch);
        }
        return sum;
    }
}
