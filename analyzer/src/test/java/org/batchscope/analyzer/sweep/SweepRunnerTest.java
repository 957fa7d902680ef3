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

    /**
     * --validation-samples 4 of a 10-sample validation split: the evaluations score exactly the first 4 of
     * BatchPlan.epochOrder(0, 0, 10). The toy task's rule (label 1 exactly when x0 = -1) is learned; the
     * validation split follows it except on those 4 samples, whose labels are flipped, so their accuracy is 0
     * while any other 4 samples, or the whole split (0.6), would score higher.
     */
    @Test
    void aValidationSubsetIsScoredAtEveryEvaluationAndNamedInTheVerdict() {
        int[] chosen = java.util.Arrays.copyOf(org.batchscope.analyzer.engine.BatchPlan.epochOrder(0, 0, 10), 4);
        float[] x = new float[10 * 3];
        int[] y = new int[10];
        for (int i = 0; i < 10; i++) {
            x[3 * i] = i % 2 == 0 ? 1 : -1;
            y[i] = i % 2;
        }
        for (int i : chosen) {
            y[i] = 1 - y[i];
        }
        SweepDataset toy = SweepPlanTest.dataset(null);
        org.batchscope.analyzer.data.LoadedDataset d = toy.data();
        SweepDataset data = new SweepDataset(new org.batchscope.analyzer.data.LoadedDataset(d.kind(), d.source(),
                d.contentSha256(), d.classNames(), d.train(), new org.batchscope.analyzer.engine.TensorData(x, y,
                        new int[] {3}, 2), null, java.util.Map.of(), List.of(), null, null), null, toy.options());
        for (Integer samples : new Integer[] {4, null}) {
            SweepSpec spec = new SweepSpec("mlp", "lean", List.of(BatchSize.of(4)), 1, 3, null, List.of(0.5),
                    LrScaling.FIXED, 32, Budget.Kind.EPOCHS, OptimizerSpec.Kind.SGD, 0, List.of(8), 2, null, 0, null, 2,
                    1, null, null, null, SweepSpec.DEFAULT_TRAIN_EVAL_SAMPLES, SweepSpec.ALL_SAMPLES,
                    samples == null ? SweepSpec.ALL_SAMPLES : samples, org.batchscope.analyzer.sharpness.SharpnessSettings.DEFAULTS);
            List<PlannedRun> runs = SweepPlan.plan(spec, List.of(data));
            assertThat(runs.get(0).spec().validationSamples()).isEqualTo(samples);
            RunFile<RunSpec, Sharpness> file = SweepRunner.train(runs.get(0), data, new java.util.HashMap<>(), null);
            List<RunFile.EvaluationRow> evaluations = file.evaluations();
            assertThat(evaluations).hasSizeGreaterThan(2);
            RunFile.EvaluationRow last = evaluations.get(evaluations.size() - 1);
            assertThat(last.trainAccuracy()).isEqualTo(1.0);
            assertThat(last.validationAccuracy()).isEqualTo(samples == null ? 0.6 : 0.0);
            ResultsStore store = new ResultsStore(out.resolve(String.valueOf(samples)));
            store.write(file);
            String first = Verdict.of(SweepSummary.gather(runs, List.of(data), store, null)).get(0);
            assertThat(first).contains(samples == null ? "; 10 validation samples, so one sample is 0.100 of accuracy."
                    : "; 4 of 10 validation samples per evaluation (--validation-samples), so one sample is 0.250 of"
                            + " accuracy.");
        }
    }

    private static RunFile<RunSpec, Sharpness> withoutTiming(RunFile<RunSpec, Sharpness> r) {
        return new RunFile<>(r.schemaVersion(), r.configHash(), r.config(), r.provenance(), r.status(), r.state(), r.message(),
                r.steps(), r.evaluations(), r.probes(), r.metrics(), r.sharpness(), null);
    }

    /**
     * Runs planned in a process whose OpenBLAS kernels are not pinned (their config says so) get one note
     * before the sweep; runs of the pinned kernels (this test JVM's) get none.
     */
    @Test
    void unpinnedKernelsAreNotedOnceBeforeTheSweep() {
        List<PlannedRun> pinned = plan(0.1);
        run(pinned);
        assertThat(progress.toString()).doesNotContain("OpenBLAS");
        List<PlannedRun> unpinned = pinned.stream().map(r -> {
            RunSpec s = r.spec();
            java.util.Map<String, Object> settings = new java.util.TreeMap<>(s.engineSettings());
            settings.put("openblas_coretype", "OPENBLAS_CORETYPE=(unset) on a test CPU");
            RunSpec spec = new RunSpec(s.dataset(), s.engine(), settings, s.run(), s.lr(), s.lrScaling(),
                    s.lrReferenceBatch(), s.probeSelection(), s.sharpness(), s.trainEvalSamples(), s.gapSamples(),
                    s.validationSamples());
            return new PlannedRun(spec, spec.hash(), r.datasetIndex(), r.engine(), r.batchLabel());
        }).toList();
        assertThat(unpinned.get(0).hash()).isNotEqualTo(pinned.get(0).hash());
        progress.getBuffer().setLength(0);
        run(unpinned);
        assertThat(progress.toString().lines().filter(line -> line.contains("OpenBLAS")).toList()).containsExactly(
                "OpenBLAS kernels not pinned (OPENBLAS_CORETYPE=(unset) on a test CPU): these runs record it in"
                        + " engine_settings, so they are hashed apart from runs of the pinned kernels and are not the"
                        + " same bits as runs on other machines; the ./batchscope launcher sets OPENBLAS_CORETYPE=Haswell");
    }
}
