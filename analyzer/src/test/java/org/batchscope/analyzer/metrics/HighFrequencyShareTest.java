package org.batchscope.analyzer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HighFrequencyShareTest {

    @Test
    void handComputedAlternation() {
        // {1, -1, 1, -1}: mean 0, Sxy = (-1.5)(1)+(-0.5)(-1)+(0.5)(1)+(1.5)(-1) = -2, Sxx = 5,
        // slope -0.4, intercept 0.6; fitted 0.6, 0.2, -0.2, -0.6; residuals 0.4, -1.2, 1.2, -0.4.
        // K = 4: X_1 = r0 - i r1 - r2 + i r3 = -0.8 + 0.8i -> 1.28; X_2 = r0 - r1 + r2 - r3 = 3.2 -> 10.24
        // bins 1..2, high bins k > 1: 10.24 / (1.28 + 10.24) = 8/9
        assertThat(HighFrequencyShare.of(new double[] {1, -1, 1, -1})).isCloseTo(8.0 / 9, within(1e-12));
    }

    @Test
    void handComputedWindow() {
        // {5, 8, 6, 7}: residuals -0.9, 1.7, -0.7, -0.1 (see SeriesMetricsTest);
        // X_1 = (r0 - r2) + i(r3 - r1) = -0.2 - 1.8i -> 0.04 + 3.24 = 3.28;
        // X_2 = r0 - r1 + r2 - r3 = -3.2 -> 10.24; share 10.24 / 13.52
        assertThat(HighFrequencyShare.of(new double[] {5, 8, 6, 7})).isCloseTo(10.24 / 13.52, within(1e-12));
    }

    @Test
    void zeroPadsToAPowerOfTwo() {
        // {0, 1, 0}: slope 0, mean 1/3; residuals -1/3, 2/3, -1/3, padded to K = 4 with 0.
        // X_1 = r0 - i r1 - r2 = -2i/3 -> 4/9; X_2 = r0 - r1 + r2 = -4/3 -> 16/9; share 16/20 = 0.8
        assertThat(HighFrequencyShare.of(new double[] {0, 1, 0})).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void periodTwoAlternationIsAlmostAllHighFrequency() {
        // 64 points of cos(pi t) = +1, -1, ...: all power at bin K/2 = 32 up to the small leak the
        // detrending line causes (numpy gives 0.99964)
        assertThat(HighFrequencyShare.of(sine(64, 2, 0.25))).isGreaterThan(0.999);
    }

    @Test
    void fastSineIsHighAndSlowSineIsLow() {
        // period 3 evaluations -> bin 64/3 = 21.3 > K/4 = 16 (numpy: 0.9958)
        assertThat(HighFrequencyShare.of(sine(64, 3, 0))).isGreaterThan(0.99);
        // period 32 -> bin 2 << 16 (numpy: 0.0052); period 8 -> bin 8 < 16 (numpy: 0.00025)
        assertThat(HighFrequencyShare.of(sine(64, 32, 0))).isLessThan(0.01);
        assertThat(HighFrequencyShare.of(sine(64, 8, 0))).isLessThan(0.001);
    }

    @Test
    void aLineHasNoPowerAndShareZero() {
        assertThat(HighFrequencyShare.of(new double[] {1, 3, 5, 7, 9})).isEqualTo(0.0);
        assertThat(HighFrequencyShare.of(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6})).isEqualTo(0.0);
        assertThat(HighFrequencyShare.of(new double[] {2, 2, 2})).isEqualTo(0.0);
    }

    /** sin(2 pi (t / period + phase)), t = 0..n-1. */
    private static double[] sine(int n, double period, double phase) {
        double[] values = new double[n];
        for (int t = 0; t < n; t++) {
            values[t] = Math.sin(2 * Math.PI * (t / period + phase));
        }
        return values;
    }
}
