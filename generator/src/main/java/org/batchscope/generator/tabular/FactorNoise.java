package org.batchscope.generator.tabular;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Latent factor noise: {@code x = z L + PSI * e} with {@code k} hidden factors {@code z ~ N(0, I_k)},
 * loadings {@code L} ({@code k x m}, entries {@code N(0, 1/k)}, drawn once per spec) and idiosyncratic
 * noise {@code e ~ N(0, I_m)} of standard deviation {@link #PSI}. The m columns are strongly correlated
 * because k is small. Population total variance: {@code ||L||_F^2 + m * PSI^2}.
 */
final class FactorNoise implements NoiseBlock {

    /** Standard deviation of the idiosyncratic part of every column. */
    static final double PSI = 0.1;

    private final int columns;
    private final double[][] loadings;
    private final double unitVariance;

    FactorNoise(int columns, int factors, UniformRandomProvider constants) {
        this.columns = columns;
        NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(constants);
        loadings = new double[factors][columns];
        double total = columns * PSI * PSI;
        double std = 1.0 / Math.sqrt(factors);
        for (double[] row : loadings) {
            for (int j = 0; j < columns; j++) {
                row[j] = std * gauss.sample();
                total += row[j] * row[j];
            }
        }
        unitVariance = total;
    }

    @Override
    public int columns() {
        return columns;
    }

    @Override
    public double unitVariance() {
        return unitVariance;
    }

    @Override
    public void fill(UniformRandomProvider rng, NormalizedGaussianSampler gauss, long row, double[] out, int offset) {
        for (int j = 0; j < columns; j++) {
            out[offset + j] = PSI * gauss.sample();
        }
        for (double[] loading : loadings) {
            double z = gauss.sample();
            for (int j = 0; j < columns; j++) {
                out[offset + j] += z * loading[j];
            }
        }
    }
}
