package org.batchscope.analyzer.metrics;

import org.apache.commons.math3.distribution.TDistribution;

/** Quantiles of Student's t distribution, for the intervals of seed statistics and experiment effects. */
public final class StudentT {

    private StudentT() {
    }

    /**
     * @param degreesOfFreedom the degrees of freedom (not necessarily an integer: Welch's approximation)
     * @param p                the probability
     * @return the p-quantile, solved to 1e-13 by commons-math3's {@link TDistribution} (its default solver
     *         accuracy, 1e-9, is coarser than the intervals' use needs)
     */
    public static double quantile(double degreesOfFreedom, double p) {
        return new TDistribution(null, degreesOfFreedom, 1e-13).inverseCumulativeProbability(p);
    }
}
