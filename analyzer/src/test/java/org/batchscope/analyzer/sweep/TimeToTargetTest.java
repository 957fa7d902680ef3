package org.batchscope.analyzer.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.batchscope.analyzer.sharpness.Sharpness;
import org.batchscope.common.files.RunFile;
import org.junit.jupiter.api.Test;

/** Steps and seconds to a target accuracy, cost columns and the cost line of the verdict, from hand-made runs. */
class TimeToTargetTest {

    /**
     * A stored completed run: validation accuracy {@code curve[i]} at step {@code (i + 1) * stepEvery},
     * {@code (i + 1) * secondsEvery} training seconds done at evaluation i, and the given gap and sharpness.
     */
    private static RunFile<RunSpec, Sharpness> run(long stepEvery, double secondsEvery, double secondsPerEpoch,
            double gap, double sharpness, double... curve) {
        return StoredRuns.completed(Map.of("amplitude", 0.1, "final_accuracy", curve[curve.length - 1], "gap_accuracy",
                gap, "hessian_max_eig", sharpness), stepEvery, secondsEvery, 9, secondsPerEpoch, 100 / secondsPerEpoch,
                curve);
    }

    /** B=4: reaches 0.9 at steps 30 and 20 (3 s, 2 s); B=32: at step 3 in both seeds (0.75 s). */
    private static final CellSummary SMALL = new CellSummary(0, null, 0.1, 0.1, 4, "4", List.of(
            run(10, 1.0, 3.1, 0.02, 1.0, 0.5, 0.8, 0.9, 0.95),
            run(10, 1.0, 3.1, 0.02, 1.0, 0.6, 0.92, 0.85, 0.95)));
    private static final CellSummary LARGE = new CellSummary(0, null, 0.1, 0.1, 100, "full", List.of(
            run(1, 0.25, 1.0, 0.05, 2.5, 0.5, 0.7, 0.9, 0.91),
            run(1, 0.25, 1.0, 0.05, 2.5, 0.5, 0.7, 0.95, 0.9)));

    @Test
    void automaticTargetRoundsDownToAPoint() {
        // 0.5 + 0.9 (0.95 - 0.5) = 0.905
        assertThat(TargetAccuracy.auto(0.5, 0.95)).isEqualTo(0.90);
        // 0.1 + 0.9 (0.7 - 0.1) = 0.64 exactly: the epsilon keeps it from rounding down to 0.63
        assertThat(TargetAccuracy.auto(0.1, 0.7)).isEqualTo(0.64);
    }

    @Test
    void cellRowHasStepsSecondsAndCostStatistics() {
        Map<String, Object> row = SMALL.row(0.9);
        assertThat(row.get("batch_label")).isEqualTo("4");
        assertThat((double) row.get("steps_to_target_mean")).isEqualTo(25.0);
        assertThat((double) row.get("seconds_to_target_mean")).isEqualTo(2.5);
        assertThat(row.get("target_reached")).isEqualTo(2);
        assertThat((double) row.get("seconds_per_epoch_mean")).isEqualTo(3.1);
        assertThat((double) row.get("samples_per_second_mean")).isCloseTo(100 / 3.1, within(1e-12));
        // an unreachable target leaves the columns out and counts no run
        Map<String, Object> never = SMALL.row(0.99);
        assertThat(never).doesNotContainKey("steps_to_target_mean").containsEntry("target_reached", 0);
        assertThat(SMALL.row(Double.NaN)).doesNotContainKey("target_reached");
    }

    @Test
    void costLineComparesTheLargestBatchWithTheSmallest() {
        // per epoch 3.1 / 1.0; seconds 0.75 vs 2.5 (70% fewer); steps 3 vs 25 (88% fewer); gap +3 points;
        // sharpness 2.5x
        assertThat(CostVerdict.lines(List.of(SMALL, LARGE), 0.9)).containsExactly("  cost: B=full is 3.10x faster per"
                + " epoch than B=4, reaches 0.900 validation accuracy in 70% fewer seconds (88% fewer steps), with a"
                + " 3.00-point larger generalization gap (train - held-out accuracy), and 2.50x the sharpness (largest"
                + " Hessian eigenvalue).");
        assertThat(CostVerdict.lines(List.of(SMALL, LARGE), 0.93)).singleElement().asString()
                .contains("only B=4 reaches 0.930 validation accuracy in every seed");
        assertThat(CostVerdict.lines(List.of(SMALL), 0.9)).isEmpty();
    }

