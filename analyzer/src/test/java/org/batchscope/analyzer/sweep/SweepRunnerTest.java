package org.batchscope.analyzer.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.batchscope.analyzer.engine.Budget;
import org.batchscope.analyzer.engine.OptimizerSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepRunnerTest {

    @TempDir
    Path out;

    private final StringWriter progress = new StringWriter();

    private SweepRunner.Outcome run(List<PlannedRun> runs) {
        return SweepRunner.run(runs, List.of(SweepPlanTest.dataset(null)), new ResultsStore(out),
                new PlainProgress(new PrintWriter(progress, true)), 2);
    }

    private static List<PlannedRun> plan(double lr) {
        SweepSpec spec = new SweepSpec("mlp", "lean", List.of(BatchSize.of(4), BatchSize.of(10)), 2, 2, null, List.of(lr),
                LrScaling.FIXED, 32, Budget.Kind.EPOCHS, OptimizerSpec.Kind.SGD, 0, List.of(8), 2, null, 0, null, 2, 2, null);
        return SweepPlan.plan(spec, List.of(SweepPlanTest.dataset(null)));
    }

    @Test
    void aThrowingRunIsRecordedAsFailedAndRetriedNextTime() {
        List<PlannedRun> runs = plan(0.1).stream()
                .map(r -> new PlannedRun(r.spec(), r.hash(), r.datasetIndex(), new ThrowingTestEngine(), r.batchLabel())).toList();
        SweepRunner.Outcome first = run(runs);
        assertThat(first).isEqualTo(new SweepRunner.Outcome(0, 4, 4));
        JsonNode stored = new ResultsStore(out).read(runs.get(0).hash()).orElseThrow();
        assertThat(stored.path("status").asText()).isEqualTo("failed");
        assertThat(stored.path("message").asText()).isEqualTo("java.lang.IllegalStateException: test engine always fails");
        assertThat(stored.path("steps").path("loss")).hasSize(1);
        assertThat(run(runs)).isEqualTo(new SweepRunner.Outcome(0, 4, 4));
    }

    @Test
    void divergedRunsAreStoredAndSkippedOnRerun() {
        List<PlannedRun> runs = plan(1e30);
        assertThat(run(runs)).isEqualTo(new SweepRunner.Outcome(0, 4, 0));
        for (PlannedRun r : runs) {
            JsonNode stored = new ResultsStore(out).read(r.hash()).orElseThrow();
            assertThat(stored.path("status").asText()).isEqualTo("diverged");
            assertThat(stored.path("message").asText()).startsWith("the minibatch loss was not finite at step ");
            assertThat(stored.path("config_hash").asText()).isEqualTo(r.hash());
        }
        assertThat(progress.toString()).contains("sweep: 4 runs, 0 already done, 4 to run", "run 4/4 done");
        assertThat(run(runs)).isEqualTo(new SweepRunner.Outcome(4, 0, 0));
        SweepSummary summary = SweepSummary.gather(runs, List.of(SweepPlanTest.dataset(null)), new ResultsStore(out), null);
        assertThat(summary.cellRows()).extracting(row -> row.get("diverged")).containsExactly(2L, 2L);
        assertThat(summary.cellRows()).extracting(row -> row.get("seeds")).containsExactly(0, 0);
    }

    @Test
    void completedRunsCarryMetricsAndReproduceBitForBit() throws java.io.IOException {
        List<PlannedRun> runs = plan(0.1);
        run(runs);
        JsonNode stored = new ResultsStore(out).read(runs.get(0).hash()).orElseThrow();
        assertThat(stored.path("status").asText()).isEqualTo("completed");
        // batch 4 on 100 samples for 2 epochs: 50 steps; evaluations every 12 steps and at epoch ends
        assertThat(stored.path("steps").path("loss")).hasSize(50);
        assertThat(stored.path("metrics").path("steps").asDouble()).isEqualTo(50);
        assertThat(stored.path("metrics").has("amplitude")).isTrue();
        assertThat(stored.path("metrics").has("churn")).isTrue();
        RunResult again = SweepRunner.train(runs.get(0), SweepPlanTest.dataset(null), new java.util.HashMap<>());
        JsonNode second = org.batchscope.common.Json.mapper().readTree(org.batchscope.common.Json.toBytes(again));
        ((com.fasterxml.jackson.databind.node.ObjectNode) second).remove("timing");
        com.fasterxml.jackson.databind.node.ObjectNode first = stored.deepCopy();
        first.remove("timing");
        assertThat(second).isEqualTo(first);
    }
}
