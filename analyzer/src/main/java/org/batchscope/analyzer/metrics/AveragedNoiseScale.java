package org.batchscope.analyzer.metrics;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The gradient noise scale B_simple over many probes as McCandlish et al. (2018, "An Empirical Model of
 * Large-Batch Training", appendix A.1) compute it: tr(Sigma) and |G|^2 are each averaged over the probes
 * (|G|^2 being each probe's unbiased estimate, which may be <= 0 when one probe's noise swamps it), then
 * divided, B_simple = mean tr(Sigma) / mean |G|^2. Averaging first keeps the unbiasedness of both
 * estimates, where a median or mean of per-probe ratios is biased by the noisy denominators (and loses the
 * probes whose ratio is infinite). Cases of the ratio as in {@link GradientNoiseScale}: +Infinity when the
 * averaged |G|^2 <= 0 < averaged tr(Sigma); NaN when the averaged tr(Sigma) < 0.
 *
 * <p>Interval: percentile bootstrap over the probes (pairs (tr(Sigma), |G|^2) resampled with
 * replacement, the ratio of the resampled means; quantiles {@link BootstrapQuantile}, an
 * end that falls on or next to an infinite ratio is +Infinity). The probes of one run are treated as
 * independent draws, which successive probes of a training run are only approximately (they share the
 * trajectory), so the interval is a measure of probe-to-probe noise, not of seed-to-seed spread.
 *
 * @param traceCovariance    the averaged tr(Sigma)
 * @param squaredNorm        the averaged |G|^2
 * @param bSimple            their ratio, in examples
 * @param interval           the bootstrap interval of the ratio
 * @param probes             probes averaged
 * @param nonPositiveProbes  probes whose own |G|^2 estimate was <= 0 (kept in the averages)
 */
public record AveragedNoiseScale(double traceCovariance, double squaredNorm, double bSimple,
        ConfidenceInterval interval, int probes, int nonPositiveProbes) {

    /**
     * @param traces        tr(Sigma) per probe, finite
     * @param squaredNorms  |G|^2 per probe (same length), finite
     * @param resamples     bootstrap resamples, >= 1
     * @param confidence    of the interval, in (0, 1)
     * @param rng           picks the resampled probes
     */
    public static AveragedNoiseScale of(double[] traces, double[] squaredNorms, int resamples, double confidence,
            UniformRandomProvider rng) {
        Checks.finite(traces, "traces", 1);
        Checks.finite(squaredNorms, "squaredNorms", 1);
        Checks.sameLength(squaredNorms.length, "squaredNorms", traces.length, "traces");
        if (resamples < 1 || !(confidence > 0 && confidence < 1) || rng == null) {
            throw new IllegalArgumentException("resamples " + resamples + " >= 1, confidence " + confidence
                    + " in (0, 1) and an rng are needed");
        }
        int n = traces.length;
        double trace = mean(traces);
        double squaredNorm = mean(squaredNorms);
        int nonPositive = (int) Arrays.stream(squaredNorms).filter(v -> v <= 0).count();
        double[] ratios = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double t = 0;
            double g = 0;
            for (int i = 0; i < n; i++) {
                int k = rng.nextInt(n);
                t += traces[k];
                g += squaredNorms[k];
            }
            ratios[b] = ratio(t / n, g / n);
        }
        ConfidenceInterval interval = Arrays.stream(ratios).anyMatch(Double::isNaN) ? ConfidenceInterval.UNDEFINED
                : new ConfidenceInterval(BootstrapQuantile.of(ratios, (1 - confidence) / 2),
                        BootstrapQuantile.of(ratios, (1 + confidence) / 2));
        return new AveragedNoiseScale(trace, squaredNorm, ratio(trace, squaredNorm), interval, n, nonPositive);
    }

    private static double ratio(double trace, double squaredNorm) {
        if (trace < 0 || (trace == 0 && squaredNorm <= 0)) {
            return Double.NaN;
        }
        return squaredNorm <= 0 ? Double.POSITIVE_INFINITY : trace / squaredNorm;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
