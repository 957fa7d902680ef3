package org.batchscope.reports.results;

import java.util.List;

/**
 * The grid and training settings of a sweep, from {@code summary.json}'s {@code sweep} (and the
 * engine the runs actually used).
 *
 * @param model            the model name ({@code auto}, {@code mlp}, {@code cnn}, ... or a model file)
 * @param engine           the engine the runs used ({@code lean}, {@code dl4j}), or {@code "-"} when no run
 * @param batchSizes       the batch sizes, ascending
 * @param seeds            seeds per cell
 * @param lrs              the base learning rates
 * @param lrScaling        {@code fixed}, {@code linear} or {@code sqrt}
 * @param lrReferenceBatch the batch size the base rates are given for
 * @param budget           {@code epochs} or {@code steps}
 * @param epochs           epochs per run (with the steps budget: epochs of the smallest batch size)
 * @param steps            steps per run with the steps budget, or null
 * @param optimizer        the optimiser
 */
public record SweepSettings(String model, String engine, List<Integer> batchSizes, int seeds, List<Double> lrs,
        String lrScaling, int lrReferenceBatch, String budget, long epochs, Long steps, String optimizer) {

    public SweepSettings {
        batchSizes = batchSizes.stream().sorted().toList();
        lrs = List.copyOf(lrs);
    }
}
