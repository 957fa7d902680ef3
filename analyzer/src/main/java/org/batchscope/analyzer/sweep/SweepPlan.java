package org.batchscope.analyzer.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.batchscope.analyzer.engine.BatchPlan;
import org.batchscope.analyzer.engine.Budget;
import org.batchscope.analyzer.engine.EpochMilestones;
import org.batchscope.analyzer.engine.LrSchedule;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.OptimizerSpec;
import org.batchscope.analyzer.engine.RunConfig;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainingEngine;
import org.batchscope.analyzer.engine.TrainingEngines;
import org.batchscope.analyzer.engine.TrainingSchedule;

/**
 * Expands a {@link SweepSpec} over its datasets into runs, in the order dataset, learning rate, batch
 * size (ascending), seed. For a dataset with n training samples and a run at batch size B
 * ({@code full} is B = n; its runs are the same runs, with the same config hash, as a listed n would be, and
 * carry the label {@code full}):
 * <ul>
 *   <li>learning rate: {@link LrScaling#scale}(lr, B, B_ref), constant, or with {@code --lr-decay F@e1,...}
 *       divided by F at the first step of each epoch e_i ({@link LrSchedule.Kind#MILESTONES});</li>
 *   <li>batch size: B, or with {@code --batch-schedule F@e1,...} multiplied by F at the start of each epoch
 *       e_i ({@link TrainingSchedule}); B_ref and the lr scaling use the first epoch's B;</li>
 *   <li>budget: with {@code epochs}, {@code --epochs} epochs (of ceil(n / B_e) steps each); with {@code steps},
 *       {@code --steps} steps, or if not given the steps the sweep's smallest batch size B_min makes in
 *       {@code --epochs} epochs, so every batch size makes as many updates as the smallest one does
 *       (Hoffer et al. 2017, "train longer");</li>
 *   <li>evaluation every {@code --eval-every} steps, or max(1, floor(ceil(n / B) / evals-per-epoch)) for the
 *       first epoch's B (and at each epoch's end);</li>
 *   <li>gradient probes every {@code --probe-every} steps, or max(1, floor(total steps / probes-per-run)),
 *       on the probe set {@link #probeSet};</li>
 *   <li>seeds 0..seeds-1 (a seed fixes initial weights and batch order, so batch sizes are compared
 *       from the same initial weights).</li>
 * </ul>
 */
public final class SweepPlan {

    /** Recorded in every run config: how {@link #probeSet} picks the probe examples. */
    public static final String PROBE_SELECTION = "first probe_size samples of BatchPlan.epochOrder(seed 0, epoch 0)";

    private SweepPlan() {
    }

    /** @return every run of the grid */
    public static List<PlannedRun> plan(SweepSpec spec, List<SweepDataset> datasets) {
        List<PlannedRun> runs = new ArrayList<>();
        for (int d = 0; d < datasets.size(); d++) {
            SweepDataset dataset = datasets.get(d);
            ModelArchitecture model = ModelChoice.resolve(spec.model(), dataset.data(), spec.hidden());
            TrainingEngine engine = TrainingEngines.forModel(spec.engine(), model);
            int n = dataset.data().train().count();
            List<Integer> batchSizes = spec.sortedBatchSizes(n);
            int minBatch = batchSizes.get(0);
            for (double lr : spec.lrs()) {
                for (int batch : batchSizes) {
                    long stepsPerEpoch = TrainingSchedule.stepsPerEpoch(n, batch);
                    Budget budget = budget(spec, n, minBatch);
                    TrainingSchedule steps = TrainingSchedule.of(n, batch, spec.batchSchedule(), budget, 0, 0);
                    long totalSteps = steps.totalSteps();
                    LrSchedule lrSchedule = lrSchedule(spec.lrDecay(), steps);
                    int evalEvery = spec.evalEvery() != null ? spec.evalEvery()
                            : (int) Math.max(1, stepsPerEpoch / spec.evalsPerEpoch());
                    int probeEvery = spec.probeEvery() != null ? spec.probeEvery()
                            : spec.probesPerRun() == 0 ? 0 : (int) Math.max(1, totalSteps / spec.probesPerRun());
                    int probeSize = probeEvery == 0 ? 0 : Math.min(spec.probeSize(), n);
                    OptimizerSpec optimizer = new OptimizerSpec(spec.optimizer(),
                            spec.lrScaling().scale(lr, batch, spec.lrReferenceBatch()),
                            spec.momentum(), 0.9, 0.999, 1e-8, 0.0);
                    for (long seed = 0; seed < spec.seeds(); seed++) {
                        RunConfig config = new RunConfig(model, optimizer, lrSchedule, batch, budget, seed,
                                ModelChoice.initFor(model), evalEvery, probeEvery, probeSize, spec.batchSchedule());
                        RunSpec runSpec = new RunSpec(dataset.ref(), engine.name(), engine.numericSettings(), config,
                                lr, spec.lrScaling().cliName(), spec.lrReferenceBatch(), PROBE_SELECTION,
                                spec.sharpness(), spec.trainEvalSamples() == SweepSpec.ALL_SAMPLES ? n
                                        : Math.min(spec.trainEvalSamples(), n),
                                subsetOrAll(spec.gapSamples(), n),
                                subsetOrAll(spec.validationSamples(), dataset.data().validation().count()));
                        runs.add(new PlannedRun(runSpec, runSpec.hash(), d, engine, spec.batchLabel(batch, n)));
                    }
                }
            }
        }
        return runs;
    }

    private static Budget budget(SweepSpec spec, int n, int minBatch) {
        if (spec.budget() == Budget.Kind.EPOCHS) {
            return Budget.epochs(spec.epochs());
        }
        return Budget.steps(spec.steps() != null ? spec.steps()
                : TrainingSchedule.of(n, minBatch, spec.batchSchedule(), Budget.epochs(spec.epochs()), 0, 0).totalSteps());
    }

    /** @return constant, or the rate divided by the decay's factor at its epochs' first steps under {@code steps} */
    private static LrSchedule lrSchedule(EpochMilestones decay, TrainingSchedule steps) {
        return decay.isNone() ? LrSchedule.constant()
                : LrSchedule.milestones(1.0 / decay.factor(), decay.epochs().stream().map(steps::firstStepOf).toList());
    }

    /**
     * @param samples a sample-count setting ({@link SweepSpec#ALL_SAMPLES} for all)
     * @param count   the size of the split it subsets
     * @return the size of the subset, or null when it is the whole split
     */
    private static Integer subsetOrAll(int samples, int count) {
        return samples == SweepSpec.ALL_SAMPLES || samples >= count ? null : samples;
    }

    /**
     * The gradient probe set: the first {@code size} samples of the permutation
     * {@code BatchPlan.epochOrder(0, 0, n)} of the training set, the same for every run on a dataset. Every fixed
     * subset of a split is chosen this way: the training samples of evaluations, of the end-of-run train scores
     * and of the sharpness, and ({@code --validation-samples}) the validation samples of evaluations.
     *
     * @param split the training set, or the split a subset is taken of
     * @return the probe set, or null when {@code size} is 0
     */
    public static TensorData probeSet(TensorData split, int size) {
        return size == 0 ? null : split.select(probeIndices(split.count(), size));
    }

    /** @return the indices, into a training set of {@code n} samples, of its {@link #probeSet} of {@code size} */
    public static int[] probeIndices(int n, int size) {
        return Arrays.copyOf(BatchPlan.epochOrder(0, 0, n), size);
    }
}
