package org.batchscope.analyzer.engine;

/**
 * When a run steps, evaluates and probes: the one place that counts steps. With n training samples
 * and batch size B (a B above n trains on all n samples at once, as B = n):
 * <ul>
 *   <li>an epoch has S = ceil(n / B) steps; step t (0-based) belongs to epoch t / S and trains on slice
 *       t mod S of that epoch's {@link BatchPlan#epochOrder}, samples [pB, min(n, (p+1)B));</li>
 *   <li>the run has T = {@link Budget#totalSteps} steps;</li>
 *   <li>with s = t + 1 steps done, a gradient probe follows when {@code probeEverySteps} > 0 divides s, and
 *       an evaluation when s ends an epoch, is a multiple of {@code evalEverySteps} (when > 0), or is T.</li>
 * </ul>
 *
 * @param trainingSamples n
 * @param batchSize       min(B, n)
 * @param stepsPerEpoch   S
 * @param totalSteps      T
 * @param evalEverySteps  extra evaluations every this many steps, 0 for epoch ends only
 * @param probeEverySteps gradient probes every this many steps, 0 for none
 */
public record TrainingSchedule(int trainingSamples, int batchSize, long stepsPerEpoch, long totalSteps,
        int evalEverySteps, int probeEverySteps) {

    public TrainingSchedule {
        if (trainingSamples <= 0 || batchSize <= 0 || batchSize > trainingSamples) {
            throw new IllegalArgumentException("a schedule needs 0 < batch size <= training samples, got "
                    + batchSize + " of " + trainingSamples);
        }
    }

    /** @return the schedule of a run of {@code config} on {@code trainingSamples} samples */
    public static TrainingSchedule of(RunConfig config, int trainingSamples) {
        if (trainingSamples <= 0) {
            throw new IllegalArgumentException("the training set is empty");
        }
        int batchSize = Math.min(config.batchSize(), trainingSamples);
        return new TrainingSchedule(trainingSamples, batchSize, stepsPerEpoch(trainingSamples, batchSize),
                config.budget().totalSteps(trainingSamples, batchSize), config.evalEverySteps(),
                config.probeEverySteps());
    }

    /** @return S = ceil(n / B), the steps of one epoch */
    public static long stepsPerEpoch(int n, int batchSize) {
        return (n + (long) batchSize - 1) / batchSize;
    }

    /** @return the 0-based epoch step {@code step} belongs to */
    public long epochOf(long step) {
        return step / stepsPerEpoch;
    }

    /** @return the position of step {@code step} in its epoch, 0..S-1 */
    public int sliceOf(long step) {
        return (int) (step % stepsPerEpoch);
    }

    /** @return the first position in the epoch order of step {@code step}'s minibatch */
    public int firstSampleOf(long step) {
        return sliceOf(step) * batchSize;
    }

    /** @return the size of step {@code step}'s minibatch (the last of an epoch may be short) */
    public int samplesOf(long step) {
        return Math.min(batchSize, trainingSamples - firstSampleOf(step));
    }

    /** @return epochs done after {@code stepsDone} steps, fractional */
    public double epochsAfter(long stepsDone) {
        return (double) stepsDone / stepsPerEpoch;
    }

    /** @return whether an evaluation follows once {@code stepsDone} steps are done */
    public boolean evaluatesAfter(long stepsDone) {
        return stepsDone % stepsPerEpoch == 0 || stepsDone == totalSteps
                || (evalEverySteps > 0 && stepsDone % evalEverySteps == 0);
    }

    /** @return whether a gradient probe follows once {@code stepsDone} steps are done */
    public boolean probesAfter(long stepsDone) {
        return probeEverySteps > 0 && stepsDone % probeEverySteps == 0;
    }

    /**
     * @return the training samples seen in {@code stepsDone} steps: floor(s / S) n + min((s mod S) B, n)
     */
    public double samplesSeen(long stepsDone) {
        return (double) (stepsDone / stepsPerEpoch) * trainingSamples
                + Math.min((stepsDone % stepsPerEpoch) * batchSize, trainingSamples);
    }
}
