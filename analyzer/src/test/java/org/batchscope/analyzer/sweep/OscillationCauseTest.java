package org.batchscope.analyzer.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchscope.analyzer.engine.OptimizerSpec;
import org.batchscope.analyzer.engine.RunRecorder;
import org.batchscope.analyzer.sharpness.Sharpness;
import org.batchscope.common.files.RunFile;
import org.junit.jupiter.api.Test;

/**
 * The edge-of-stability rule on a case whose truth is known: full-batch gradient descent on the
 * quadratic f(w) = (10 w_1^2 + w_2^2) / 2 from w = (1, 1). Each step multiplies the coordinates by
 * (1 - 10 lr) and (1 - lr); the gradient g = (10 w_1, w_2) has curvature g^T A g / |g|^2 along itself
 * (its batch sharpness, the batch being the whole set).
 * <ul>
 *   <li>lr = 0.19: the factors are -0.9 and 0.81, so w_1 dominates, flips sign every step (the iterate
 *       oscillates along the sharp direction) and the curvature along g tends to 10 = 0.95 (2 / lr):
 *       the run sits at the edge of stability, ratio 0.95;</li>
 *   <li>lr = 0.01: the factors are 0.9 and 0.99, w_2 dominates, the curvature along g tends to 1 and
 *       the ratio to 1 / (2 / 0.01) = 0.005: stable, well below the edge.</li>
 * </ul>
 */
class OscillationCauseTest {

    /** @return the probes of full-batch GD on the quadratic at rate {@code lr}, one every 10 of 60 steps */
    private static List<RunRecorder.GradientProbe> gradientDescent(double lr) {
        double[] a = {10, 1};
        double[] w = {1, 1};
        List<RunRecorder.GradientProbe> probes = new ArrayList<>();
        for (int step = 1; step <= 60; step++) {
            for (int i = 0; i < 2; i++) {
                w[i] -= lr * a[i] * w[i];
            }
            if (step % 10 == 0) {
                double gAg = 0;
                double gg = 0;
                for (int i = 0; i < 2; i++) {
                    double g = a[i] * w[i];
                    gAg += g * a[i] * g;
                    gg += g * g;
                }
                probes.add(new RunRecorder.GradientProbe(step, "per_example", Math.sqrt(gg), gg, 0, 0, Double.NaN,
                        gAg / gg));
            }
        }
        return probes;
    }

    private static double ratio(double lr) {
        double[] rates = new double[60];
        java.util.Arrays.fill(rates, lr);
        OptimizerSpec sgd = new OptimizerSpec(OptimizerSpec.Kind.SGD, lr, 0.9, 0.9, 0.999, 1e-8, 0.0);
        return EdgeOfStability.of(gradientDescent(lr), rates, sgd).get(EdgeOfStability.EDGE_RATIO);
    }

    @Test
    void gradientDescentAboveTheSharpDirectionsLimitSitsAtTheEdge() {
        // the last three probes (steps 40-60): w_2 / w_1 shrinks like (0.81 / 0.9)^k, the curvature along g is
        // 10 to 2e-5 and the ratio 0.95 to 1e-3
        assertThat(ratio(0.19)).isCloseTo(0.95, within(1e-3));
        assertThat(OscillationCause.of(ratio(0.19))).isEqualTo(OscillationCause.Position.AT_EDGE);
    }

    @Test
    void gradientDescentWithASmallStepIsWellBelow() {
        // curvature along g (1000 w_1^2 + w_2^2) / (100 w_1^2 + w_2^2) with w_1 = 0.9^k, w_2 = 0.99^k is 1.419,
        // 1.065 and 1.010 at k = 40, 50, 60 (by hand in Python), so the ratio is their mean times 0.005: 0.005822
        assertThat(ratio(0.01)).isCloseTo(0.005822, within(1e-6));
        assertThat(OscillationCause.of(ratio(0.01))).isEqualTo(OscillationCause.Position.WELL_BELOW);
    }

