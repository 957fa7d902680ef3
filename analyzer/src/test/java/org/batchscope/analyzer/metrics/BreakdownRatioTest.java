package org.batchscope.analyzer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BreakdownRatioTest {

    @Test
    void interpolatesInLogRatio() {
        // chance 0.5 -> threshold 0.55; first accuracy <= 0.55 is 0.52 at r = 4, bracketed by (2, 0.7)
        // t = (0.7 - 0.55)/(0.7 - 0.52) = 0.15/0.18 = 5/6;
        // log r* = log 2 + 5/6 (log 4 - log 2) = (11/6) log 2 -> r* = 2^(11/6) = 3.5636
        double[] ratios = {0.5, 1, 2, 4, 8};
        double[] accuracies = {0.95, 0.9, 0.7, 0.52, 0.5};
        assertThat(BreakdownRatio.of(ratios, accuracies, 0.5).getAsDouble())
                .isCloseTo(Math.pow(2, 11.0 / 6), within(1e-12));
    }

    @Test
    void exactlyAtTheThresholdIsTheBracketingPoint() {
        // chance 0.25 (4 classes): threshold 0.3, reached exactly at r = 1 -> t = 1 -> r* = 1
        assertThat(BreakdownRatio.of(new double[] {0.1, 1}, new double[] {0.8, 0.3}, 0.25).getAsDouble())
                .isCloseTo(1, within(1e-12));
    }

    @Test
    void brokenFromTheStartOrNever() {
        assertThat(BreakdownRatio.of(new double[] {0.5, 2}, new double[] {0.54, 0.5}, 0.5)).hasValue(0.5);
        assertThat(BreakdownRatio.of(new double[] {0.5, 2, 8}, new double[] {0.99, 0.8, 0.56}, 0.5)).isEmpty();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> BreakdownRatio.of(new double[] {1, 2}, new double[] {0.9}, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accuracies");
        assertThatThrownBy(() -> BreakdownRatio.of(new double[] {0, 2}, new double[] {0.9, 0.5}, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ratios[0]");
        assertThatThrownBy(() -> BreakdownRatio.of(new double[] {2, 1}, new double[] {0.9, 0.5}, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("increasing");
        assertThatThrownBy(() -> BreakdownRatio.of(new double[] {1}, new double[] {0.9}, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chance");
    }
}
