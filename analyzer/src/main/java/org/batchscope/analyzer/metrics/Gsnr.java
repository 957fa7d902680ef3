package org.batchscope.analyzer.metrics;

/**
 * Mean gradient signal-to-noise ratio (Liu et al. 2020, "Understanding Why Neural Networks
 * Generalize Well Through GSNR of Parameters"): for each parameter j, over n per-example gradients,
 * GSNR_j = E[g_j]^2 / Var[g_j]. The sample mean's square is biased upwards, E[mean_j^2] = E[g_j]^2 +
 * var_j / n, so, as for |G|^2 in {@link GradientNoiseScale}, the squared mean is debiased:
 * <pre>
 *   GSNR_j = (mean_j^2 - var_j / n) / var_j = mean_j^2 / var_j - 1 / n,   var_j with divisor n - 1
 * </pre>
 * (so it can be negative for a parameter whose mean gradient is within the noise), and the result is
 * the mean of GSNR_j over the parameters with var_j > 0. Parameters whose
 * gradient does not vary over the examples (var_j = 0: frozen, unused, or exactly determined) have
 * no defined ratio and are skipped; when every parameter is skipped the mean is NaN.
 * Dimensionless.
 */
public final class Gsnr {

    private Gsnr() {
    }

    /** @param moments per-example gradient moments of n >= 2 examples */
    public static double mean(GradientMoments moments) {
        if (moments == null) {
            throw new IllegalArgumentException("moments must not be null");
        }
        moments.requireCount(2);
        double sum = 0;
        int counted = 0;
        for (int j = 0; j < moments.parameters(); j++) {
            double variance = moments.variance(j);
            if (variance > 0) {
                double mean = moments.mean(j);
                sum += mean * mean / variance - 1.0 / moments.count();
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }
}