    /**
     * The peak ratio is the largest ratio over every probe, not the last half's mean: at lr 0.01 the curvature along
     * g falls from its first probe (step 10: (1000 x 0.9^20 + 0.99^20) / (100 x 0.9^20 + 0.99^20) = 9.43, ratio
     * 0.047163) while the last half averages 0.005822; at lr 0.19 it climbs towards 10, so the peak is the last probe
     * (ratio 0.94999997). Values by hand in Python (the same recurrence in floats of double precision).
     */
    @Test
    void thePeakRatioIsTheSharpestProbeOfTheRun() {
        assertThat(peak(0.01)).isCloseTo(0.047163453675356, within(1e-12));
        assertThat(peak(0.19)).isCloseTo(0.949999972389947, within(1e-12));
        OptimizerSpec adam = new OptimizerSpec(OptimizerSpec.Kind.ADAM, 0.01, 0.9, 0.9, 0.999, 1e-8, 0.0);
        assertThat(EdgeOfStability.of(gradientDescent(0.01), new double[60], adam))
                .doesNotContainKey(EdgeOfStability.PEAK_EDGE_RATIO);
    }

    private static double peak(double lr) {
        double[] rates = new double[60];
        java.util.Arrays.fill(rates, lr);
        OptimizerSpec sgd = new OptimizerSpec(OptimizerSpec.Kind.SGD, lr, 0.9, 0.9, 0.999, 1e-8, 0.0);
        return EdgeOfStability.of(gradientDescent(lr), rates, sgd).get(EdgeOfStability.PEAK_EDGE_RATIO);
    }

    @Test
    void bandsAreClosedAtTheEdge() {
        assertThat(OscillationCause.of(OscillationCause.EDGE_LOW)).isEqualTo(OscillationCause.Position.AT_EDGE);
        assertThat(OscillationCause.of(OscillationCause.EDGE_HIGH)).isEqualTo(OscillationCause.Position.AT_EDGE);
        assertThat(OscillationCause.of(1.3)).isEqualTo(OscillationCause.Position.ABOVE);
        assertThat(OscillationCause.of(0.6)).isEqualTo(OscillationCause.Position.BETWEEN);
        assertThat(OscillationCause.of(0.49)).isEqualTo(OscillationCause.Position.WELL_BELOW);
    }

    private static RunFile<RunSpec, Sharpness> run(String state, double ratio) {
        return new RunFile<>(RunFile.SCHEMA_VERSION, "test", null, null, RunFile.COMPLETED, state, null, null, List.of(),
                List.of(), Map.of("amplitude", 0.1, "final_accuracy", 0.9, EdgeOfStability.EDGE_RATIO, ratio), null,
                new RunFile.Timing(1, 1, 0, 1, 1, new double[0], null));
    }

    @Test
    void verdictSaysWhichOscillatingRunsSitAtTheEdgeAndWhichWellBelow() {
        // B=100 oscillates at the ratio of GD at lr 0.19 above, B=4 at that of lr 0.01; a steady run is not named
        CellSummary small = new CellSummary(0, null, 0.1, 0.1, 4, "4", List.of(run("oscillating", ratio(0.01)),
                run("steady", 0.95)));
        CellSummary full = new CellSummary(0, null, 0.1, 0.1, 100, "full", List.of(run("oscillating", ratio(0.19))));
        List<String> lines = Verdict.of(new SweepSummary(List.of(SweepPlanTest.dataset(null, 50)),
                List.of(small, full), 0.8));
        assertThat(lines).filteredOn(l -> l.startsWith("  oscillating runs against the edge of stability"))
                .containsExactly("  oscillating runs against the edge of stability (edge_of_stability_ratio = batch"
                        + " sharpness / stability threshold, 2/lr for SGD; at the edge for 0.8 to 1.25, well below under"
                        + " 0.5): B=full (0.950) at the edge of stability: the step overshoots along the sharpest"
                        + " direction (curvature); B=4 (0.00582) well below the edge: the oscillation comes from gradient"
                        + " noise or the data (such as the background), not from curvature.");
    }

    @Test
    void noLineWithoutAnOscillatingRunThatHasTheRatio() {
        CellSummary steady = new CellSummary(0, null, 0.1, 0.1, 4, "4", List.of(run("steady", 0.95)));
        assertThat(OscillationCause.line(List.of(steady))).isNull();
    }
}
