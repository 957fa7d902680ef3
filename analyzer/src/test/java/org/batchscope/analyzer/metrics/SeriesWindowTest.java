package org.batchscope.analyzer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeriesWindowTest {

    @Test
    void defaultWindowIsTheLastHalfRoundedUp() {
        // T = 4: ceil(4/2) = 2 -> {2, 4}; T = 5: ceil(5/2) = 3 -> {3, 4, 5}; T = 1: 1 point
        assertThat(SeriesWindow.last(new double[] {1, 3, 2, 4})).containsExactly(2, 4);
        assertThat(SeriesWindow.last(new double[] {1, 2, 3, 4, 5})).containsExactly(3, 4, 5);
        assertThat(SeriesWindow.last(new double[] {7})).containsExactly(7);
    }

    @Test
    void explicitLengthTakesThatManyLastPoints() {
        assertThat(SeriesWindow.last(new double[] {1, 2, 3, 4, 5}, 4)).containsExactly(2, 3, 4, 5);
        assertThat(SeriesWindow.last(new double[] {1, 2, 3}, 3)).containsExactly(1, 2, 3);
    }

    @Test
    void returnsACopy() {
        double[] series = {1, 2};
        SeriesWindow.last(series, 2)[0] = 99;
        assertThat(series).containsExactly(1, 2);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> SeriesWindow.last(new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("series");
        assertThatThrownBy(() -> SeriesWindow.last(new double[] {1, 2}, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window length");
        assertThatThrownBy(() -> SeriesWindow.last(new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("series[1]");
    }
}
