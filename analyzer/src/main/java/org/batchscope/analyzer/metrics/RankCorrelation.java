package org.batchscope.analyzer.metrics;

import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.rng.UniformRandomProvider;
import org.batchscope.common.RandomStreams;

/**
 * Spearman's rank correlation rho of paired values (commons-math3 {@link SpearmansCorrelation}, ties
 * by average rank) and the one-sided permutation p-value of rho > 0: the share of
 * {@value #PERMUTATIONS} random re-pairings (y shuffled, seed {@value #SEED}) whose rho is at least the
 * observed one, as (1 + hits) / (1 + permutations). With 3 cells no re-pairing is rarer than 1 in 6, so
 * p >= 1/6: a handful of cells cannot show a link.
 *
 * @param rho    Spearman's rho, in [-1, 1]; NaN when x or y is constant
 * @param pValue one-sided permutation p-value of rho > 0; NaN when rho is
 */
public record RankCorrelation(double rho, double pValue) {

    /** Random re-pairings behind the p-value. */
    public static final int PERMUTATIONS = 20_000;
    /** Seed of the re-pairings. */
    public static final long SEED = 0x53504541L;

    /** @param x, y paired values, finite, the same length >= 3 */
    public static RankCorrelation of(double[] x, double[] y) {
        Checks.finite(x, "x", 3);
        Checks.finite(y, "y", 3);
        Checks.sameLength(x.length, "x", y.length, "y");
        SpearmansCorrelation spearman = new SpearmansCorrelation();
        double rho = spearman.correlation(x, y);
        if (!Double.isFinite(rho)) {
            return new RankCorrelation(Double.NaN, Double.NaN);
        }
        UniformRandomProvider rng = RandomStreams.stream(SEED);
        double[] shuffled = y.clone();
        int hits = 0;
        for (int p = 0; p < PERMUTATIONS; p++) {
            for (int i = shuffled.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                double t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
            }
            if (spearman.correlation(x, shuffled) >= rho - 1e-12) {
                hits++;
            }
        }
        return new RankCorrelation(rho, (1.0 + hits) / (1.0 + PERMUTATIONS));
    }
}
