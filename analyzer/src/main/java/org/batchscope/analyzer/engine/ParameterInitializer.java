package org.batchscope.analyzer.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.batchscope.common.RandomStreams;

/**
 * Initial parameters in the canonical {@link ParameterLayout}, the same for every engine: tensor k's
 * weights are drawn from {@code RandomStreams.stream(seed, INIT_STREAM, k)} with the rule of
 * {@link Initialization}; biases are 0.
 */
public final class ParameterInitializer {

    static final long INIT_STREAM = 1;

    private ParameterInitializer() {
    }

    /** @return a new array of {@code layout.size()} initial parameters */
    public static float[] initialize(ParameterLayout layout, Initialization init, long seed) {
        float[] params = new float[layout.size()];
        int k = 0;
        for (ParameterLayout.Tensor t : layout.tensors()) {
            if (!t.isBias()) {
                UniformRandomProvider rng = RandomStreams.stream(seed, INIT_STREAM, k);
                fill(params, t, init, rng);
            }
            k++;
        }
        return params;
    }

    private static void fill(float[] params, ParameterLayout.Tensor t, Initialization init, UniformRandomProvider rng) {
        int end = t.offset() + t.size();
        switch (init) {
            case XAVIER -> {
                double a = Math.sqrt(6.0 / (t.fanIn() + t.fanOut()));
                for (int i = t.offset(); i < end; i++) {
                    params[i] = (float) ((2 * rng.nextDouble() - 1) * a);
                }
            }
            case HE -> {
                double std = Math.sqrt(2.0 / t.fanIn());
                ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
                for (int i = t.offset(); i < end; i++) {
                    params[i] = (float) (gauss.sample() * std);
                }
            }
        }
    }
}
