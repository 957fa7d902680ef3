package org.batchscope.analyzer.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.batchscope.analyzer.engine.Budget;
import org.batchscope.analyzer.engine.OptimizerSpec;
import org.batchscope.analyzer.sharpness.Sharpness;
import org.batchscope.analyzer.engine.lean.LeanEngine;
import org.batchscope.common.BadInputException;
import org.batchscope.common.ToolVersion;
import org.batchscope.common.files.Provenance;
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
                new java.util.HashMap<>(), null);
        assertThat(new String(ResultFiles.toBytes(withoutTiming(again))))
                .isEqualTo(new String(ResultFiles.toBytes(withoutTiming(stored))));
    }

    @Test
    void aRunMadeByAnotherEngineVersionIsTrainedAgainWithOneLine() {
        List<PlannedRun> runs = plan(0.1);
        run(runs);
        ResultsStore store = new ResultsStore(out);
        RunFile<RunSpec, Sharpness> stored = store.read(runs.get(0).hash()).orElseThrow();
        Provenance p = stored.provenance();
        store.write(new RunFile<>(stored.schemaVersion(), stored.configHash(), stored.config(),
                new Provenance(p.toolVersion(), p.engine(), "0.0.1", p.javaVersion(), p.javaVendor(), p.os(), p.arch()),
                stored.status(), stored.state(), stored.message(), stored.steps(), stored.evaluations(), stored.probes(),
                stored.metrics(), stored.sharpness(), stored.timing()));
        progress.getBuffer().setLength(0);
        assertThat(run(runs)).isEqualTo(new SweepRunner.Outcome(3, 1, 0));
        assertThat(progress.toString()).startsWith("runs/" + runs.get(0).hash() + ".json: made by lean 0.0.1 (batchscope "
                + ToolVersion.version() + "); training it again with lean " + ToolVersion.version() + "\n");
        assertThat(store.read(runs.get(0).hash()).orElseThrow().provenance().engineVersion())
                .isEqualTo(ToolVersion.version());
    }

    @Test
    void aRunFileOfANewerSchemaStopsTheSweepNamingTheFile() throws java.io.IOException {
        List<PlannedRun> runs = plan(0.1);
        Path file = new ResultsStore(out).file(runs.get(1).hash());
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, "{\"schema_version\": 4}");
        assertThatThrownBy(() -> run(runs)).isInstanceOf(BadInputException.class).hasMessage(file
                + ": schema_version 4 is newer than batchscope " + ToolVersion.version()
                + " reads (3); use the batchscope that wrote it or a newer one");
    }

    @Test
    void theConfigHashCoversTheLeanThreadsPerRun() {
        String oneThread = plan(0.1).get(0).hash();
        System.setProperty(LeanEngine.THREADS_PER_RUN_PROPERTY, "2");
        try {
            PlannedRun twoThreads = plan(0.1).get(0);
            assertThat(twoThreads.spec().engineSettings()).containsEntry(LeanEngine.THREADS_PER_RUN, 2);
            assertThat(twoThreads.hash()).isNotEqualTo(oneThread);
        } finally {
            System.clearProperty(LeanEngine.THREADS_PER_RUN_PROPERTY);
        }
        assertThat(plan(0.1).get(0).hash()).isEqualTo(oneThread);
    }

    private static RunFile<RunSpec, Sharpness> withoutTiming(RunFile<RunSpec, Sharpness> r) {
        return new RunFile<>(r.schemaVersion(), r.configHash(), r.config(), r.provenance(), r.status(), r.state(), r.message(),
                r.steps(), r.evaluations(), r.probes(), r.metrics(), r.sharpness(), null);
    }
}
