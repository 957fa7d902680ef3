package org.batchscope.reports.results;

import java.util.List;

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
 * @param stabilityThreshold the optimiser's stability threshold at the last probe's learning rate (the
 *                    run metric {@code stability_threshold}), NaN when absent
 */
public record ResultRun(String hash, String status, int dataset, int batchSize, double lr, long seed,
        double[] stepLosses, List<Evaluation> evaluations, List<Probe> probes, double stabilityThreshold) {

    /** The status of a run that trained to its end. */
    public static final String COMPLETED = "completed";

    public ResultRun {
        stepLosses = stepLosses.clone();
        evaluations = List.copyOf(evaluations);
        probes = List.copyOf(probes);
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