    @Test
    void reachingTheTargetOnceIsNotCalledKeepingIt() {
        // B=4 seed 2 reaches 0.93 at its second evaluation, then collapses to 0.5: the clause says it ends below
        CellSummary collapsing = new CellSummary(0, null, 0.1, 0.1, 4, "4", List.of(
                run(10, 1.0, 3.1, 0.02, 1.0, 0.5, 0.8, 0.9, 0.95),
                run(10, 1.0, 3.1, 0.02, 1.0, 0.6, 0.94, 0.5, 0.5)));
        assertThat(CostVerdict.lines(List.of(collapsing, LARGE), 0.93)).singleElement().asString()
                .contains("only B=4 reaches 0.930 validation accuracy in every seed (at some evaluation; 1 of 2 seeds"
                        + " of B=4 end below it)");
        // both cells reach 0.9; B=full's seed 2 ends at 0.9 (not below), B=4's collapsed seed ends below
        assertThat(CostVerdict.lines(List.of(collapsing, LARGE), 0.9)).singleElement().asString()
                .contains("(88% fewer steps; 1 of 2 seeds of B=4 end below it)");
    }

    @Test
    void verdictLeavesTimeToTargetOutWhenNoCellLearnedTheTask() {
        // 96 of 100 training labels in one class: chance 0.96, and with 10 validation samples final accuracies of
        // 0.9-0.95 are not above it by two binomial spreads (2 sqrt(0.96 * 0.04 / 10) = 0.124): "not learned"; a
        // target accuracy near chance says nothing about speed to a result, so only the per-epoch clauses remain
        SweepSummary summary = new SweepSummary(List.of(SweepPlanTest.dataset(null, 96)), List.of(SMALL, LARGE), 0.9);
        assertThat(Verdict.of(summary)).filteredOn(line -> line.startsWith("  cost:")).singleElement().asString()
                .startsWith("  cost: B=full is 3.10x faster per epoch than B=4, with a 3.00-point larger")
                .doesNotContain("reaches");
    }

    /**
     * Training 2 s and 4 s; evaluations 1 + 2, probes 0.5 + 1, Lanczos 0.1 + 0.2, scoring 0.3 + 0.1 and
     * eps-sharpness 0.01 + 0.005 s: over 6 training seconds 0.50, 0.25, 0.05, 0.0667 and 0.0025 (left out),
     * in all 5.215 / 6 = 0.869. A run without training seconds is not counted.
     */
    @Test
    void measuringLineSumsThePhasesOverTheTrainingSeconds() {
        CellSummary measured = new CellSummary(0, null, 0.1, 0.1, 4, "4", List.of(
                StoredRuns.withMeasuring(run(10, 1.0, 3.1, 0.02, 1.0, 0.5, 0.9), 2.0, Map.of("evaluations", 1.0,
                        "gradient_probes", 0.5, "lanczos", 0.1, "scoring", 0.3, "eps_sharpness", 0.01)),
                StoredRuns.withMeasuring(run(10, 1.0, 3.1, 0.02, 1.0, 0.5, 0.9), 4.0, Map.of("evaluations", 2.0,
                        "gradient_probes", 1.0, "lanczos", 0.2, "scoring", 0.1, "eps_sharpness", 0.005)),
                run(10, 1.0, 3.1, 0.02, 1.0, 0.5, 0.9)));
        assertThat(CostVerdict.measuringLine(List.of(measured))).contains("  cost: measuring took 0.869x the training"
                + " seconds of the 2 completed runs (evaluations during training 0.50, gradient probes 0.25, Lanczos 0.05,"
                + " end-of-run scoring 0.07); the largest share, evaluations during training, shrinks with"
                + " --validation-samples, --train-eval-samples or a lower --evals-per-epoch.");
        assertThat(CostVerdict.measuringLine(List.of(SMALL))).isEmpty();
        // measuring too small to name a largest share: no advice
        CellSummary quick = new CellSummary(0, null, 0.1, 0.1, 4, "4", List.of(StoredRuns.withMeasuring(
                run(10, 1.0, 3.1, 0.02, 1.0, 0.5, 0.9), 10.0, Map.of("evaluations", 0.01, "scoring", 0.02))));
        assertThat(CostVerdict.measuringLine(List.of(quick)))
                .contains("  cost: measuring took 0.00300x the training seconds of the 1 completed run.");
    }
}
