package org.batchscope.analyzer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeriesMetricsTest {

    /** The window {5, 8, 6, 7}, used throughout with its arithmetic shown. */
    private static final double[] WINDOW = {5, 8, 6, 7};

    @Test
    void amplitudeIsTheSampleStd() {
        // mean 26/4 = 6.5; deviations -1.5, 1.5, -0.5, 0.5; squares 2.25+2.25+0.25+0.25 = 5;
        // 5 / (4 - 1) = 5/3; sqrt(5/3) = 1.2909944
        assertThat(SeriesMetrics.amplitude(WINDOW)).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
        // {2, 4}: mean 3, squares 1 + 1 = 2, / (2 - 1) = 2 -> sqrt 2
        assertThat(SeriesMetrics.amplitude(new double[] {2, 4})).isCloseTo(Math.sqrt(2), within(1e-12));
    }

    @Test
    void meanAbsChangeAveragesConsecutiveMoves() {
        // |8-5| + |6-8| + |7-6| = 3 + 2 + 1 = 6, over 3 differences = 2
        assertThat(SeriesMetrics.meanAbsChange(WINDOW)).isEqualTo(2.0);
    }

    @Test
    void reversalRateIsZeroForMonotoneAndOneForZigZag() {
        // differences +3, -2, +1: pairs (+,-) and (-,+) both reverse -> 2/2
        assertThat(SeriesMetrics.reversalRate(WINDOW)).isEqualTo(1.0);
        assertThat(SeriesMetrics.reversalRate(new double[] {0, 1, 0, 1, 0, 1})).isEqualTo(1.0);
        // monotone with a plateau: non-zero differences +1, +1, +2 -> 0 reversals of 2 pairs
        assertThat(SeriesMetrics.reversalRate(new double[] {1, 2, 2, 3, 5})).isEqualTo(0.0);
    }

    @Test
    void reversalRateIgnoresZeroDifferences() {
        // differences +1, 0, -1, +1, +1: non-zero +1, -1, +1, +1; pairs (+,-) (-,+) (+,+) -> 2/3
        assertThat(SeriesMetrics.reversalRate(new double[] {0, 1, 1, 0, 1, 2})).isCloseTo(2.0 / 3, within(1e-15));
        // fewer than 2 non-zero differences: no pair, defined as 0
        assertThat(SeriesMetrics.reversalRate(new double[] {1, 1, 2})).isEqualTo(0.0);
        assertThat(SeriesMetrics.reversalRate(new double[] {3, 3})).isEqualTo(0.0);
    }

    @Test
    void detrendedStdUsesResidualsOfTheLeastSquaresLine() {
        // t = 0..3, mean t = 1.5, Sxx = 2.25+0.25+0.25+2.25 = 5;
        // Sxy = (-1.5)(-1.5) + (-0.5)(1.5) + (0.5)(-0.5) + (1.5)(0.5) = 2.25-0.75-0.25+0.75 = 2
        // slope 2/5 = 0.4, intercept 6.5 - 0.4*1.5 = 5.9; fitted 5.9, 6.3, 6.7, 7.1
        // residuals -0.9, 1.7, -0.7, -0.1; squares 0.81+2.89+0.49+0.01 = 4.2; 4.2/(4-1) = 1.4
        assertThat(SeriesMetrics.detrendedStd(WINDOW)).isCloseTo(Math.sqrt(1.4), within(1e-12));
    }

    @Test
    void detrendedStdOfAPerfectLineIsZero() {
        assertThat(SeriesMetrics.detrendedStd(new double[] {1, 3, 5, 7, 9})).isCloseTo(0, within(1e-12));
        assertThat(SeriesMetrics.detrendedStd(new double[] {0.9, 0.7})).isCloseTo(0, within(1e-12));
    }

    @Test
    void detrendedStdEqualsAmplitudeWithoutTrend() {
        // {1, 3, 3, 1}: LS slope is 0 (symmetric), so residuals are deviations from the mean
        double[] flat = {1, 3, 3, 1};
        assertThat(SeriesMetrics.detrendedStd(flat)).isCloseTo(SeriesMetrics.amplitude(flat), within(1e-12));
    }

    @Test
    void maxDrawdownFollowsTheDirection() {
        // higher is better: running max 5, 8, 8, 8; drops 0, 0, 2, 1 -> 2
        assertThat(SeriesMetrics.maxDrawdown(WINDOW, Direction.HIGHER_IS_BETTER)).isEqualTo(2.0);
        // lower is better: running min 5, 5, 5, 5; rises 0, 3, 1, 2 -> 3
        assertThat(SeriesMetrics.maxDrawdown(WINDOW, Direction.LOWER_IS_BETTER)).isEqualTo(3.0);
        // a curve that only improves has no drawdown
        assertThat(SeriesMetrics.maxDrawdown(new double[] {1, 2, 3}, Direction.HIGHER_IS_BETTER)).isEqualTo(0.0);
        assertThat(SeriesMetrics.maxDrawdown(new double[] {3, 2, 1}, Direction.LOWER_IS_BETTER)).isEqualTo(0.0);
    }

    @Test
    void rejectsWindowsTooShortOrInvalid() {
        assertThatThrownBy(() -> SeriesMetrics.amplitude(new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
        assertThatThrownBy(() -> SeriesMetrics.meanAbsChange(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
        assertThatThrownBy(() -> SeriesMetrics.reversalRate(new double[] {1, Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window[1]");
        assertThatThrownBy(() -> SeriesMetrics.maxDrawdown(WINDOW, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("direction");
    }
}
