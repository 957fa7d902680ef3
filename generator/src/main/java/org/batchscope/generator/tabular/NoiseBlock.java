package org.batchscope.generator.tabular;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The generator of one structured-noise block, at unit strength: the table writes {@code scale * value}
 * where the scale is set from the requested ratio r (see {@link TabularModel}).
 */
interface NoiseBlock {

    /** @return the number of columns the block fills */
    int columns();

    /**
     * @return the population total variance of the unscaled block, {@code sum_j Var(x_j)} over its
     *         columns; the ratio r is exact in expectation because the scales are set from this value
     */
    double unitVariance();

    /**
     * Fills {@code out[offset, offset + columns())} with the unscaled block for one row.
     *
     * @param rng   the row's own stream; a block draws a fixed number of values from it per row
     * @param gauss standard-normal sampler over {@code rng}
     * @param row   the row's index within its split (used only by blocks that follow the row order)
     */
    void fill(UniformRandomProvider rng, NormalizedGaussianSampler gauss, long row, double[] out, int offset);
}
