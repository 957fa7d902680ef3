package org.batchscope.generator.tabular;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * Sinusoid noise columns {@code x_j = sqrt(2) sin(f_j theta + phi_j)} with phases {@code phi_j} (and
 * frequencies {@code f_j}) drawn once per spec; the two kinds differ in what drives theta:
 * <ul>
 *   <li>{@link #periodic periodic}: one hidden phase {@code theta ~ U(0, 2 pi)} per row and integer
 *       frequencies {@code f_j} in {1, 2, 3}. Every column has mean 0 and variance 1, so the population
 *       total variance is m; the columns lie on a closed curve, a structure no single column shows.</li>
 *   <li>{@link #drift drift}: a slow trend over the row order, {@code theta = 2 pi i / P} for row index i
 *       within its split, a fixed period P in rows, and {@code f_j = 1}. It depends on the index alone (not
 *       on the split's size), so row i is the same whatever the number of rows. Over whole periods
 *       (P >= 3) every column has mean 0 and variance 1 exactly, so the population total variance is m; a
 *       split shorter than a few periods measures a different variance, which shows in its achieved r.</li>
 * </ul>
 */
final class SineNoise implements NoiseBlock {

    private static final double AMPLITUDE = Math.sqrt(2.0);

    /** The drift period in rows; 0 for a random phase per row. */
    private final long period;
    private final int[] frequencies;
    private final double[] phases;

    private SineNoise(long period, int[] frequencies, double[] phases) {
        this.period = period;
        this.frequencies = frequencies;
        this.phases = phases;
    }

    /** @return periodic noise of {@code columns} columns, constants drawn from {@code constants} */
    static SineNoise periodic(int columns, UniformRandomProvider constants) {
        int[] frequencies = new int[columns];
        double[] phases = new double[columns];
        for (int j = 0; j < columns; j++) {
            frequencies[j] = 1 + constants.nextInt(3);
            phases[j] = 2 * Math.PI * constants.nextDouble();
        }
        return new SineNoise(0, frequencies, phases);
    }

    /** @return drift noise of {@code columns} columns and period {@code period} (>= 1) rows */
    static SineNoise drift(int columns, long period, UniformRandomProvider constants) {
        int[] frequencies = new int[columns];
        double[] phases = new double[columns];
        for (int j = 0; j < columns; j++) {
            frequencies[j] = 1;
            phases[j] = 2 * Math.PI * constants.nextDouble();
        }
        return new SineNoise(period, frequencies, phases);
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
        double theta = period == 0 ? 2 * Math.PI * rng.nextDouble() : 2 * Math.PI * (double) (row % period) / period;
        for (int j = 0; j < phases.length; j++) {
            out[offset + j] = AMPLITUDE * StrictMath.sin(frequencies[j] * theta + phases[j]);
        }
    }
}
