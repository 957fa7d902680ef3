package org.batchscope.analyzer.metrics;

/**
 * Compares the seeds of two cells A and B by amplitude:
 * <pre>
 *   P(A steadier than B) = 1/(n_A n_B) sum_{i in A} sum_{j in B} ( [a_i < b_j] + 1/2 [a_i = b_j] )
 * </pre>
 * over all pairs of a seed of A with a seed of B, ties counting half (the Mann-Whitney
 * common-language effect size). Dimensionless, in [0, 1]; 0.5 means no difference.
 */
public final class SeedComparison {

    private SeedComparison() {
    }

    /**
     * @param amplitudesA amplitude of each seed of cell A, finite, at least 1
     * @param amplitudesB amplitude of each seed of cell B, finite, at least 1
     */
    public static double probabilitySteadier(double[] amplitudesA, double[] amplitudesB) {
        Checks.finite(amplitudesA, "amplitudesA", 1);
        Checks.finite(amplitudesB, "amplitudesB", 1);
        double wins = 0;
        for (double a : amplitudesA) {
            for (double b : amplitudesB) {
                if (a < b) {
                    wins += 1;
                } else if (a == b) {
                    wins += 0.5;
                }
            }
        }
        return wins / ((double) amplitudesA.length * amplitudesB.length);
    }
}
