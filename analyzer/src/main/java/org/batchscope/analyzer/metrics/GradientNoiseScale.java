package org.batchscope.analyzer.metrics;

/**
 * The simple gradient noise scale of McCandlish et al. (2018), "An Empirical Model of Large-Batch
 * Training": B_simple = tr(Sigma) / |G|^2, where G is the true gradient and Sigma the per-example
 * gradient covariance. B_simple is in examples (a batch size); it approximates the critical batch
 * size B_crit (see {@link CriticalBatchSize}).
 *
 * <p>Value of B_simple from the estimates: tr(Sigma) / |G|^2 when |G|^2 > 0; +Infinity when the
 * |G|^2 estimate is <= 0 while tr(Sigma) > 0 (the noise swamps the measurable signal: no finite
 * batch size averages it away, and the estimate needs more examples); NaN when tr(Sigma) < 0
 * (possible only for the two-batch estimate, whose inputs were then too noisy) or when both are 0.
 *
 * @param traceCovariance tr(Sigma), squared gradient units per example
 * @param squaredNorm     |G|^2, the unbiased estimate of the squared norm of the true gradient
 * @param bSimple         tr(Sigma) / |G|^2 in examples, with the cases above
 */
public record GradientNoiseScale(double traceCovariance, double squaredNorm, double bSimple) {

    /**
     * From per-example gradients of a probe set of n >= 2 examples: G = mean g_i,
     * tr(Sigma) = sum_i |g_i - G|^2 / (n - 1), and |G|^2 = |mean g|^2 - tr(Sigma)/n, which removes
     * the bias E|mean g|^2 = |G|^2 + tr(Sigma)/n.
     */
    public static GradientNoiseScale of(GradientMoments moments) {
        if (moments == null) {
            throw new IllegalArgumentException("moments must not be null");
        }
        moments.requireCount(2);
        double trace = moments.traceCovariance();
        double squaredNorm = moments.squaredNormOfMean() - trace / moments.count();
        return of(trace, squaredNorm);
    }

    /**
     * From the squared norms of two minibatch gradients, where per-example gradients are not
     * available (McCandlish et al., appendix A). Since E|G_B|^2 = |G|^2 + tr(Sigma)/B:
     * <pre>
     *   |G|^2     = (B_big |G_big|^2 - B_small |G_small|^2) / (B_big - B_small)
     *   tr(Sigma) = (|G_small|^2 - |G_big|^2) / (1/B_small - 1/B_big)
     * </pre>
     * Single pairs are noisy; average the norms over many steps before calling this.
     *
     * @param smallBatch       B_small, >= 1
     * @param smallSquaredNorm |G_small|^2, the squared norm of a gradient averaged over B_small
     *                         examples, finite and >= 0
     * @param bigBatch         B_big > B_small
     * @param bigSquaredNorm   |G_big|^2, finite and >= 0
     */
    public static GradientNoiseScale fromTwoBatches(double smallBatch, double smallSquaredNorm,
                                                    double bigBatch, double bigSquaredNorm) {
        if (!(smallBatch >= 1) || !(bigBatch > smallBatch) || Double.isInfinite(bigBatch)) {
            throw new IllegalArgumentException("batch sizes are smallBatch " + smallBatch + " and bigBatch "
                    + bigBatch + "; need 1 <= smallBatch < bigBatch, finite");
        }
        requireSquaredNorm(smallSquaredNorm, "smallSquaredNorm");
        requireSquaredNorm(bigSquaredNorm, "bigSquaredNorm");
        double squaredNorm = (bigBatch * bigSquaredNorm - smallBatch * smallSquaredNorm) / (bigBatch - smallBatch);
        double trace = (smallSquaredNorm - bigSquaredNorm) / (1 / smallBatch - 1 / bigBatch);
        return of(trace, squaredNorm);
    }

    private static GradientNoiseScale of(double trace, double squaredNorm) {
        double bSimple;
        if (trace < 0 || (trace == 0 && squaredNorm <= 0)) {
            bSimple = Double.NaN;
        } else if (squaredNorm <= 0) {
            bSimple = Double.POSITIVE_INFINITY;
        } else {
            bSimple = trace / squaredNorm;
        }
        return new GradientNoiseScale(trace, squaredNorm, bSimple);
    }

    private static void requireSquaredNorm(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " is " + value + "; must be finite and >= 0");
        }
    }
}
