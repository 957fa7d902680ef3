package org.batchscope.reports.results;

import java.util.List;
import java.util.Map;

/**
 * One run file {@code runs/<config-hash>.json}, reduced to what the charts draw.
 *
 * @param hash        the config hash (the file's name)
 * @param status      {@code completed}, {@code diverged} or {@code failed}
 * @param dataset     the index of the run's dataset in the sweep
 * @param batchSize   the batch size
 * @param lr          the base learning rate
 * @param seed        the seed (initial weights and batch order)
 * @param stepLosses  the minibatch loss before each update, nats, index = 0-based step
 * @param evaluations the evaluations in order
 * @param probes      the gradient probes in order
 * @param metrics     the run's metrics by name (empty for a run that did not complete)
 */
public record ResultRun(String hash, String status, int dataset, int batchSize, double lr, long seed,
        double[] stepLosses, List<Evaluation> evaluations, List<Probe> probes, Map<String, Double> metrics) {

    /** The status of a run that trained to its end. */
    public static final String COMPLETED = "completed";

    public ResultRun {
        stepLosses = stepLosses.clone();
        evaluations = List.copyOf(evaluations);
        probes = List.copyOf(probes);
        metrics = Map.copyOf(metrics);
    }

    /** @return the run metric {@code name}, NaN when the run has none of that name */
    public double metric(String name) {
        return metrics.getOrDefault(name, Double.NaN);
    }

    /**
     * @return the optimiser's stability threshold at the last probe's learning rate (the run metric
     *         {@code stability_threshold}), NaN when absent
     */
    public double stabilityThreshold() {
        return metric("stability_threshold");
    }

    /** @return whether the run completed */
    public boolean completed() {
        return COMPLETED.equals(status);
    }

    /**
     * One evaluation on the validation split.
     *
     * @param step               steps trained so far
     * @param epoch              epochs trained so far (fractional between epoch ends)
     * @param validationAccuracy fraction
     * @param validationLoss     mean cross-entropy, nats
     */
    public record Evaluation(long step, double epoch, double validationAccuracy, double validationLoss) {
    }

    /**
     * One gradient probe.
     *
     * @param step       steps trained so far
     * @param noiseScale B_simple = tr(Sigma) / |G|^2, examples; NaN or infinite where |G|^2 was not positive
     * @param batchSharpness the mean over the probe set's minibatches of g^T H g / |g|^2, NaN when not measured
     */
    public record Probe(long step, double noiseScale, double batchSharpness) {
    }
}
