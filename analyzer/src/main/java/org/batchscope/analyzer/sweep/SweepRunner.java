package org.batchscope.analyzer.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.batchscope.analyzer.data.LoadedDataset;
import org.batchscope.analyzer.engine.DifferentiableModel;
import org.batchscope.analyzer.engine.RunConfig;
import org.batchscope.analyzer.engine.RunOutcome;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainingJob;
import org.batchscope.analyzer.engine.TrainingSchedule;
import org.batchscope.analyzer.sharpness.Sharpness;
import org.batchscope.analyzer.sharpness.SharpnessSettings;
import org.batchscope.common.files.RunFile;

/**
 * Executes the runs of a plan that the store does not hold yet on a {@link RunExecutor} (by default
 * {@link LocalRunExecutor}: one run per thread on a fixed pool), writing each result as soon as it comes back. A stored run is reused only when it is done and was made by
 * the same engine at the same version ({@link ResultsStore#lookup}); otherwise it is trained again, with
 * one line on stderr saying why. A run that throws is stored as {@code failed} with the
 * exception's text and the sweep goes on; a run whose loss stops being finite is stored as
 * {@code diverged}. A completed run is then measured further: test accuracy, {@link ShortcutReliance},
 * {@link GeneralizationGap} and, when its model is a {@link DifferentiableModel} (the lean engine's are),
 * {@link Sharpness} with the run's settings ({@link RunSpec#sharpness()}) on the first min(samples, n) samples of the probe-set order
 * ({@link SweepPlan#probeSet}). Every completed or diverged run gets its {@link RunStates state}. Because engines are bit-reproducible from the job and each result depends only on
 * its own run, a sweep that is killed and run again ends with the same files (up to wall time) as an
 * uninterrupted one.
 */
public final class SweepRunner {

    /**
     * What one invocation did.
     *
     * @param skipped runs already done before
     * @param ran     runs trained now
     * @param failed  of those, runs that threw
     */
    public record Outcome(int skipped, int ran, int failed) {
    }

    private SweepRunner() {
    }

    /** Runs what is left of {@code runs} on {@code threads} threads of this process (which need no spec). */
    public static Outcome run(List<PlannedRun> runs, List<SweepDataset> datasets, ResultsStore store,
            ProgressReporter progress, int threads) {
        return run(null, runs, datasets, store, progress, new LocalRunExecutor(threads));
    }

    /**
     * Runs what is left of {@code runs} (planned from {@code spec}) on {@code executor}, writing each run's
     * file as it comes back.
     *
     * @param spec the sweep the runs were planned from; null only with a {@link LocalRunExecutor}
     */
    public static Outcome run(SweepSpec spec, List<PlannedRun> runs, List<SweepDataset> datasets, ResultsStore store,
            ProgressReporter progress, RunExecutor executor) {
        List<PlannedRun> todo = new ArrayList<>();
        for (PlannedRun run : runs) {
            ResultsStore.Lookup lookup = store.lookup(run);
            if (lookup.note() != null) {
                progress.note(lookup.note());
            }
            if (!lookup.reusable()) {
                todo.add(run);
            }
        }
        progress.start(runs.size(), runs.size() - todo.size());
        AtomicInteger failed = new AtomicInteger();
        executor.execute(spec, todo, datasets, (run, status, runFile) -> {
            store.write(run.hash(), runFile);
            if (status.equals(RunResult.FAILED)) {
                failed.incrementAndGet();
            }
            progress.finished(String.format(Locale.ROOT, "B=%s lr=%s seed=%d %s", run.batchLabel(),
                    run.spec().lr(), run.seed(), status));
        });
        return new Outcome(runs.size() - todo.size(), todo.size(), failed.get());
    }

    /** Trains one run and measures it; never throws for a failure of the engine. */
    static RunFile<RunSpec, Sharpness> train(PlannedRun run, SweepDataset dataset, Map<String, TensorData> probeSets) {
        return train(run, dataset, probeSets, true);
    }

    /**
     * Trains one run and measures it, letting an exception of the engine through (for an executor that
     * retries a failed task itself and records the failure with {@link RunResult#failed} when it gives up).
     *
     * @param probeSets the probe sets built so far for {@code dataset} (filled here; thread-safe)
     */
    public static RunFile<RunSpec, Sharpness> trainOrThrow(PlannedRun run, SweepDataset dataset,
            Map<String, TensorData> probeSets) {
        return train(run, dataset, probeSets, false);
    }

    private static RunFile<RunSpec, Sharpness> train(PlannedRun run, SweepDataset dataset,
            Map<String, TensorData> probeSets, boolean recordFailure) {
        RunConfig config = run.spec().run();
        LoadedDataset data = dataset.data();
        int n = data.train().count();
        TrainingSchedule schedule = TrainingSchedule.of(config, n);
        long start = System.nanoTime();
        RunRecording recording = new RunRecording(schedule.totalSteps());
        long steps = 0;
        try {
            TensorData probe = config.probeSize() == 0 ? null : subset(probeSets, run, data, config.probeSize());
            RunOutcome outcome = run.engine().train(
                    new TrainingJob(config, data.train(), data.validation(), probe, null), recording);
            steps = outcome.steps();
            Map<String, Double> metrics = RunMetrics.of(recording, outcome.steps(), schedule);
            metrics.putAll(EdgeOfStability.of(recording.probes(), recording.learningRates(), config.optimizer()));
            String status;
            String message = null;
            Sharpness sharpness = null;
            if (outcome.status() == RunOutcome.Status.COMPLETED) {
                status = RunResult.COMPLETED;
                if (data.test() != null) {
                    metrics.put(RunMetrics.TEST_ACCURACY, outcome.model().accuracy(data.test()));
                }
                metrics.putAll(ShortcutReliance.measure(outcome.model(), data));
                metrics.putAll(GeneralizationGap.measure(outcome.model(), data));
                if (outcome.model() instanceof DifferentiableModel differentiable) {
                    SharpnessSettings settings = run.spec().sharpness();
                    sharpness = Sharpness.measure(differentiable, outcome.model().parameters(),
                            subset(probeSets, run, data, Math.min(settings.samples(), n)), settings);
                    metrics.putAll(sharpness.metrics());
                }
            } else {
                status = RunResult.DIVERGED;
                message = "the minibatch loss was not finite at step " + outcome.divergedAtStep();
            }
            String state = RunStates.of(recording, data, metrics, status.equals(RunResult.DIVERGED)).fileName();
            return RunResult.of(run, status, state, message, recording, metrics, sharpness,
                    RunCost.of(recording, steps, schedule, seconds(start)));
        } catch (RuntimeException e) {
            if (!recordFailure) {
                throw e;
            }
            return RunResult.of(run, RunResult.FAILED, null, e.toString(), recording, new java.util.TreeMap<>(), null,
                    RunCost.of(recording, steps, schedule, seconds(start)));
        }
    }

    /** @return the dataset's {@link SweepPlan#probeSet} of {@code size} samples, built once per sweep */
    private static TensorData subset(Map<String, TensorData> subsets, PlannedRun run, LoadedDataset data, int size) {
        return subsets.computeIfAbsent(run.datasetIndex() + "/" + size, k -> SweepPlan.probeSet(data.train(), size));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
