package org.batchscope.analyzer.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * When a run steps, evaluates and probes: the one place that counts steps. With n training samples,
 * batch size B and a batch schedule ({@link EpochMilestones}: factor F at epochs e_1 < e_2 < ...):
 * <ul>
 *   <li>epoch e trains at B_e = min(B F^k(e), n) (a B above n trains on all n samples at once, as B = n),
 *       in S_e = ceil(n / B_e) steps; without a schedule every epoch has B_e = B. The batch size changes
 *       only at an epoch's start, so every epoch is a whole pass over the training set;</li>
 *   <li>epoch e's samples are visited in the order {@link BatchPlan#epochOrder}(seed, e) whatever B_e is:
 *       the permutation is drawn per epoch from the seed and the epoch's index alone, and B_e only decides
 *       how it is cut, so a run with a schedule sees the same sample order as one without;</li>
 *   <li>epoch e's first step is t_e = sum of S_j over j < e; step t (0-based) of epoch e trains on slice
 *       p = t - t_e of that order, samples [p B_e, min(n, (p+1) B_e));</li>
 *   <li>the run has T steps: t_E for a budget of E epochs, the budget's steps otherwise;</li>
 *   <li>with s = t + 1 steps done, a gradient probe follows when {@code probeEverySteps} > 0 divides s, and
 *       an evaluation when s ends an epoch (s = t_e for some e), is a multiple of {@code evalEverySteps}
 *       (when > 0), or is T. Both cadences count steps, so after the batch grows an epoch holds fewer of
 *       them, but every epoch still ends with an evaluation.</li>
 * </ul>
 */
public final class TrainingSchedule {

    /** Epochs from {@code firstEpoch} on (to the next phase) train at {@code batchSize} in {@code stepsPerEpoch} steps. */
    private record Phase(long firstEpoch, long firstStep, int batchSize, long stepsPerEpoch) {
    }

    private final int trainingSamples;
    private final List<Phase> phases;
    private final long totalSteps;
    private final int evalEverySteps;
    private final int probeEverySteps;

    private TrainingSchedule(int trainingSamples, List<Phase> phases, long totalSteps, int evalEverySteps,
            int probeEverySteps) {
        this.trainingSamples = trainingSamples;
        this.phases = phases;
        this.totalSteps = totalSteps;
        this.evalEverySteps = evalEverySteps;
        this.probeEverySteps = probeEverySteps;
    }

    /** @return the schedule of a run of {@code config} on {@code trainingSamples} samples */
    public static TrainingSchedule of(RunConfig config, int trainingSamples) {
        return of(trainingSamples, config.batchSize(), config.batchSchedule(), config.budget(),
                config.evalEverySteps(), config.probeEverySteps());
    }

    /**
     * @param trainingSamples n
     * @param batchSize       B, the first epoch's batch size
     * @param batchSchedule   how B grows, {@link EpochMilestones#NONE} for never
     * @param budget          epochs or steps
     * @param evalEverySteps  extra evaluations every this many steps, 0 for epoch ends only
     * @param probeEverySteps gradient probes every this many steps, 0 for none
     * @return the schedule
     */
    public static TrainingSchedule of(int trainingSamples, int batchSize, EpochMilestones batchSchedule, Budget budget,
            int evalEverySteps, int probeEverySteps) {
        if (trainingSamples <= 0) {
            throw new IllegalArgumentException("the training set is empty");
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("a schedule needs a positive batch size, got " + batchSize);
        }
        List<Phase> phases = new ArrayList<>();
        int first = Math.min(batchSize, trainingSamples);
        phases.add(new Phase(0, 0, first, stepsPerEpoch(trainingSamples, first)));
        for (int k = 1; k <= batchSchedule.epochs().size(); k++) {
            Phase previous = phases.get(phases.size() - 1);
            long epoch = batchSchedule.epochs().get(k - 1);
            int size = (int) Math.min(trainingSamples, batchSize * batchSchedule.factorAfter(k));
            long firstStep = Math.addExact(previous.firstStep(),
                    Math.multiplyExact(epoch - previous.firstEpoch(), previous.stepsPerEpoch()));
            phases.add(new Phase(epoch, firstStep, size, stepsPerEpoch(trainingSamples, size)));
        }
        TrainingSchedule partial = new TrainingSchedule(trainingSamples, List.copyOf(phases), 0, evalEverySteps,
                probeEverySteps);
        long total = budget.kind() == Budget.Kind.STEPS ? budget.amount() : partial.firstStepOf(budget.amount());
        return new TrainingSchedule(trainingSamples, partial.phases, total, evalEverySteps, probeEverySteps);
    }

