package org.batchscope.generator.tabular;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * Categorical noise: a category drawn uniformly from K, whatever the label, written one-hot over K
 * columns (the hot column holds the block's scale, the others 0). Each column has mean 1/K and variance
 * {@code (1/K)(1 - 1/K)}, so the population total variance is {@code 1 - 1/K}.
 */
final class CategoricalNoise implements NoiseBlock {

    private final int categories;

    CategoricalNoise(int categories) {
        this.categories = categories;
    }

    @Override
    public int columns() {
        return categories;
    }

    @Override
    public double unitVariance() {
        return 1.0 - 1.0 / categories;
    }

    @Override
    public void fill(UniformRandomProvider rng, NormalizedGaussianSampler gauss, long row, double[] out, int offset) {
        Arrays.fill(out, offset, offset + categories, 0.0);
        out[offset + rng.nextInt(categories)] = 1.0;
    }
}
