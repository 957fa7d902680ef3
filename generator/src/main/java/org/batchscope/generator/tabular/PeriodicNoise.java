package org.batchscope.generator.tabular;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * Periodic noise: one hidden phase {@code theta ~ U(0, 2 pi)} per row drives
 * {@code x_j = sqrt(2) sin(f_j theta + phi_j)} with integer frequencies {@code f_j} in {1, 2, 3} and
 * phases {@code phi_j} drawn once per spec. Every column has mean 0 and variance 1, so the population
 * total variance is m; the columns lie on a closed curve, a structure no single column shows.
 */
final class PeriodicNoise implements NoiseBlock {

    private static final double AMPLITUDE = Math.sqrt(2.0);

    private final int[] frequencies;
    private final double[] phases;

    PeriodicNoise(int columns, UniformRandomProvider constants) {
        frequencies = new int[columns];
        phases = new double[columns];
        for (int j = 0; j < columns; j++) {
            frequencies[j] = 1 + constants.nextInt(3);
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
        double theta = 2 * Math.PI * rng.nextDouble();
        for (int j = 0; j < phases.length; j++) {
            out[offset + j] = AMPLITUDE * Math.sin(frequencies[j] * theta + phases[j]);
        }
    }
}
