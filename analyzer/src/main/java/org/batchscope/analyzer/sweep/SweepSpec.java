package org.batchscope.analyzer.sweep;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.batchscope.analyzer.engine.Budget;
import org.batchscope.analyzer.engine.EpochMilestones;
import org.batchscope.analyzer.engine.OptimizerSpec;
import org.batchscope.analyzer.sharpness.SharpnessSettings;
import org.batchscope.common.BadInputException;

/**
 * What a sweep trains, validated: the grid (batch sizes x learning rates x seeds, per dataset) and
 * the settings every run shares.
 *
 * @param model            {@code auto} (MLP for tables, the small CNN for images), {@code logreg},
 *                         {@code mlp}, {@code cnn}, or the path of a user's DL4J model file
 * @param engine           the engine name ({@code --engine}), or null to pick the first that supports the model
 * @param batchSizes       distinct batch sizes, each >= 1 or {@code full} (the training-set size n)
 * @param seeds            runs per cell, seeds 0..seeds-1
 * @param epochs           epochs per run with the epoch budget; with the step budget, the number of
 *                         epochs the smallest batch size trains (see {@link SweepPlan})
 * @param steps            with the step budget: the steps every run trains, or null to derive them from {@code epochs}
 * @param lrs              base learning rates (at {@code lrReferenceBatch}), each > 0
 * @param lrScaling        how the rate follows the batch size
 * @param lrReferenceBatch the batch size the base rates are given for
 * @param budget           EPOCHS (equal epochs) or STEPS (equal steps, Hoffer et al.'s "train longer")
 * @param optimizer        the optimiser kind
 * @param momentum         momentum for MOMENTUM and NESTEROV
 * @param hidden           hidden layer sizes of the MLP
 * @param evalsPerEpoch    evaluations per epoch when {@code evalEvery} is null: every
 *                         max(1, floor(steps per epoch / evalsPerEpoch)) steps
 * @param evalEvery        evaluate every this many steps, or null for {@code evalsPerEpoch}
 * @param probesPerRun     gradient probes per run when {@code probeEvery} is null: every
 *                         max(1, floor(total steps / probesPerRun)) steps; 0 = no probes
 * @param probeEvery       probe every this many steps, or null for {@code probesPerRun}
 * @param probeSize        examples in the gradient probe set (at most the training set)
 * @param threads          runs trained at once
 * @param targetAccuracy   the validation accuracy that "time to target" counts to, in (0, 1], or null for
 *                         the automatic target of {@link TargetAccuracy}
 * @param batchSchedule    {@code --batch-schedule}: each run's batch size is multiplied by the factor at the
 *                         start of the given epochs ({@link org.batchscope.analyzer.engine.TrainingSchedule})
 * @param lrDecay          {@code --lr-decay}: each run's learning rate is divided by the factor at the start
 *                         of the given epochs
 * @param trainEvalSamples training samples each evaluation during training scores (a fixed subset,
 *                         the first samples of the {@link SweepPlan#probeSet} order), or 0 for the whole training set
 * @param gapSamples       training samples the end-of-run train accuracy and loss score (the same kind of fixed
 *                         subset), or 0 for the whole training set (also when absent: summaries written before
 *                         the option existed measured every sample)
 * @param validationSamples validation samples each evaluation during training scores (a fixed subset, the
 *                         first samples of the same kind of permutation of the validation split), or 0 for the
 *                         whole validation split (also when absent: summaries written before the option existed)
 * @param sharpness        how the end-of-run sharpness is measured
 */
