package org.batchscope.generator.tabular;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * Drift: a slow trend over the row order, {@code x_j = sqrt(2) sin(2 pi i / P + phi_j)} for row index
 * i within its split, a fixed period P in rows and phases {@code phi_j} drawn once per spec. It depends on
 * the index alone (not on the split's size), so row i is the same whatever the number of rows. Over whole
 * periods (P >= 3) every column has mean 0 and variance 1 exactly, so the population total variance is
 * m; a split shorter than a few periods measures a different variance, which shows in its achieved r.
 */
final class DriftNoise implements NoiseBlock {

    private static final double AMPLITUDE = Math.sqrt(2.0);

    private final long period;
    private final double[] phases;

    DriftNoise(int columns, long period, UniformRandomProvider constants) {
        this.period = period;
        phases = new double[columns];
        for (int j = 0; j < columns; j++) {
            phases[j] = 2 * Math.PI * constants.nextDouble();
        }
    }

    @Override
    public int columns() {
        return phases.length;
    }

    @Override
    public double unitVariance() {
        return phases.length;
    }

    @Override
    public void fill(UniformRandomProvider rng, NormalizedGaussianSampler gauss, long row, double[] out, int offset) {
        double angle = 2 * Math.PI * (double) (row % period) / period;
        for (int j = 0; j < phases.length; j++) {
            out[offset + j] = AMPLITUDE * Math.sin(angle + phases[j]);
        }
    }
}
