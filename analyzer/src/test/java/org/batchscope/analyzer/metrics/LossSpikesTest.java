package org.batchscope.analyzer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LossSpikesTest {

    @Test
    void flatSeriesWithOneSpike() {
        // 20 steps at 1.0, step 12 at 5.0: before step 12, m = 1, v = 0, threshold 1 -> 5 > 1 spike.
        // Afterwards delta = 4: m = 1.4, v = 0.9 * (0 + 0.1 * 16) = 1.44, std 1.2;
        // step 13 (1.0) is below 1.4 + 3.6, and later steps stay below the mean: no more spikes
        double[] losses = new double[20];
        Arrays.fill(losses, 1.0);
        losses[12] = 5.0;
        LossSpikes spikes = LossSpikes.detect(losses);
        assertThat(spikes.indices()).containsExactly(12);
        assertThat(spikes.count()).isEqualTo(1);
    }

    @Test
    void aSpikeIsComparedWithTheHistoryBeforeIt() {
        // {1, 3, 3.5}: step 1: m = 1, v = 0 -> 3 > 1 spike; then delta = 2, m = 1.2,
        // v = 0.9 * (0 + 0.1 * 4) = 0.36, std 0.6; step 2: threshold 1.2 + 3 * 0.6 = 3.0 -> 3.5 spike.
        // (judged with itself included it would not be: delta 2.3, m = 1.43,
        // v = 0.9 * (0.36 + 0.1 * 5.29) = 0.8001, threshold 1.43 + 3 * 0.8945 = 4.11 > 3.5)
        assertThat(LossSpikes.detect(new double[] {1, 3, 3.5}).indices()).containsExactly(1, 2);
        // {1, 3, 2.9}: 2.9 < 3.0 -> only step 1
        assertThat(LossSpikes.detect(new double[] {1, 3, 2.9}).indices()).containsExactly(1);
    }

    @Test
    void warmUpExemptsTheFirstSteps() {
        // same as above but steps 0..1 only feed the statistics
        assertThat(LossSpikes.detect(new double[] {1, 3, 3.5}, 0.1, 3, 2).indices()).containsExactly(2);
    }

    @Test
    void decreasingLossHasNoSpikes() {
        assertThat(LossSpikes.detect(new double[] {2.0, 1.5, 1.2, 1.0, 0.9}).count()).isZero();
        assertThat(LossSpikes.detect(new double[] {0.7}).count()).isZero();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> LossSpikes.detect(new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("losses");
        assertThatThrownBy(() -> LossSpikes.detect(new double[] {1, 2}, 0, 3, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
        assertThatThrownBy(() -> LossSpikes.detect(new double[] {1, 2}, 0.1, -1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("thresholdStds");
        assertThatThrownBy(() -> LossSpikes.detect(new double[] {1, 2}, 0.1, 3, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warmUp");
    }
}
