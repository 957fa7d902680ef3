package org.batchscope.generator.tabular;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Mixture noise: each row picks one of C equally likely components, whatever its label, and
 * {@code x = mu_c + e} with {@code e ~ N(0, I_m)} and centres {@code mu_c ~ N(0, SPREAD^2 I_m)} drawn
 * once per spec. Population total variance: {@code m + (1/C) sum_c ||mu_c - mean(mu)||^2}.
 */
final class ClusterNoise implements NoiseBlock {

    /** Standard deviation of the component centres around the origin, in within-component units. */
    static final double SPREAD = 3.0;

    private final double[][] centres;
    private final double unitVariance;

    ClusterNoise(int columns, int components, UniformRandomProvider constants) {
        NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(constants);
        centres = new double[components][columns];
        double[] mean = new double[columns];
        for (double[] centre : centres) {
            for (int j = 0; j < columns; j++) {
                centre[j] = SPREAD * gauss.sample();
                mean[j] += centre[j] / components;
            }
        }
        double between = 0;
        for (double[] centre : centres) {
            for (int j = 0; j < columns; j++) {
                between += (centre[j] - mean[j]) * (centre[j] - mean[j]) / components;
            }
        }
        unitVariance = columns + between;
    }

    @Override
    public int columns() {
        return centres[0].length;
    }

    @Override
    public double unitVariance() {
        return unitVariance;
    }

    @Override
    public void fill(UniformRandomProvider rng, NormalizedGaussianSampler gauss, long row, double[] out, int offset) {
        double[] centre = centres[rng.nextInt(centres.length)];
        for (int j = 0; j < centre.length; j++) {
            out[offset + j] = centre[j] + gauss.sample();
        }
    }
}
