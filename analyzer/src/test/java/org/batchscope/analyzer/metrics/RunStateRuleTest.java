package org.batchscope.analyzer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rules of {@link RunStateRule} on curves whose state is known by construction. */
class RunStateRuleTest {

    /** Measured 0.817 on 20,000 curves (README); 0.78 is 9 Monte Carlo standard errors of 10,000 curves below. */
    private static final double DECLINING_DETECTION_BOUND = 0.78;

    private static RunState state(double[] curve, int samples, double chance, double majority, boolean diverged) {
        return RunStateRule.classify(new RunStateRule.Evidence(curve, samples, chance, majority, diverged));
    }

    private static RunState state(double... curve) {
        return state(curve, 128, 0.5, Double.NaN, false);
    }

    /** A curve of 20 points whose last 10 are {@code window} (the first 10 at 0.7). */
    private static double[] withWindow(double... window) {
        double[] curve = new double[20];
        java.util.Arrays.fill(curve, 0.7);
        System.arraycopy(window, 0, curve, 10, 10);
        return curve;
    }

    @Test
    void aSteadyClimbIsImprovingNeverOscillating() {
        // 0.80 -> 0.90 in steps of 1/90: slope 0.0111 per evaluation; sigma = sqrt(0.85*0.15/128) = 0.0316,
        // S_tt = 82.5: t = 0.0111 * 9.08 / 0.0316 = 3.2 >= 2
        double[] climb = new double[10];
        for (int t = 0; t < 10; t++) {
            climb[t] = 0.8 + 0.1 * t / 9;
        }
        assertThat(state(withWindow(climb))).isEqualTo(RunState.IMPROVING);
        assertThat(SeriesMetrics.amplitude(climb)).isGreaterThan(0.01);
    }

    @Test
    void aSteadyFallIsDecliningNeverSteadyOrOscillating() {
        // 0.90 -> 0.80 in steps of 1/90: the mirror of the climb above, t = -3.2 <= -2
        double[] fall = new double[10];
        for (int t = 0; t < 10; t++) {
            fall[t] = 0.9 - 0.1 * t / 9;
        }
        assertThat(state(withWindow(fall))).isEqualTo(RunState.DECLINING);
        // a fall of one sample over the window is within the resolution of 128 samples
        assertThat(state(withWindow(0.85, 0.85, 0.85, 0.85, 0.85, 0.85 - 1.0 / 128, 0.85 - 1.0 / 128, 0.85 - 1.0 / 128,
                0.85 - 1.0 / 128, 0.85 - 1.0 / 128))).isEqualTo(RunState.STEADY);
    }

    @Test
    void aZigZagWellAboveTheResolutionOscillates() {
        // 0.85 +/- 0.08: detrended_std about 0.084 >= 1.5 * 0.0316; reversal rate 1
        assertThat(state(withWindow(0.93, 0.77, 0.93, 0.77, 0.93, 0.77, 0.93, 0.77, 0.93, 0.77)))
                .isEqualTo(RunState.OSCILLATING);
    }

    @Test
    void aZigZagOfOneSampleIsSteady() {
        // +/- 1/128 is below the resolution of 128 samples
        double hi = 0.85 + 1.0 / 128;
        double lo = 0.85 - 1.0 / 128;
        assertThat(state(withWindow(hi, lo, hi, lo, hi, lo, hi, lo, hi, lo))).isEqualTo(RunState.STEADY);
    }

    @Test
    void aFlatCurveIsSteady() {
        assertThat(state(withWindow(1, 1, 1, 1, 1, 1, 1, 1, 1, 1))).isEqualTo(RunState.STEADY);
    }

    @Test
    void collapseChanceAndDivergenceComeFirst() {
        double[] zigZag = withWindow(0.93, 0.77, 0.93, 0.77, 0.93, 0.77, 0.93, 0.77, 0.93, 0.77);
        assertThat(state(zigZag, 128, 0.5, 1.0, false)).isEqualTo(RunState.COLLAPSED);
        assertThat(state(zigZag, 128, 0.5, 0.99, true)).isEqualTo(RunState.DIVERGED);
        assertThat(state(new double[] {0.5, Double.NaN, 0.5}, 128, 0.5, Double.NaN, false)).isEqualTo(RunState.DIVERGED);
        // chance 0.5, N = 128: threshold 0.5 + 2 * 0.0442 = 0.588
        assertThat(state(withWindow(0.58, 0.59, 0.58, 0.59, 0.58, 0.59, 0.58, 0.59, 0.58, 0.59))).isEqualTo(RunState.CHANCE);
        assertThat(state(withWindow(0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3))).isEqualTo(RunState.CHANCE);
        assertThat(state(withWindow(0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6))).isEqualTo(RunState.STEADY);
    }

