package org.batchscope.analyzer.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.batchscope.analyzer.sharpness.Sharpness;
import org.batchscope.common.files.RunFile;
import org.junit.jupiter.api.Test;

class SweepSummaryTest {

    /** A stored completed run with one metric and a validation-accuracy curve. */
    private static RunFile<RunSpec, Sharpness> run(double amplitude, double... curve) {
        return StoredRuns.completed(Map.of("amplitude", amplitude, "final_accuracy", 0.8), 1, Double.NaN, 1.5,
                Double.NaN, Double.NaN, curve);
    }

    @Test
    void cellRowHasHandComputedStatistics() {
        CellSummary cell = new CellSummary(0, 3.0, 0.1, 0.05, 8, "8", List.of(run(0.1, 0, 1, 0), run(0.3, 1, 1, 1)));
        Map<String, Object> row = cell.row(Double.NaN);
        assertThat(row.get("batch_size")).isEqualTo(8);
        assertThat(row.get("seeds")).isEqualTo(2);
        assertThat((double) row.get("lr_over_batch")).isCloseTo(0.00625, within(1e-15));
        assertThat((double) row.get("amplitude_mean")).isCloseTo(0.2, within(1e-15));
        // sample std of {0.1, 0.3} = sqrt(0.02)
        assertThat((double) row.get("amplitude_std")).isCloseTo(Math.sqrt(0.02), within(1e-15));
        assertThat((double) row.get("amplitude_ci_low")).isBetween(0.1, 0.2);
        assertThat((double) row.get("amplitude_ci_high")).isBetween(0.2, 0.3);
        // windows (last 2 of 3): {1, 0} variance 0.5 and {1, 1} variance 0 -> within 0.25;
        // window means 0.5 and 1 -> between = sample variance 0.125
        assertThat((double) row.get("within_run_variance")).isCloseTo(0.25, within(1e-15));
        assertThat((double) row.get("between_run_variance")).isCloseTo(0.125, within(1e-15));
        assertThat(row.get("wall_seconds_mean")).isEqualTo(1.5);
    }

    @Test
    void singleSeedLeavesSpreadEmpty() {
        Map<String, Object> row = new CellSummary(0, null, 0.1, 0.1, 4, "4", List.of(run(0.1, 0, 1, 0))).row(Double.NaN);
        assertThat(row.get("amplitude_std")).isNull();
        assertThat(row.get("amplitude_ci_low")).isNull();
        assertThat(row.get("between_run_variance")).isNull();
        String csv = SummaryWriter.csv(List.of(row));
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith(
                "dataset,ratio,batch_size,batch_label,lr,lr_effective,lr_over_batch,seeds,diverged,failed,"
                        + "amplitude_mean,amplitude_std,amplitude_ci_low,amplitude_ci_high,final_accuracy_mean");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith("0,,4,4,0.1,0.1,0.025,1,0,0,0.1,,,,0.8");
    }

    @Test
    void csvQuotesFieldsWithCommasAndQuotes() {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("dataset", 0);
        row.put("batch_label", "a,\"b\"");
        row.put("amplitude_mean", 0.5);
        assertThat(SummaryWriter.csv(List.of(row))).isEqualTo("dataset,batch_label,amplitude_mean,amplitude_std,"
                + "amplitude_ci_low,amplitude_ci_high\n0,\"a,\"\"b\"\"\",0.5,,,\n");
    }

    @Test
    void comparisonCountsSeedPairs() {
        var a = new CellSummary(0, null, 0.1, 0.1, 4, "4", List.of(run(0.1, 0, 1, 0), run(0.3, 0, 1, 0)));
        var b = new CellSummary(0, null, 0.1, 0.1, 8, "8", List.of(run(0.2, 0, 1, 0), run(0.4, 0, 1, 0)));
        SweepSummary summary = new SweepSummary(List.of(SweepPlanTest.dataset(null)), List.of(a, b), null);
        // pairs (0.1, 0.2), (0.1, 0.4), (0.3, 0.4) are steadier; (0.3, 0.2) is not: 3 / 4
        assertThat(summary.comparisons()).singleElement().satisfies(row -> {
            assertThat(row.get("batch_size_a")).isEqualTo(4);
            assertThat(row.get("batch_size_b")).isEqualTo(8);
            assertThat(row.get("p_a_steadier")).isEqualTo(0.75);
        });
    }

    @Test
    void verdictNamesSteadyBatchSizesAndTheStepSizeLink() {
        var b4 = new CellSummary(0, null, 0.1, 0.1, 4, "4", List.of(run(0.05, 0, 1, 0), run(0.05, 0, 1, 0)));
        var b8 = new CellSummary(0, null, 0.1, 0.1, 8, "8", List.of(run(0.03, 0, 1, 0), run(0.03, 0, 1, 0)));
        var b16 = new CellSummary(0, null, 0.1, 0.1, 16, "16", List.of(run(0.005, 0, 1, 0), run(0.005, 0, 1, 0)));
        List<String> lines = Verdict.of(new SweepSummary(List.of(SweepPlanTest.dataset(null)), List.of(b4, b8, b16), null));
        assertThat(lines).containsExactly(
                "Dataset 0 (toy, chance 1.00):",
                "  trains steadily: B=16 lr=0.100 (amplitude 0.00500, final accuracy 0.800)",
                "  oscillates: B=4 lr=0.100 (amplitude 0.0500, final accuracy 0.800); B=8 lr=0.100 (amplitude 0.0300,"
                        + " final accuracy 0.800)",
                "  no cell learned the task: the best final accuracy 0.800 is within 0.0500 of chance, so the"
                        + " oscillation is noise around chance.",
                "  step size: amplitude against lr/B has Spearman correlation 1.00 over 3 cells: the oscillation"
                        + " grows with the step size.",
                "  try: a larger batch or a smaller learning rate (or --lr-scaling sqrt instead of linear).");
    }
}
