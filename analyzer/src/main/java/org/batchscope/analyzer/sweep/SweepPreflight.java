package org.batchscope.analyzer.sweep;

import java.util.List;
import org.batchscope.analyzer.data.LoadedDataset;
import org.batchscope.analyzer.engine.TrainingSchedule;
import org.batchscope.analyzer.engine.Budget;
import org.batchscope.analyzer.engine.EpochMilestones;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.TrainingEngine;
import org.batchscope.analyzer.engine.TrainingEngines;
import org.batchscope.common.BadInputException;

/**
 * Checks a sweep before anything is trained or written, so that it never fails after hours for a reason
 * known at the start: the bounds of every number and the batch schedule's and lr decay's milestones
 * against the epochs ({@link #check(SweepSpec)}), and per dataset the batch sizes, also as the batch
 * schedule grows them, against the training-set size, the steps a run would take, the model's size, and that the engine
 * accepts the model on this data (a user's model file is read and run on one sample:
 * {@link TrainingEngine#check}). Every problem is one {@link BadInputException} naming the option.
 */
public final class SweepPreflight {

    /** Most epochs per run. */
    public static final long MAX_EPOCHS = 100_000;
    /** Most steps per run (at 10 microseconds a step, about three hours). */
    public static final long MAX_STEPS = 1_000_000_000L;
    /** Widest MLP hidden layer. */
    public static final int MAX_HIDDEN = 16_384;
    /** Most parameters of a built-in model: 50 million floats are 200 MB per copy, and a run holds several. */
    public static final long MAX_PARAMETERS = 50_000_000L;
    /** Most runs trained at once. */
    public static final int MAX_THREADS = 256;

    private SweepPreflight() {
    }

    /** Checks the bounds of the sweep's numbers that do not depend on the data. */
    public static void check(SweepSpec spec) {
        BadInputException.require(spec.epochs() <= MAX_EPOCHS, "--epochs", "an integer in [1, " + MAX_EPOCHS + "]",
                spec.epochs());
        BadInputException.require(spec.steps() == null || spec.steps() <= MAX_STEPS, "--steps",
                "an integer in [1, " + MAX_STEPS + "]", spec.steps());
        BadInputException.require(spec.hidden().stream().allMatch(h -> h <= MAX_HIDDEN), "--hidden",
                "integers in [1, " + MAX_HIDDEN + "]", spec.hidden());
        BadInputException.require(spec.threads() <= MAX_THREADS, "--threads", "an integer in [1, " + MAX_THREADS + "]",
                spec.threads());
        BadInputException.require(spec.evalsPerEpoch() <= 10_000, "--evals-per-epoch", "an integer in [1, 10000]",
                spec.evalsPerEpoch());
        BadInputException.require(spec.probesPerRun() <= 100_000, "--probes-per-run", "an integer in [0, 100000]",
                spec.probesPerRun());
        BadInputException.require(spec.probeSize() <= 1_000_000, "--probe-size", "an integer in [2, 1000000]",
                spec.probeSize());
        checkMilestones("--batch-schedule", spec.batchSchedule(), spec);
        checkMilestones("--lr-decay", spec.lrDecay(), spec);
    }

    /** With the epoch budget, a milestone at or after the last epoch would never act: refused. */
    private static void checkMilestones(String option, EpochMilestones milestones, SweepSpec spec) {
        if (spec.budget() == Budget.Kind.EPOCHS && !milestones.isNone()) {
            long last = milestones.epochs().get(milestones.epochs().size() - 1);
            BadInputException.require(last < spec.epochs(), option, "milestones below --epochs " + spec.epochs()
                    + " (milestone e acts at the start of epoch e, counting from 0)", milestones.cliText());
        }
    }

    /** Checks the sweep against one dataset: batch sizes, steps per run, model size, model and engine. */
    public static void check(SweepSpec spec, LoadedDataset data) {
        int n = data.train().count();
        for (BatchSize b : spec.batchSizes()) {
            if (b.fixed() != null && b.fixed() > n) {
                throw new BadInputException("--batch-sizes: " + b.fixed() + " is larger than the training set of "
                        + data.source() + " (" + n + " samples); use at most " + n + ", or full for the whole set");
            }
        }
        List<Integer> sizes = spec.sortedBatchSizes(n);
        EpochMilestones schedule = spec.batchSchedule();
        if (!schedule.isNone()) {
            int largest = sizes.get(sizes.size() - 1);
            double grown = largest * schedule.factorAfter(schedule.epochs().size());
            if (grown > n) {
                throw new BadInputException("--batch-schedule: " + schedule.cliText() + " grows batch size " + largest
                        + " to " + (long) Math.min(grown, Long.MAX_VALUE) + ", larger than the training set of "
                        + data.source() + " (" + n + " samples); use smaller batch sizes, a smaller factor or "
                        + "fewer milestones");
            }
        }
        long steps;
        if (spec.budget() == Budget.Kind.STEPS && spec.steps() != null) {
            steps = spec.steps();
        } else {
            long perEpoch = TrainingSchedule.stepsPerEpoch(n, sizes.get(0));
            steps = perEpoch > MAX_STEPS / spec.epochs() ? Long.MAX_VALUE : perEpoch * spec.epochs();
        }
        if (steps > MAX_STEPS) {
            throw new BadInputException("--epochs: " + spec.epochs() + " epochs at batch size " + sizes.get(0) + " on "
                    + n + " samples are more than " + MAX_STEPS + " steps per run; give fewer epochs");
        }
        ModelArchitecture model = ModelChoice.resolve(spec.model(), data, spec.hidden());
        long parameters = parameters(model);
        if (parameters > MAX_PARAMETERS) {
            throw new BadInputException("--hidden " + spec.hidden() + " gives a model of " + parameters
                    + " parameters on " + data.train().sampleSize() + " inputs; at most " + MAX_PARAMETERS
                    + " are allowed (use narrower layers)");
        }
        TrainingEngine engine = TrainingEngines.forModel(spec.engine(), model);
        engine.check(model, data.train());
    }

    /** @return the weights and biases of a built-in model (0 for a user's model, which its engine checks) */
    static long parameters(ModelArchitecture model) {
        if (model instanceof ModelArchitecture.LogisticRegression m) {
            return ((long) m.inputs() + 1) * m.classes();
        }
        if (model instanceof ModelArchitecture.Mlp m) {
            long total = 0;
            long in = m.inputs();
            for (int h : m.hidden()) {
                total += (in + 1) * h;
                in = h;
            }
            return total + (in + 1) * m.classes();
        }
        if (model instanceof ModelArchitecture.SmallCnn m) {
            long total = 0;
            long in = m.channels();
            for (int c : m.convChannels()) {
                total += (in * 9 + 1) * c;
                in = c;
            }
            in = m.flattenedSize();
            for (int d : m.dense()) {
                total += (in + 1) * d;
                in = d;
            }
            return total + (in + 1) * m.classes();
        }
        return 0;
    }
}
