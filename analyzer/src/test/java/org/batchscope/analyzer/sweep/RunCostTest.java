package org.batchscope.analyzer.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.batchscope.analyzer.engine.Budget;
import org.batchscope.analyzer.engine.EpochMilestones;
import org.batchscope.analyzer.engine.RunRecorder;
import org.batchscope.analyzer.engine.TrainingSchedule;
import org.junit.jupiter.api.Test;

/** Cost from a recording whose clock is scripted: no real time is measured. */
class RunCostTest {

    /** A clock that returns the given instants (milliseconds) in turn. */
    private static java.util.function.LongSupplier clock(long... millis) {
        long[] next = {0};
        return () -> millis[(int) next[0]++] * 1_000_000L;
    }

    private static RunRecorder.Evaluation evaluation(long step) {
        return new RunRecorder.Evaluation(step, step / 3.0, 0.5, 0.5, 0.5, 0.5, new int[0]);
    }

    @Test
    void trainingTimeExcludesEvaluationsAndProbes() {
        // n = 10, B = 4: 3 steps per epoch (4, 4, 2 samples); 5 steps done = 1 epoch + 2 steps = 10 + 8 samples
        RunRecording recording = new RunRecording(5, clock(
                0, // construction
                100, 200, 300, // steps 0-2 (training 300 ms)
                350, // evaluation at the epoch's end (50 ms)
                400, // probe (50 ms)
                500, 600, // steps 3-4 (training 200 ms)
                700)); // final evaluation (100 ms)
        for (int s = 0; s < 3; s++) {
            recording.onStep(s, 0, 1, 0.5, 0.1);
        }
        recording.onEvaluation(evaluation(3));
        recording.onGradientProbe(new RunRecorder.GradientProbe(3, "per_example", 1, 1, 1, 1, 1, Double.NaN));
        recording.onStep(3, 1, 1, 0.5, 0.1);
        recording.onStep(4, 1, 1, 0.5, 0.1);
        recording.onEvaluation(evaluation(5));
        org.batchscope.common.files.RunFile.Timing timing = RunCost.of(recording, 5, TrainingSchedule.of(10, 4,
                EpochMilestones.NONE, Budget.steps(5), 0, 0), 0.9);
        assertThat(timing.wallSeconds()).isEqualTo(0.9);
        assertThat(timing.trainingSeconds()).isCloseTo(0.5, within(1e-12));
        assertThat(timing.overheadSeconds()).isCloseTo(0.2, within(1e-12));
        // 0.5 s over 5/3 epochs
        assertThat(timing.secondsPerEpoch()).isCloseTo(0.3, within(1e-12));
        // 18 samples in 0.5 s
        assertThat(timing.samplesPerSecond()).isCloseTo(36, within(1e-9));
        assertThat(timing.trainingSecondsAtEvaluation()).containsExactly(0.3, 0.5);
    }
}
