package org.batchscope.analyzer.sweep;

import org.batchscope.analyzer.engine.TrainingSchedule;
import org.batchscope.common.files.RunFile;

/**
 * What a run cost in time, from its {@link RunRecording}'s clock, written under {@code timing} in the
 * run file (time-dependent, so kept apart from the reproducible fields). With n training samples, batch
 * size B, s steps done, S = ceil(n / B) steps per epoch and T the training seconds (evaluations and
 * gradient probes excluded, see {@link RunRecording}); under a batch schedule, epochs and samples are
 * counted per epoch at its own batch size ({@link TrainingSchedule#epochsAfter}):
 * <ul>
 *   <li>{@value #SECONDS_PER_EPOCH} = T / (s / S), seconds;</li>
 *   <li>{@value #SAMPLES_PER_SECOND} = samples seen / T, with samples seen = floor(s / S) n +
 *       min((s mod S) B, n) (the last minibatch of an epoch may be short;
 *       {@link TrainingSchedule#samplesSeen});</li>
 *   <li>the training seconds at each evaluation, from which the summary reads the seconds to a target
 *       accuracy ({@link TargetAccuracy}).</li>
 * </ul>
 * Steps per epoch S is not time-dependent and is a run metric ({@link RunMetrics#STEPS_PER_EPOCH}).
 */
public final class RunCost {

    /** The names of {@link RunFile.Timing}'s fields in the file. */
    public static final String WALL_SECONDS = "wall_seconds";
    public static final String SECONDS_PER_EPOCH = "seconds_per_epoch";
    public static final String SAMPLES_PER_SECOND = "samples_per_second";

    private RunCost() {
    }

    /** @return the run's timing: wall seconds as measured by the caller, the rest from {@code recording} */
    public static RunFile.Timing of(RunRecording recording, long steps, TrainingSchedule schedule,
            double wallSeconds) {
        double training = recording.trainingSeconds();
        return new RunFile.Timing(wallSeconds, training, recording.overheadSeconds(),
                training / schedule.epochsAfter(steps), schedule.samplesSeen(steps) / training,
                recording.trainingSecondsAtEvaluations());
    }

    /** @return the field of {@code timing} named {@code name}: {@value #WALL_SECONDS}, {@value #SECONDS_PER_EPOCH} or {@value #SAMPLES_PER_SECOND} */
    public static double field(RunFile.Timing timing, String name) {
        return switch (name) {
            case WALL_SECONDS -> timing.wallSeconds();
            case SECONDS_PER_EPOCH -> timing.secondsPerEpoch();
            case SAMPLES_PER_SECOND -> timing.samplesPerSecond();
            default -> throw new IllegalArgumentException("no timing field " + name);
        };
    }
}
