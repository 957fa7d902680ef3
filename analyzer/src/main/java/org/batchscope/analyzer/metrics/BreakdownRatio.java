package org.batchscope.analyzer.metrics;

import java.util.OptionalDouble;

/**
 * Breakdown ratio: the smallest noise-to-feature ratio r at which accuracy has fallen to within
 * {@value #CHANCE_MARGIN} (5 percentage points) of chance. Given points (r_i, acc_i) sorted by
 * r, let the threshold be chance + 0.05 and i the first index with acc_i <= threshold:
 * <ul>
 *   <li>i = 0: the breakdown ratio is r_0 (broken at the smallest ratio tried);</li>
 *   <li>otherwise it is interpolated linearly in log r between the bracketing points:
 *       log r* = log r_{i-1} + t (log r_i - log r_{i-1}),
 *       t = (acc_{i-1} - threshold) / (acc_{i-1} - acc_i);</li>
 *   <li>no such i: empty (accuracy never came close to chance in the range tried).</li>
 * </ul>
 * Units: those of r (an energy ratio). Ratios must be > 0 for the logarithm: leave a clean r = 0
 * point out; it cannot bracket a crossing in log r.
 */
public final class BreakdownRatio {

    /** How close to chance, in accuracy (fraction), counts as broken down. */
    public static final double CHANCE_MARGIN = 0.05;

    private BreakdownRatio() {
    }

    /**
     * @param ratios     r_1 < r_2 < ... , finite and > 0, at least 1
     * @param accuracies accuracy (fraction in [0, 1]) at each ratio, same length
     * @param chance     chance accuracy, in [0, 1] (0.5 for two balanced classes)
     */
    public static OptionalDouble of(double[] ratios, double[] accuracies, double chance) {
        Checks.finite(ratios, "ratios", 1);
        Checks.finite(accuracies, "accuracies", 1);
        Checks.sameLength(ratios.length, "ratios", accuracies.length, "accuracies");
        if (!(chance >= 0 && chance <= 1)) {
            throw new IllegalArgumentException("chance is " + chance + "; must be in [0, 1]");
        }
        for (int i = 0; i < ratios.length; i++) {
            if (ratios[i] <= 0) {
                throw new IllegalArgumentException("ratios[" + i + "] is " + ratios[i] + "; must be > 0");
            }
            if (i > 0 && ratios[i] <= ratios[i - 1]) {
                throw new IllegalArgumentException("ratios[" + i + "] is " + ratios[i]
                        + "; ratios must be strictly increasing");
            }
        }
        double threshold = chance + CHANCE_MARGIN;
        for (int i = 0; i < ratios.length; i++) {
            if (accuracies[i] <= threshold) {
                return OptionalDouble.of(i == 0 ? ratios[0] : interpolate(ratios, accuracies, i, threshold));
            }
        }
        return OptionalDouble.empty();
    }

    /** Crossing between points i-1 (above threshold) and i (at or below), linear in log r. */
    private static double interpolate(double[] ratios, double[] accuracies, int i, double threshold) {
        double t = (accuracies[i - 1] - threshold) / (accuracies[i - 1] - accuracies[i]);
        double logLow = Math.log(ratios[i - 1]);
        return Math.exp(logLow + t * (Math.log(ratios[i]) - logLow));
    }
}
