package org.batchscope.analyzer.metrics;

import org.apache.commons.math3.util.CombinatoricsUtils;
import org.apache.commons.rng.UniformRandomProvider;
import org.batchscope.common.RandomStreams;

/**
 * Compares the seeds of two cells A and B by a per-seed measure of unsteadiness x (amplitude):
 * <pre>
 *   U = sum_{i in A} sum_{j in B} ( [a_i < b_j] + 1/2 [a_i = b_j] ),   P(A steadier than B) = U / (n_A n_B)
 * </pre>
 * over all pairs of a seed of A with a seed of B (the Mann-Whitney U and its common-language effect
 * size; dimensionless, in [0, 1]; 0.5 means no difference), and the two-sided p-value of the exact
 * permutation (Mann-Whitney) test of "A and B come from the same distribution":
 * <pre>
 *   p = share of the C(n_A + n_B, n_A) ways of splitting the pooled values into groups of n_A and n_B
 *       whose |U - n_A n_B / 2| is at least the observed one
 * </pre>
 * enumerated exactly up to {@value #EXACT_LIMIT} splits; beyond, estimated from
 * {@value #RANDOM_SPLITS} random splits (seed {@value #RANDOM_SEED}) as (1 + hits) / (1 + splits). With
 * few seeds the test cannot reach small p: without ties the smallest two-sided p is
 * 2 / C(n_A + n_B, n_A) ({@link #smallestPValue}), 0.1 for 3 seeds against 3, 0.33 for 2 against 2.
 */
public final class SeedComparison {

    /** Most splits enumerated exactly (C(24, 12) = 2,704,156). */
    public static final long EXACT_LIMIT = 2_704_156;
    /** Random splits beyond {@link #EXACT_LIMIT}. */
    public static final int RANDOM_SPLITS = 200_000;
    /** Seed of the random splits. */
    public static final long RANDOM_SEED = 0x4d57L;

    private SeedComparison() {
    }

    /**
     * @param amplitudesA amplitude of each seed of cell A, finite, at least 1
     * @param amplitudesB amplitude of each seed of cell B, finite, at least 1
     */
    public static double probabilitySteadier(double[] amplitudesA, double[] amplitudesB) {
        Checks.finite(amplitudesA, "amplitudesA", 1);
        Checks.finite(amplitudesB, "amplitudesB", 1);
        return u(amplitudesA, amplitudesB) / ((double) amplitudesA.length * amplitudesB.length);
    }

    /** @return the two-sided p-value of the exact Mann-Whitney test of A against B */
    public static double pValue(double[] amplitudesA, double[] amplitudesB) {
        Checks.finite(amplitudesA, "amplitudesA", 1);
        Checks.finite(amplitudesB, "amplitudesB", 1);
        int na = amplitudesA.length;
        int n = na + amplitudesB.length;
        double[] pooled = new double[n];
        System.arraycopy(amplitudesA, 0, pooled, 0, na);
        System.arraycopy(amplitudesB, 0, pooled, na, amplitudesB.length);
        double centre = (double) na * amplitudesB.length / 2;
        // a relative slack so that splits with the same |U - centre| up to rounding count as "at least"
        double observed = Math.abs(u(amplitudesA, amplitudesB) - centre) - 1e-9;
        long splits = CombinatoricsUtils.binomialCoefficient(n, na);
        if (splits <= EXACT_LIMIT) {
            long hits = 0;
            int[] chosen = new int[na];
            for (int i = 0; i < na; i++) {
                chosen[i] = i;
            }
            do {
                if (Math.abs(splitU(pooled, chosen) - centre) >= observed) {
                    hits++;
                }
            } while (nextCombination(chosen, n));
            return (double) hits / splits;
        }
        UniformRandomProvider rng = RandomStreams.stream(RANDOM_SEED);
        long hits = 0;
        int[] order = new int[n];
        for (int s = 0; s < RANDOM_SPLITS; s++) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = 0; i < na; i++) {
                int j = i + rng.nextInt(n - i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            int[] chosen = java.util.Arrays.copyOf(order, na);
            java.util.Arrays.sort(chosen);
            if (Math.abs(splitU(pooled, chosen) - centre) >= observed) {
                hits++;
            }
        }
        return (1.0 + hits) / (1.0 + RANDOM_SPLITS);
    }

    /** @return 2 / C(n_A + n_B, n_A), at most 1: the smallest two-sided p that seeds without ties can give */
    public static double smallestPValue(int seedsA, int seedsB) {
        return Math.min(1, 2 / (double) CombinatoricsUtils.binomialCoefficient(seedsA + seedsB, seedsA));
    }

    private static double u(double[] a, double[] b) {
        double wins = 0;
        for (double x : a) {
            for (double y : b) {
                if (x < y) {
                    wins += 1;
                } else if (x == y) {
                    wins += 0.5;
                }
            }
        }
        return wins;
    }

    /** @return U of the split whose group A is the sorted indices {@code chosen} of {@code pooled} */
    private static double splitU(double[] pooled, int[] chosen) {
        double wins = 0;
        boolean[] inA = new boolean[pooled.length];
        for (int i : chosen) {
            inA[i] = true;
        }
        for (int i : chosen) {
            for (int j = 0; j < pooled.length; j++) {
                if (!inA[j]) {
                    wins += pooled[i] < pooled[j] ? 1 : pooled[i] == pooled[j] ? 0.5 : 0;
                }
            }
        }
        return wins;
    }

    /** Advances {@code c} (sorted, k of 0..n-1) to the next k-combination in lexicographic order. */
    private static boolean nextCombination(int[] c, int n) {
        int k = c.length;
        int i = k - 1;
        while (i >= 0 && c[i] == n - k + i) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        c[i]++;
        for (int j = i + 1; j < k; j++) {
            c[j] = c[j - 1] + 1;
        }
        return true;
    }
}