    /** @return S = ceil(n / B), the steps of one epoch at batch size B */
    public static long stepsPerEpoch(int n, int batchSize) {
        return (n + (long) batchSize - 1) / batchSize;
    }

    /** @return n */
    public int trainingSamples() {
        return trainingSamples;
    }

    /** @return T, the run's steps */
    public long totalSteps() {
        return totalSteps;
    }

    /** @return the first epoch's batch size B_0 = min(B, n) */
    public int batchSize() {
        return phases.get(0).batchSize();
    }

    /** @return the largest batch size of any epoch (what an engine sizes its buffers for) */
    public int largestBatchSize() {
        return phases.stream().mapToInt(Phase::batchSize).max().orElseThrow();
    }

    /** @return S_0, the first epoch's steps */
    public long stepsPerEpoch() {
        return phases.get(0).stepsPerEpoch();
    }

    /** @return t_e, the first step of 0-based epoch {@code epoch} (for e = E: the steps of E epochs) */
    public long firstStepOf(long epoch) {
        Phase phase = phaseOfEpoch(epoch);
        return Math.addExact(phase.firstStep(), Math.multiplyExact(epoch - phase.firstEpoch(), phase.stepsPerEpoch()));
    }

    /** @return the 0-based epoch step {@code step} belongs to */
    public long epochOf(long step) {
        Phase phase = phaseOfStep(step);
        return phase.firstEpoch() + (step - phase.firstStep()) / phase.stepsPerEpoch();
    }

    /** @return the position of step {@code step} in its epoch, 0..S_e-1 */
    public int sliceOf(long step) {
        Phase phase = phaseOfStep(step);
        return (int) ((step - phase.firstStep()) % phase.stepsPerEpoch());
    }

    /** @return B_e of the epoch step {@code step} belongs to */
    public int batchSizeAt(long step) {
        return phaseOfStep(step).batchSize();
    }

    /** @return the first position in the epoch order of step {@code step}'s minibatch */
    public int firstSampleOf(long step) {
        return sliceOf(step) * batchSizeAt(step);
    }

    /** @return the size of step {@code step}'s minibatch (the last of an epoch may be short) */
    public int samplesOf(long step) {
        return Math.min(batchSizeAt(step), trainingSamples - firstSampleOf(step));
    }

    /** @return epochs done after {@code stepsDone} steps, fractional: e + p / S_e for the next step's epoch e and slice p */
    public double epochsAfter(long stepsDone) {
        Phase phase = phaseOfStep(stepsDone);
        return epochOf(stepsDone) + (double) sliceOf(stepsDone) / phase.stepsPerEpoch();
    }

    /** @return whether an evaluation follows once {@code stepsDone} steps are done */
    public boolean evaluatesAfter(long stepsDone) {
        return sliceOf(stepsDone) == 0 || stepsDone == totalSteps
                || (evalEverySteps > 0 && stepsDone % evalEverySteps == 0);
    }

    /** @return whether a gradient probe follows once {@code stepsDone} steps are done */
    public boolean probesAfter(long stepsDone) {
        return probeEverySteps > 0 && stepsDone % probeEverySteps == 0;
    }

    /**
     * @return the training samples seen in {@code stepsDone} steps: e n + min(p B_e, n) for the next step's
     *         epoch e and slice p
     */
    public double samplesSeen(long stepsDone) {
        return (double) epochOf(stepsDone) * trainingSamples
                + Math.min((long) sliceOf(stepsDone) * batchSizeAt(stepsDone), trainingSamples);
    }

    private Phase phaseOfStep(long step) {
        return lastPhaseStartingBy(Phase::firstStep, step);
    }

    private Phase phaseOfEpoch(long epoch) {
        return lastPhaseStartingBy(Phase::firstEpoch, epoch);
    }

    /** @return the last phase (phases are in order) whose start, read by {@code start}, is at most {@code at} */
    private Phase lastPhaseStartingBy(ToLongFunction<Phase> start, long at) {
        Phase found = phases.get(0);
        for (Phase phase : phases) {
            if (start.applyAsLong(phase) <= at) {
                found = phase;
            }
        }
        return found;
    }
}
