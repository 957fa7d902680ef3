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
        // Student t: 0.2 -/+ t_{0.975,1} sqrt(0.02) / sqrt(2) = 0.2 -/+ 12.7062047 * 0.1
        assertThat((double) row.get("amplitude_ci_low")).isCloseTo(0.2 - 1.27062047, within(1e-8));
        assertThat((double) row.get("amplitude_ci_high")).isCloseTo(0.2 + 1.27062047, within(1e-8));
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
                "dataset,ratio,batch_size,batch_label,lr,lr_effective,lr_over_batch,seeds,diverged,failed,state,"
                        + "state_steady,state_improving,state_declining,state_oscillating,state_collapsed,state_chance,state_diverged,"
                        + "amplitude_mean,amplitude_std,amplitude_ci_low,amplitude_ci_high,final_accuracy_mean");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith("0,,4,4,0.1,0.1,0.025,1,0,0,,0,0,0,0,0,0,0,0.1,,,,0.8");
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

    /** A stored run with a state, an amplitude and a final accuracy, of a sweep with {@code scaling}. */
    private static RunFile<RunSpec, Sharpness> run(String status, String state, double amplitude, double finalAccuracy,
            String scaling) {
        RunSpec spec = new RunSpec(null, null, Map.of(), null, Double.NaN, scaling, 0, null, null, 0, null, null);
        return new RunFile<>(RunFile.SCHEMA_VERSION, "test", spec, null, status, state, null, null, List.of(), List.of(),
                Map.of("amplitude", amplitude, "final_accuracy", finalAccuracy, "epochs", 10.0), null,
                new RunFile.Timing(1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, new double[0], null));
    }

    @Test
    void cellCountsStatesAndShowsDivergedAndFailedRuns() {
        var cell = new CellSummary(0, null, 0.1, 0.1, 4, "4", List.of(run("completed", "improving", 0.05, 0.9, "fixed"),
                run("completed", "collapsed", 0.0, 0.5, "fixed"), run("diverged", "diverged", 0, 0, "fixed"),
                run("failed", null, 0, 0, "fixed")));
        Map<String, Object> row = cell.row(Double.NaN);
        assertThat(row.get("state")).isEqualTo("improving;collapsed;diverged");
        assertThat(row.get("state_improving")).isEqualTo(1L);
        assertThat(row.get("state_collapsed")).isEqualTo(1L);
        assertThat(row.get("state_diverged")).isEqualTo(1L);
        assertThat(row.get("state_steady")).isEqualTo(0L);
        assertThat(row.get("seeds")).isEqualTo(2);
        assertThat(row.get("failed")).isEqualTo(1L);
        // final accuracies {0.9, 0.5}: mean 0.7, s = sqrt(0.08), t_{0.975,1} = 12.7062047: half width 2.54124094,
        // so -1.84 to 3.24, clipped to the accuracy's range
        assertThat(Verdict.cellLine(cell)).isEqualTo("B=4 lr=0.100: 4 runs: 1 improving, 1 collapsed, 1 diverged,"
                + " 1 failed (an error; a rerun retries it); final accuracy 0.700 (95% t-interval 0.00 to 1.00,"
                + " range 0.500 to 0.900, 2 completed seeds)");
    }

    @Test
    void verdictOfASweepWithOneLearningRate() {
        // toy dataset: training labels half class 0 -> chance 0.5; 10 validation samples: two binomial spreads
        // 2 sqrt(0.25 / 10) = 0.316, so a best final accuracy of 0.1 is below chance
        var b4 = new CellSummary(0, null, 0.1, 0.1, 4, "4", List.of(run("completed", "oscillating", 0.05, 0.1, "fixed"),
                run("completed", "oscillating", 0.06, 0.1, "fixed"), run("completed", "oscillating", 0.07, 0.1, "fixed")));
        var b8 = new CellSummary(0, null, 0.1, 0.1, 8, "8", List.of(run("completed", "improving", 0.01, 0.1, "fixed"),
                run("completed", "improving", 0.02, 0.1, "fixed"), run("completed", "improving", 0.03, 0.1, "fixed")));
        List<String> lines = Verdict.of(new SweepSummary(List.of(SweepPlanTest.dataset(null)), List.of(b4, b8), null));
        assertThat(lines).contains(
                "  oscillating: B=4 (3 of 3)",
                "  still improving at the end: B=8 (3 of 3)",
                "  no cell learned the task: the best mean final accuracy 0.100 is below chance (0.500).",
                // 3 against 3 seeds: the smallest two-sided p is 2 / C(6, 3) = 0.1
                "  steadier (amplitude per seed, exact two-sided Mann-Whitney test at the 0.0500 level): inconclusive"
                        + " for every pair; with 3 against 3 seeds the smallest possible p is 0.100, so the seeds"
                        + " cannot separate batch sizes (more --seeds would).",
                "  step size: every batch size ran at one learning rate (--lr-scaling fixed), so lr/B changes only"
                        + " with B and the sweep cannot tell the step size from the batch size; to separate them,"
                        + " rerun with several learning rates (e.g. --lr 0.01,0.05,0.2) or with --lr-scaling linear"
                        + " (lr/B held fixed).");
        assertThat(lines).noneMatch(l -> l.contains("within") || l.contains("Spearman"));
        assertThat(lines.get(lines.size() - 1)).startsWith("  try: more epochs (--epochs) for B=8, still improving after"
                + " 10.0 epochs; for the oscillation of B=4: a smaller learning rate, and several --lr values");
    }

    @Test
    void stepSizeFindingNeedsLearningRatesVariedAtAFixedBatchSize() {
        // B = 4, 8, 16 at lr 0.1 and 0.3: six distinct lr/B; amplitude = lr/B (rho = 1); final accuracy 0.9 is learned
        List<CellSummary> cells = new java.util.ArrayList<>();
        double[][] grid = {{4, 0.1}, {8, 0.1}, {16, 0.1}, {4, 0.3}, {8, 0.3}, {16, 0.3}};
        for (double[] g : grid) {
            cells.add(new CellSummary(0, null, g[1], g[1], (int) g[0], Integer.toString((int) g[0]),
                    List.of(run("completed", "oscillating", g[1] / g[0], 0.9, "fixed"))));
        }
        List<String> lines = Verdict.of(new SweepSummary(List.of(SweepPlanTest.dataset(null)), cells, null));
        // 6 cells, rho = 1: one re-pairing in 720 reaches it, so p is about 1/720 (20,000 random re-pairings)
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(
                "  step size: amplitude against lr/B has Spearman correlation 1.00 over 6 cells (permutation p 0.00")
                .endsWith(": the oscillation grows with the step size."));
        assertThat(lines.get(lines.size() - 1)).contains("a smaller lr/B for B=4 lr=0.100, B=8 lr=0.100")
                .doesNotContain("--lr-scaling");
    }
}