public record SweepSpec(@JsonProperty("model") String model,
        @JsonProperty("engine") String engine,
        @JsonProperty("batch_sizes") List<BatchSize> batchSizes,
        @JsonProperty("seeds") int seeds,
        @JsonProperty("epochs") long epochs,
        @JsonProperty("steps") Long steps,
        @JsonProperty("lrs") List<Double> lrs,
        @JsonProperty("lr_scaling") LrScaling lrScaling,
        @JsonProperty("lr_reference_batch") int lrReferenceBatch,
        @JsonProperty("budget") Budget.Kind budget,
        @JsonProperty("optimizer") OptimizerSpec.Kind optimizer,
        @JsonProperty("momentum") double momentum,
        @JsonProperty("hidden") List<Integer> hidden,
        @JsonProperty("evals_per_epoch") int evalsPerEpoch,
        @JsonProperty("eval_every") Integer evalEvery,
        @JsonProperty("probes_per_run") int probesPerRun,
        @JsonProperty("probe_every") Integer probeEvery,
        @JsonProperty("probe_size") int probeSize,
        @JsonProperty("threads") int threads,
        @JsonProperty("target_accuracy") Double targetAccuracy,
        @JsonProperty("batch_schedule") EpochMilestones batchSchedule,
        @JsonProperty("lr_decay") EpochMilestones lrDecay,
        @JsonProperty("train_eval_samples") int trainEvalSamples,
        @JsonProperty("gap_samples") Integer gapSamples,
        @JsonProperty("validation_samples") Integer validationSamples,
        @JsonProperty("sharpness") SharpnessSettings sharpness) {

    /** The default of {@code --train-eval-samples}. */
    public static final int DEFAULT_TRAIN_EVAL_SAMPLES = 128;

    /**
     * A sample count ({@code trainEvalSamples}, {@code gapSamples}, {@code validationSamples}) that stands for the
     * whole split.
     */
    public static final int ALL_SAMPLES = 0;

    public SweepSpec {
        BadInputException.require(model != null && !model.isBlank(), "--model", "auto, logreg, mlp, cnn or a DL4J model file", model);
        BadInputException.require(batchSizes != null && !batchSizes.isEmpty(), "--batch-sizes", "a non-empty list", batchSizes);
        batchSizes = List.copyOf(batchSizes);
        BadInputException.require(batchSizes.stream().allMatch(b -> b != null), "--batch-sizes",
                "positive integers or full", batchSizes);
        BadInputException.require(batchSizes.stream().distinct().count() == batchSizes.size(), "--batch-sizes",
                "distinct values", batchSizes);
        BadInputException.require(seeds >= 1 && seeds <= 1000, "--seeds", "an integer in [1, 1000]", seeds);
        BadInputException.require(epochs >= 1, "--epochs", "a positive integer", epochs);
        BadInputException.require(steps == null || steps >= 1, "--steps", "a positive integer", steps);
        BadInputException.require(steps == null || budget == Budget.Kind.STEPS, "--steps", "used with --budget steps", steps);
        BadInputException.require(lrs != null && !lrs.isEmpty(), "--lr", "at least one learning rate", lrs);
        lrs = List.copyOf(lrs);
        BadInputException.require(lrs.stream().allMatch(lr -> lr != null && lr > 0 && Double.isFinite(lr)), "--lr",
                "positive numbers", lrs);
        BadInputException.require(lrs.stream().distinct().count() == lrs.size(), "--lr", "distinct values", lrs);
        BadInputException.require(lrScaling != null, "--lr-scaling", "fixed, linear or sqrt", null);
        BadInputException.require(lrReferenceBatch >= 1, "--lr-reference-batch", "a positive integer", lrReferenceBatch);
        BadInputException.require(budget != null, "--budget", "epochs or steps", null);
        BadInputException.require(optimizer != null, "--optimizer", "sgd, momentum, nesterov or adam", null);
        BadInputException.require(momentum >= 0 && momentum < 1, "--momentum", "a number in [0, 1)", momentum);
        BadInputException.require(hidden != null && !hidden.isEmpty(), "--hidden", "a non-empty list", hidden);
        hidden = List.copyOf(hidden);
        BadInputException.require(hidden.stream().allMatch(h -> h != null && h >= 1), "--hidden", "positive integers", hidden);
        BadInputException.require(evalsPerEpoch >= 1, "--evals-per-epoch", "a positive integer", evalsPerEpoch);
        BadInputException.require(evalEvery == null || evalEvery >= 1, "--eval-every", "a positive integer", evalEvery);
        BadInputException.require(probesPerRun >= 0, "--probes-per-run", "an integer >= 0", probesPerRun);
        BadInputException.require(probeEvery == null || probeEvery >= 1, "--probe-every", "a positive integer", probeEvery);
        BadInputException.require(probeSize >= 2, "--probe-size", "an integer >= 2", probeSize);
        BadInputException.require(threads >= 1, "--threads", "a positive integer", threads);
        BadInputException.require(targetAccuracy == null || (targetAccuracy > 0 && targetAccuracy <= 1),
                "--target-accuracy", "a number in (0, 1]", targetAccuracy);
        batchSchedule = batchSchedule == null ? EpochMilestones.NONE : batchSchedule;
        lrDecay = lrDecay == null ? EpochMilestones.NONE : lrDecay;
        BadInputException.require(trainEvalSamples >= 0, "--train-eval-samples", "a positive integer or all",
                trainEvalSamples);
        gapSamples = gapSamples == null ? ALL_SAMPLES : gapSamples;
        BadInputException.require(gapSamples >= 0, "--gap-samples", "a positive integer or all", gapSamples);
        validationSamples = validationSamples == null ? ALL_SAMPLES : validationSamples;
        BadInputException.require(validationSamples >= 0, "--validation-samples", "a positive integer or all",
                validationSamples);
        BadInputException.require(sharpness != null, "sharpness", "sharpness settings", null);
    }

    /** A sweep at constant batch sizes and learning rates, with the default analysis settings. */
    public SweepSpec(String model, String engine, List<BatchSize> batchSizes, int seeds, long epochs, Long steps,
            List<Double> lrs, LrScaling lrScaling, int lrReferenceBatch, Budget.Kind budget,
            OptimizerSpec.Kind optimizer, double momentum, List<Integer> hidden, int evalsPerEpoch, Integer evalEvery,
            int probesPerRun, Integer probeEvery, int probeSize, int threads, Double targetAccuracy) {
        this(model, engine, batchSizes, seeds, epochs, steps, lrs, lrScaling, lrReferenceBatch, budget, optimizer,
                momentum, hidden, evalsPerEpoch, evalEvery, probesPerRun, probeEvery, probeSize, threads,
                targetAccuracy, EpochMilestones.NONE, EpochMilestones.NONE, DEFAULT_TRAIN_EVAL_SAMPLES,
                ALL_SAMPLES, ALL_SAMPLES, SharpnessSettings.DEFAULTS);
    }

    /**
     * @param n the training-set size
     * @return the batch sizes for a dataset of n training samples ({@code full} = n), ascending
     * @throws BadInputException when {@code full} coincides with a listed size
     */
    public List<Integer> sortedBatchSizes(int n) {
        List<Integer> sizes = batchSizes.stream().map(b -> b.resolve(n)).sorted().toList();
        BadInputException.require(sizes.stream().distinct().count() == sizes.size(), "--batch-sizes",
                "distinct values; full is the training-set size " + n + ", which is also listed", batchSizes);
        return sizes;
    }

    /** @return the label of batch size {@code batch} on a dataset of n training samples: {@code full} or the number */
    public String batchLabel(int batch, int n) {
        return batch == n && batchSizes.contains(BatchSize.FULL) ? BatchSize.FULL_NAME : String.valueOf(batch);
    }
}
