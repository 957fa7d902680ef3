package org.batchscope.analyzer.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.batchscope.analyzer.engine.Budget;
import org.batchscope.analyzer.engine.OptimizerSpec;
import org.batchscope.analyzer.sharpness.Sharpness;
import org.batchscope.common.files.ResultFiles;
import org.batchscope.common.files.RunFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepRunnerTest {

    @TempDir
    Path out;

    private final StringWriter progress = new StringWriter();

    private SweepRunner.Outcome run(List<PlannedRun> runs) {
        return SweepRunner.run(runs, List.of(SweepPlanTest.dataset(null)), new ResultsStore(out),
                new ProgressReporter(new PrintWriter(progress, true), false), 2);
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
        RunFile<RunSpec, Sharpness> stored = new ResultsStore(out).read(runs.get(0).hash()).orElseThrow();
        assertThat(stored.status()).isEqualTo("failed");
        assertThat(stored.message()).isEqualTo("java.lang.IllegalStateException: test engine always fails");
        assertThat(stored.steps().loss()).hasSize(1);
        assertThat(run(runs)).isEqualTo(new SweepRunner.Outcome(0, 4, 4));
    }

    @Test
    void divergedRunsAreStoredAndSkippedOnRerun() {
        List<PlannedRun> runs = plan(1e30);
        assertThat(run(runs)).isEqualTo(new SweepRunner.Outcome(0, 4, 0));
        for (PlannedRun r : runs) {
            RunFile<RunSpec, Sharpness> stored = new ResultsStore(out).read(r.hash()).orElseThrow();
            assertThat(stored.status()).isEqualTo("diverged");
            assertThat(stored.message()).startsWith("the minibatch loss was not finite at step ");
            assertThat(stored.configHash()).isEqualTo(r.hash());
        }
        assertThat(progress.toString()).contains("sweep: 4 runs, 0 already done, 4 to run", "run 4/4 done");
        assertThat(run(runs)).isEqualTo(new SweepRunner.Outcome(4, 0, 0));
        SweepSummary summary = SweepSummary.gather(runs, List.of(SweepPlanTest.dataset(null)), new ResultsStore(out), null);
        assertThat(summary.cellRows()).extracting(row -> row.get("diverged")).containsExactly(2L, 2L);
        assertThat(summary.cellRows()).extracting(row -> row.get("seeds")).containsExactly(0, 0);
    }

    @Test
    void completedRunsCarryMetricsAndReproduceBitForBit() {
        List<PlannedRun> runs = plan(0.1);
        run(runs);
        RunFile<RunSpec, Sharpness> stored = new ResultsStore(out).read(runs.get(0).hash()).orElseThrow();
        assertThat(stored.status()).isEqualTo("completed");
        // batch 4 on 100 samples for 2 epochs: 50 steps; evaluations every 12 steps and at epoch ends
        assertThat(stored.steps().loss()).hasSize(50);
        assertThat(stored.metrics().get("steps")).isEqualTo(50);
        assertThat(stored.metrics()).containsKeys("amplitude", "churn");
        RunFile<RunSpec, Sharpness> again = SweepRunner.train(runs.get(0), SweepPlanTest.dataset(null),
                new java.util.HashMap<>());
        assertThat(new String(ResultFiles.toBytes(withoutTiming(again))))
                .isEqualTo(new String(ResultFiles.toBytes(withoutTiming(stored))));
    }

    private static RunFile<RunSpec, Sharpness> withoutTiming(RunFile<RunSpec, Sharpness> r) {
        return new RunFile<>(r.schemaVersion(), r.configHash(), r.config(), r.provenance(), r.status(), r.message(),
                r.steps(), r.evaluations(), r.probes(), r.metrics(), r.sharpness(), null);
    }
}
