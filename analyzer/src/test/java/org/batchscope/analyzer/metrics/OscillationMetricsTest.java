package org.batchscope.analyzer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OscillationMetricsTest {

    @Test
    void measuresTheDefaultWindow() {
        // T = 8, window = last ceil(8/2) = 4 points {5, 8, 6, 7}; values hand-computed in
        // SeriesMetricsTest and HighFrequencyShareTest
        double[] series = {0, 10, 4, 6, 5, 8, 6, 7};
        OscillationMetrics metrics = OscillationMetrics.of(series, Direction.HIGHER_IS_BETTER);
        assertThat(metrics.amplitude()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
        assertThat(metrics.meanAbsChange()).isEqualTo(2.0);
        assertThat(metrics.reversalRate()).isEqualTo(1.0);
        assertThat(metrics.detrendedStd()).isCloseTo(Math.sqrt(1.4), within(1e-12));
        assertThat(metrics.hfPowerShare()).isCloseTo(10.24 / 13.52, within(1e-12));
        assertThat(metrics.maxDrawdown()).isEqualTo(2.0);
    }

    @Test
    void explicitWindowAndLowerIsBetter() {
        // window = last 3 of {9, 1, 2, 4}: {1, 2, 4}; differences +1, +2
        // amplitude: mean 7/3, deviations -4/3, -1/3, 5/3, squares (16+1+25)/9 = 42/9, /2 = 7/3
        // lower is better: running min 1, 1, 1; rises 0, 1, 3 -> 3
        OscillationMetrics metrics = OscillationMetrics.of(new double[] {9, 1, 2, 4}, 3, Direction.LOWER_IS_BETTER);
        assertThat(metrics.amplitude()).isCloseTo(Math.sqrt(7.0 / 3), within(1e-12));
        assertThat(metrics.meanAbsChange()).isEqualTo(1.5);
        assertThat(metrics.reversalRate()).isEqualTo(0.0);
        assertThat(metrics.maxDrawdown()).isEqualTo(3.0);
    }

    @Test
    void namedMapUsesTheDesignNamesInOrder() {
        OscillationMetrics metrics = new OscillationMetrics(1, 2, 3, 4, 5, 6);
        assertThat(metrics.toNamedMap()).containsExactly(
                entry("amplitude", 1.0),
                entry("mean_abs_change", 2.0),
                entry("reversal_rate", 3.0),
                entry("detrended_std", 4.0),
                entry("hf_power_share", 5.0),
                entry("max_drawdown", 6.0));
    }

    @Test
    void aSeriesOfTwoPointsHasATooShortDefaultWindow() {
        // T = 2 -> window of 1 point; the metrics need 2
        assertThatThrownBy(() -> OscillationMetrics.of(new double[] {1, 2}, Direction.HIGHER_IS_BETTER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
    }
}
