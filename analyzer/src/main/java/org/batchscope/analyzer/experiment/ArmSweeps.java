package org.batchscope.analyzer.experiment;

import java.util.List;
import org.batchscope.analyzer.engine.Budget;
import org.batchscope.analyzer.engine.EpochMilestones;
import org.batchscope.analyzer.engine.OptimizerSpec;
import org.batchscope.analyzer.sharpness.SharpnessSettings;
import org.batchscope.analyzer.sweep.BatchSize;
import org.batchscope.analyzer.sweep.LrScaling;
import org.batchscope.analyzer.sweep.SweepSpec;

/**
 * The sweeps of experiment arms: {@code analyze}'s defaults (SGD, MLP hidden 64, probe size 64, automatic
 * target accuracy, 128 training samples per evaluation, curvature on 128 samples) with what an arm sets. One place builds every arm's {@link SweepSpec}.
 *
 * @param model         the model name
 * @param batchSizes    the batch sizes
 * @param seeds         seeds per cell
 * @param epochs        epochs (with the step budget: epochs of the smallest batch size)
 * @param lr            the base learning rate at {@code lrReferenceBatch}
 * @param scaling       how the rate follows the batch size
 * @param lrReferenceBatch the batch size {@code lr} is given for
 * @param budget        equal epochs or equal steps
 * @param steps         with the step budget: steps per run, or null for {@code epochs} epochs of the smallest batch
 * @param evalsPerEpoch evaluations per epoch
 * @param probesPerRun  gradient probes per run
 * @param threads       runs trained at once
 * @param batchSchedule how each run's batch size grows ({@code --batch-schedule})
 * @param lrDecay       how each run's learning rate falls ({@code --lr-decay})
 * @param probeSize     examples per gradient probe ({@code --probe-size})
 * @param trainEvalSamples training samples scored at each evaluation ({@code --train-eval-samples})
 * @param sharpness     the end-of-run curvature settings ({@code --sharpness-samples} and the others)
 */
record ArmSweeps(String model, List<BatchSize> batchSizes, int seeds, long epochs, double lr, LrScaling scaling,
        int lrReferenceBatch, Budget.Kind budget, Long steps, int evalsPerEpoch, Integer evalEvery, int probesPerRun,
        int threads, EpochMilestones batchSchedule, EpochMilestones lrDecay, int probeSize, int trainEvalSamples,
        SharpnessSettings sharpness) {

    static ArmSweeps of(String model, List<Integer> batchSizes, int seeds, long epochs, double lr, int threads) {
        return new ArmSweeps(model, batchSizes.stream().map(b -> BatchSize.parse(String.valueOf(b))).toList(), seeds,
                epochs, lr, LrScaling.FIXED, 32, Budget.Kind.EPOCHS, null, 2, null, 4, threads, EpochMilestones.NONE,
                EpochMilestones.NONE, 64, SweepSpec.DEFAULT_TRAIN_EVAL_SAMPLES, SharpnessSettings.DEFAULTS);
    }

    ArmSweeps withBatchSizes(List<BatchSize> sizes) {
        return new ArmSweeps(model, sizes, seeds, epochs, lr, scaling, lrReferenceBatch, budget, steps, evalsPerEpoch,
                evalEvery, probesPerRun, threads, batchSchedule, lrDecay, probeSize,
                trainEvalSamples, sharpness);
    }

    ArmSweeps withLr(double rate, LrScaling rule, int referenceBatch) {
        return new ArmSweeps(model, batchSizes, seeds, epochs, rate, rule, referenceBatch, budget, steps, evalsPerEpoch,
                evalEvery, probesPerRun, threads, batchSchedule, lrDecay, probeSize,
                trainEvalSamples, sharpness);
    }

    ArmSweeps withSteps(long stepCount) {
        return new ArmSweeps(model, batchSizes, seeds, epochs, lr, scaling, lrReferenceBatch, Budget.Kind.STEPS,
                stepCount, evalsPerEpoch, evalEvery, probesPerRun, threads, batchSchedule, lrDecay, probeSize,
                trainEvalSamples, sharpness);
    }

    ArmSweeps withProbeSize(int examples) {
        return new ArmSweeps(model, batchSizes, seeds, epochs, lr, scaling, lrReferenceBatch, budget, steps, evalsPerEpoch,
                evalEvery, probesPerRun, threads, batchSchedule, lrDecay, examples, trainEvalSamples, sharpness);
    }

    ArmSweeps withEvaluation(int evals, Integer every, int probes) {
        return new ArmSweeps(model, batchSizes, seeds, epochs, lr, scaling, lrReferenceBatch, budget, steps, evals,
                every, probes, threads, batchSchedule, lrDecay, probeSize,
                trainEvalSamples, sharpness);
    }

    ArmSweeps withThreads(int count) {
        return new ArmSweeps(model, batchSizes, seeds, epochs, lr, scaling, lrReferenceBatch, budget, steps,
                evalsPerEpoch, evalEvery, probesPerRun, count, batchSchedule, lrDecay, probeSize,
                trainEvalSamples, sharpness);
    }

    ArmSweeps withSchedules(EpochMilestones batchGrowth, EpochMilestones rateDecay) {
        return new ArmSweeps(model, batchSizes, seeds, epochs, lr, scaling, lrReferenceBatch, budget, steps,
                evalsPerEpoch, evalEvery, probesPerRun, threads, batchGrowth, rateDecay, probeSize,
                trainEvalSamples, sharpness);
    }

    /**
     * Lighter measurements for an experiment whose claims read none of them: smaller gradient probes, fewer
     * training samples scored at each evaluation and the curvature on fewer samples (each a precision trade
     * recorded in the run hash; training itself is unchanged).
     */
    ArmSweeps withLighterMeasurements(int probeExamples, int trainEvaluated, int curvatureSamples) {
        SharpnessSettings s = sharpness;
        return new ArmSweeps(model, batchSizes, seeds, epochs, lr, scaling, lrReferenceBatch, budget, steps,
                evalsPerEpoch, evalEvery, probesPerRun, threads, batchSchedule, lrDecay, probeExamples, trainEvaluated,
                new SharpnessSettings(s.epsilon(), s.ascentSteps(), curvatureSamples, s.lanczosIterations(),
                        s.tolerance(), s.seed()));
    }

    SweepSpec spec() {
        return new SweepSpec(model, null, batchSizes, seeds, epochs, steps, List.of(lr), scaling, lrReferenceBatch,
                budget, OptimizerSpec.Kind.SGD, 0.9, List.of(64), evalsPerEpoch, evalEvery, probesPerRun, null, probeSize,
                threads, null, batchSchedule, lrDecay, trainEvalSamples, SweepSpec.ALL_SAMPLES, SweepSpec.ALL_SAMPLES,
                sharpness);
    }
}
