package org.batchscope.reports.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.batchscope.common.BadInputException;
import org.batchscope.reports.results.ResultRun;
import org.junit.jupiter.api.Test;

class CurveAxisTest {

    @Test
    void evaluationPositionInEpochsStepsAndSamples() {
        // n = 10, B = 4: 3 steps per epoch (4, 4, 2 samples); 5 steps = 1 epoch and 2 steps = 10 + 8 samples
        ResultRun.Evaluation e = new ResultRun.Evaluation(5, 5 / 3.0, 0.5, 0.7);
        assertThat(CurveAxis.EPOCHS.x(e, 4, 10)).isEqualTo(5 / 3.0);
        assertThat(CurveAxis.STEPS.x(e, 4, 10)).isEqualTo(5.0);
        assertThat(CurveAxis.SAMPLES.x(e, 4, 10)).isEqualTo(18.0);
        // the epoch's short last step counts only the samples left
        assertThat(CurveAxis.SAMPLES.x(new ResultRun.Evaluation(3, 1, 0.5, 0.7), 4, 10)).isEqualTo(10.0);
        assertThat(CurveAxis.parse("Samples")).isEqualTo(CurveAxis.SAMPLES);
        assertThatThrownBy(() -> CurveAxis.parse("time")).isInstanceOf(BadInputException.class)
                .hasMessage("--x-axis must be one of epochs, steps, samples (got time)");
    }
}
