package org.batchscope.analyzer.engine;

import org.batchscope.analyzer.engine.RunRecorder.Evaluation;

/**
 * The training loop every engine runs under, so that all engines count steps, order and size batches
 * (also under a batch schedule), schedule the learning rate and evaluate and probe alike. For step
 * t = 0 .. T-1 of the {@link TrainingSchedule}:
 * <ol>
 *   <li>at an epoch's first step, the epoch's order {@link BatchPlan#epochOrder}(seed, epoch), whatever that
 *       epoch's batch size;</li>
 *   <li>the rate {@code lr_t = schedule.rate(lr, t, T)} ({@link LrSchedule});</li>
 *   <li>{@link EngineRun#step} on the step's slice of the order (its epoch's batch size B_e, the last slice
 *       of an epoch possibly shorter); a loss that is not finite ends the run
 *       as diverged at step t, which is not recorded (no exception);</li>
 *   <li>the step's loss, accuracy and rate to the recorder;</li>
 *   <li>with s = t + 1 steps done: a gradient probe, then an evaluation on the training and validation
 *       sets, when the schedule asks for them.</li>
 * </ol>
 * The wall time of the outcome covers everything from the engine's start to the end of the last step.
 */
public final class TrainingLoop {

    private TrainingLoop() {
    }

    /** Trains {@code job} with {@code engine}, reporting to {@code recorder}. */
    public static RunOutcome run(TrainingEngine engine, TrainingJob job, RunRecorder recorder) {
        long start = System.nanoTime();
        RunConfig config = job.config();
        TrainingSchedule schedule = TrainingSchedule.of(config, job.train().count());
        double baseLr = config.optimizer().learningRate();
        int[] order = new int[schedule.trainingSamples()];
        try (EngineRun run = engine.start(job, schedule)) {
            for (long step = 0; step < schedule.totalSteps(); step++) {
                long epoch = schedule.epochOf(step);
                if (schedule.sliceOf(step) == 0) {
                    BatchPlan.epochOrder(config.seed(), epoch, order);
                }
                double lr = config.schedule().rate(baseLr, step, schedule.totalSteps());
                double loss = run.step(step, order, schedule.firstSampleOf(step), schedule.samplesOf(step), lr);
                if (!Double.isFinite(loss)) {
                    return RunOutcome.diverged(step, seconds(start));
                }
                recorder.onStep(step, epoch, loss, run.stepAccuracy(), lr);
                long done = step + 1;
                if (schedule.probesAfter(done)) {
                    recorder.onGradientProbe(run.probe(done));
                }
                if (schedule.evaluatesAfter(done)) {
                    recorder.onEvaluation(evaluation(run, job, schedule, done));
                }
            }
            return RunOutcome.completed(schedule.totalSteps(), seconds(start), run.model());
        }
    }

    private static Evaluation evaluation(EngineRun run, TrainingJob job, TrainingSchedule schedule, long done) {
        SplitScores train = run.evaluate(job.train());
        SplitScores validation = run.evaluate(job.validation());
        return new Evaluation(done, schedule.epochsAfter(done), train.loss(), train.accuracy(), validation.loss(),
                validation.accuracy(), validation.predictions());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
