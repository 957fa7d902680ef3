package org.batchscope.analyzer.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.batchscope.analyzer.logs.LogReader;
import org.batchscope.analyzer.logs.TrainingLog;
import org.batchscope.analyzer.metrics.RunState;
import org.junit.jupiter.api.Test;

/** The state of each sample log, worked out by hand from its validation accuracy. */
class DiagnosisStateTest {

    private static final Path KERAS = Path.of("..", "samples", "logs", "keras");

    private static RunState stateOf(String file) {
        List<TrainingLog> logs = LogReader.read(KERAS.resolve(file), null);
        return Diagnosis.of(logs, List.of()).logs().get(0).state();
    }

    @Test
    void monotoneSampleLogIsImproving() {
        // last 4 of 8: 0.75 0.76 0.77 0.78, a line: slope 0.01, detrended_std 0, S_tt = 5;
        // s = max(0.01 (N unknown), 0): 0.01 * sqrt(5) / 0.01 = 2.24 >= 2
        assertThat(stateOf("bs64.csv")).isEqualTo(RunState.IMPROVING);
    }

    @Test
    void zigZagSampleLogIsOscillating() {
        // last 4 of 8: 0.70 0.80 0.72 0.82: slope 0.028, residuals -0.018 0.054 -0.054 0.018, detrended_std
        // sqrt(0.00648 / 3) = 0.0465: 0.028 * sqrt(5) / 0.0465 = 1.35 < 2, not improving; 0.0465 >= 1.5 * 0.01
        // and reversal rate 1: oscillating
        assertThat(stateOf("bs8.csv")).isEqualTo(RunState.OSCILLATING);
    }
}