    @Test
    void unknownSampleCountSkipsChanceAndUsesOnePoint() {
        double[] atChance = withWindow(0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5);
        assertThat(state(atChance, 0, Double.NaN, Double.NaN, false)).isEqualTo(RunState.STEADY);
        // +/- 0.02 around 0.85: detrended_std about 0.021 >= 1.5 * 0.01
        assertThat(state(withWindow(0.87, 0.83, 0.87, 0.83, 0.87, 0.83, 0.87, 0.83, 0.87, 0.83), 0, Double.NaN,
                Double.NaN, false)).isEqualTo(RunState.OSCILLATING);
    }

    /**
     * Rates on simulated curves ({@link RunStateSimulation}) at the demo's 128 validation samples, 10,000
     * curves each, fixed seeds. Every bound sits at least 7 Monte Carlo standard errors from the rate a
     * longer run measured (README, "Run states"), so a correct rule fails one of these with probability
     * below 1e-10.
     */
    @Test
    void falseAlarmAndDetectionRatesAtTheDemoSize() {
        int n = RunStateSimulation.DEMO_VALIDATION;
        int curves = 10_000;
        double steadyOscillating = RunStateSimulation.rate(RunState.OSCILLATING, RunStateSimulation.steady(0.9), n, 0.5,
                curves, 11);
        double steadyImproving = RunStateSimulation.rate(RunState.IMPROVING, RunStateSimulation.steady(0.9), n, 0.5,
                curves, 12);
        double steadyDeclining = RunStateSimulation.rate(RunState.DECLINING, RunStateSimulation.steady(0.9), n, 0.5,
                curves, 18);
        double fallDeclining = RunStateSimulation.rate(RunState.DECLINING, RunStateSimulation.linear(1.0, 0.8), n, 0.5,
                curves, 19);
        double climbOscillating = RunStateSimulation.rate(RunState.OSCILLATING, RunStateSimulation.linear(0.7, 0.9), n,
                0.5, curves, 13);
        double climbImproving = RunStateSimulation.rate(RunState.IMPROVING, RunStateSimulation.linear(0.7, 0.9), n, 0.5,
                curves, 14);
        double zigZag = RunStateSimulation.rate(RunState.OSCILLATING, RunStateSimulation.zigZag(0.85, 0.06), n, 0.5,
                curves, 15);
        double atChance = RunStateSimulation.rate(RunState.CHANCE, RunStateSimulation.steady(0.5), n, 0.5, curves, 16);
        double aboveChance = RunStateSimulation.rate(RunState.CHANCE, RunStateSimulation.steady(0.65), n, 0.5, curves, 17);
        System.out.printf(java.util.Locale.ROOT, "N = %d: steady 0.9 -> oscillating %.4f, improving %.4f; climb 0.8 -> 0.9"
                + " -> oscillating %.4f, improving %.4f; zig-zag +/- 0.06 -> oscillating %.4f; at chance -> chance %.4f;"
                + " 0.65 -> chance %.4f; steady 0.9 -> declining %.4f; fall 0.9 -> 0.8 -> declining %.4f%n", n, steadyOscillating,
                steadyImproving, climbOscillating, climbImproving, zigZag, atChance, aboveChance, steadyDeclining,
                fallDeclining);
        assertThat(steadyOscillating).isLessThanOrEqualTo(0.015);
        assertThat(steadyImproving).isLessThanOrEqualTo(0.03);
        assertThat(steadyDeclining).isLessThanOrEqualTo(0.03);
        assertThat(fallDeclining).isGreaterThanOrEqualTo(DECLINING_DETECTION_BOUND);
        assertThat(climbOscillating).isLessThanOrEqualTo(0.015);
        assertThat(climbImproving).isGreaterThanOrEqualTo(0.8);
        assertThat(zigZag).isGreaterThanOrEqualTo(0.97);
        assertThat(atChance).isGreaterThanOrEqualTo(0.99);
        assertThat(aboveChance).isLessThanOrEqualTo(0.01);
    }
}
