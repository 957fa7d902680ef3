package org.batchscope.analyzer.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The critical batch size measured from training speed rather than estimated from gradients: McCandlish
 * et al. (2018), eq. 2.11, model the steps S and examples E = B S needed to reach a fixed target as
 * <pre>
 *   S(B) = S_min (1 + B_noise / B),   E(B) = E_min (1 + B / B_noise),   E_min = S_min B_noise
 * </pre>
 * (the two are one model: E = B S). S(B) is linear in 1/B, S = a + b / B with a = S_min and
 * b = S_min B_noise, so a least-squares line through the points (1/B, mean steps of the seeds at B that
 * reached the target) gives S_min = a and B_noise = b / a. Needs at least {@value #MIN_BATCH_SIZES}
 * batch sizes. B_noise is +Infinity when a <= 0 < b (no diminishing returns within the batch sizes
 * tried) and NaN when b < 0 (larger batches took more steps: the model does not hold).
 *
 * <p>Interval: bootstrap over seeds, within each batch size (each batch size's steps resampled with
 * replacement, the line refitted), percentile quantiles R_7 ({@link BootstrapQuantile}).
 * With one seed per batch size every resample is the data itself and the interval is a single point:
 * it then says nothing about seed noise, which {@link #seedsPerBatch()} shows.
 *
 * @param stepsMin      S_min, steps
 * @param examplesMin   E_min = S_min B_noise, examples
 * @param bNoise        B_noise, examples
 * @param interval      the bootstrap interval of B_noise
 * @param batchSizes    the batch sizes fitted, ascending
 * @param seedsPerBatch the fewest seeds that reached the target at any fitted batch size
 */
public record CriticalBatchFit(double stepsMin, double examplesMin, double bNoise, ConfidenceInterval interval,
        List<Integer> batchSizes, int seedsPerBatch) {

    /** Fewest batch sizes a fit needs. */
    public static final int MIN_BATCH_SIZES = 3;

    /**
     * @param stepsByBatch per batch size, the steps to target of each seed that reached it (batch sizes
     *                     with none are skipped)
     * @return the fit, or empty when fewer than {@value #MIN_BATCH_SIZES} batch sizes reached the target
     */
    public static Optional<CriticalBatchFit> of(Map<Integer, double[]> stepsByBatch, int resamples, double confidence,
            UniformRandomProvider rng) {
        Map<Integer, double[]> reached = new TreeMap<>();
        stepsByBatch.forEach((b, steps) -> {
            if (b == null || b < 1) {
                throw new IllegalArgumentException("batch size " + b + " must be >= 1");
            }
            if (steps.length > 0) {
                reached.put(b, Checks.finite(steps, "steps to target at B = " + b, 1));
            }
        });
        if (reached.size() < MIN_BATCH_SIZES) {
            return Optional.empty();
        }
        double[] fit = line(reached);
        double[] resampled = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            Map<Integer, double[]> draw = new TreeMap<>();
            reached.forEach((b, steps) -> {
                double[] d = new double[steps.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = steps[rng.nextInt(steps.length)];
                }
                draw.put(b, d);
            });
            resampled[r] = bNoise(line(draw));
        }
        boolean undefined = java.util.Arrays.stream(resampled).anyMatch(Double::isNaN);
        ConfidenceInterval interval = undefined ? ConfidenceInterval.UNDEFINED : new ConfidenceInterval(
                BootstrapQuantile.of(resampled, (1 - confidence) / 2),
                BootstrapQuantile.of(resampled, (1 + confidence) / 2));
        double bNoise = bNoise(fit);
        int seeds = reached.values().stream().mapToInt(s -> s.length).min().orElseThrow();
        return Optional.of(new CriticalBatchFit(fit[0], fit[0] * bNoise, bNoise, interval,
                new ArrayList<>(reached.keySet()), seeds));
    }

    /** @return {a, b} of the least-squares line mean steps = a + b / B */
    private static double[] line(Map<Integer, double[]> steps) {
        int n = steps.size();
        double[] x = new double[n];
        double[] y = new double[n];
        int i = 0;
        for (Map.Entry<Integer, double[]> e : steps.entrySet()) {
            x[i] = 1.0 / e.getKey();
            y[i++] = java.util.Arrays.stream(e.getValue()).average().orElseThrow();
        }
        double mx = java.util.Arrays.stream(x).average().orElseThrow();
        double my = java.util.Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (int k = 0; k < n; k++) {
            sxy += (x[k] - mx) * (y[k] - my);
            sxx += (x[k] - mx) * (x[k] - mx);
        }
        double b = sxy / sxx;
        return new double[] {my - b * mx, b};
    }

    private static double bNoise(double[] line) {
        double a = line[0];
        double b = line[1];
        if (b < 0) {
            return Double.NaN;
        }
        return a <= 0 ? Double.POSITIVE_INFINITY : b / a;
    }
}
