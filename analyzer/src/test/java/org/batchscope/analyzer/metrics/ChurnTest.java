package org.batchscope.analyzer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChurnTest {

    @Test
    void handExample() {
        // 3 evaluations of 4 samples:
        // e0 -> e1: samples 1 and 3 change -> 2/4 = 0.5; e1 -> e2: sample 0 changes -> 1/4 = 0.25
        // churn = (0.5 + 0.25) / 2 = 0.375
        int[][] predictions = {
            {0, 1, 1, 0},
            {0, 0, 1, 1},
            {1, 0, 1, 1},
        };
        assertThat(Churn.of(predictions)).isCloseTo(0.375, within(1e-15));
    }

    @Test
    void stablePredictionsHaveNoChurn() {
        assertThat(Churn.of(new int[][] {{2, 0, 1}, {2, 0, 1}})).isEqualTo(0.0);
    }

    @Test
    void rejectsBadShapes() {
        assertThatThrownBy(() -> Churn.of(new int[][] {{0, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("predictions");
        assertThatThrownBy(() -> Churn.of(new int[][] {{0, 1}, {0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("predictions[1]");
        assertThatThrownBy(() -> Churn.of(new int[][] {{}, {}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("predictions[0]");
    }
}
