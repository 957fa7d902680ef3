package org.batchscope.analyzer.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.batchscope.analyzer.data.LoadedDataset;
import org.batchscope.analyzer.engine.BlasKernel;
import org.batchscope.analyzer.engine.DifferentiableModel;
import org.batchscope.analyzer.engine.RunConfig;
import org.batchscope.analyzer.engine.RunOutcome;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainingJob;
import org.batchscope.analyzer.engine.TrainedModel;
import org.batchscope.analyzer.engine.TrainingSchedule;
import org.batchscope.analyzer.sharpness.EpsilonSharpness;
import org.batchscope.analyzer.sharpness.Lanczos;
import org.batchscope.analyzer.sharpness.Sharpness;
import org.batchscope.analyzer.sharpness.SharpnessSettings;
import org.batchscope.analyzer.weights.WeightsFile;
import org.batchscope.analyzer.weights.WeightsFolder;
import org.batchscope.common.files.RunFile;

/**
 * Executes the runs of a plan that the store does not hold yet on a {@link RunExecutor} (by default
 * {@link LocalRunExecutor}: one run per thread on a fixed pool), writing each result as soon as it comes back
 * (first, one note per kernel setting when runs were planned with unpinned OpenBLAS kernels, {@link BlasKernel}). A stored run is reused only when it is done and was made by
 * the same engine at the same version ({@link ResultsStore#lookup}); otherwise it is trained again, with
 * one line on stderr saying why. A run that throws is stored as {@code failed} with the
 * exception's text and the sweep goes on; a run whose loss stops being finite is stored as
 * {@code diverged}. A completed run is then measured further: test accuracy, {@link ShortcutReliance},
 * {@link GeneralizationGap} and, when its model is a {@link DifferentiableModel} (the lean engine's are),
 * {@link Sharpness} with the run's settings ({@link RunSpec#sharpness()}) on the first min(samples, n) samples of the probe-set order
 * ({@link SweepPlan#probeSet}). Evaluations during training score the first {@link RunSpec#trainEvalSamples()}
 * samples of that order and the validation split, whole or (with {@link RunSpec#validationSamples()}) the first
 * samples of the same permutation of it; the end-of-run train accuracy and loss score the first
 * {@link RunSpec#gapSamples()} of it, or the whole training set. The time of each measuring phase goes to the run
 * file's {@code timing.analysis_seconds} ({@link RunCost}). Every completed or diverged run gets its {@link RunStates state}.
 * With a {@link WeightsFolder} ({@code --save-weights}) a completed run's final parameters and its sharpness
 * samples are saved there too, after its measures. Because engines are bit-reproducible from the job and each result depends only on
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

    /** Recorded in every {@code weights.json}: which samples the sharpness and the saved curvature use. */
    public static final String CURVATURE_SELECTION = "the first min(config.sharpness.samples, n) of the n training"
            + " samples in the order BatchPlan.epochOrder(seed 0, epoch 0, n), the order the gradient probe set"
            + " is taken from";

    /** Runs what is left of {@code runs} on {@code threads} threads of this process (which need no spec). */
    public static Outcome run(List<PlannedRun> runs, List<SweepDataset> datasets, ResultsStore store,
            ProgressReporter progress, int threads) {
        return run(null, runs, datasets, store, progress, new LocalRunExecutor(threads));
    }

    /** As {@link #run(SweepSpec, List, List, ResultsStore, ProgressReporter, RunExecutor, WeightsFolder)}, saving no weights. */
    public static Outcome run(SweepSpec spec, List<PlannedRun> runs, List<SweepDataset> datasets, ResultsStore store,
            ProgressReporter progress, RunExecutor executor) {
        return run(spec, runs, datasets, store, progress, executor, null);
    }

    /**
     * Runs what is left of {@code runs} (planned from {@code spec}) on {@code executor}, writing each run's
     * file as it comes back.
     *
     * @param spec    the sweep the runs were planned from; null only with a {@link LocalRunExecutor}
     * @param weights where {@code executor} saves each completed run's weights (a {@link LocalRunExecutor}
     *                built with the same folder), or null when none are saved. A stored completed run
     *                whose weights are missing there is trained again (bit-reproducible, so to the same
     *                weights and run file up to timing), with one line on stderr.
     */
    public static Outcome run(SweepSpec spec, List<PlannedRun> runs, List<SweepDataset> datasets, ResultsStore store,
            ProgressReporter progress, RunExecutor executor, WeightsFolder weights) {
        runs.stream().map(run -> run.spec().engineSettings().get(BlasKernel.SETTING)).filter(Objects::nonNull)
                .distinct().forEach(kernels -> progress.note("OpenBLAS kernels not pinned (" + kernels + "): these runs"
                        + " record it in engine_settings, so they are hashed apart from runs of the pinned kernels and"
                        + " are not the same bits as runs on other machines; the ./batchscope launcher sets "
                        + BlasKernel.VARIABLE + "=" + BlasKernel.PINNED));
        List<PlannedRun> todo = new ArrayList<>();
        for (PlannedRun run : runs) {
            ResultsStore.Lookup lookup = store.lookup(run);
            if (lookup.note() != null) {
                progress.note(lookup.note());
            }
            if (!lookup.reusable()) {
                todo.add(run);
            } else if (weights != null && !weights.isSaved(run.hash())
                    && store.read(run.hash()).map(RunFile::completed).orElse(false)) {
                progress.note(ResultsStore.RUNS + "/" + run.hash() + ".json: its weights are not in "
                        + WeightsFolder.FOLDER + "/; training it again to save them (--save-weights)");
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

    /**
     * Trains one run and measures it; never throws for a failure of the engine.
     *
     * @param weights where to save the run's weights when it completes, or null
     * @throws java.io.UncheckedIOException when its weights cannot be written
     */
    static RunFile<RunSpec, Sharpness> train(PlannedRun run, SweepDataset dataset, Map<String, TensorData> probeSets,
            WeightsFolder weights) {
        return train(run, dataset, probeSets, true, weights);
    }

    /**
     * Trains one run and measures it, letting an exception of the engine through (for an executor that
     * retries a failed task itself and records the failure with {@link RunResult#failed} when it gives up).
     *
     * @param probeSets the probe sets built so far for {@code dataset} (filled here; thread-safe)
     */
    public static RunFile<RunSpec, Sharpness> trainOrThrow(PlannedRun run, SweepDataset dataset,
            Map<String, TensorData> probeSets) {
        return train(run, dataset, probeSets, false, null);
    }

    private static RunFile<RunSpec, Sharpness> train(PlannedRun run, SweepDataset dataset,
            Map<String, TensorData> probeSets, boolean recordFailure, WeightsFolder weights) {
        RunConfig config = run.spec().run();
        LoadedDataset data = dataset.data();
        int n = data.train().count();
        TrainingSchedule schedule = TrainingSchedule.of(config, n);
        long start = System.nanoTime();
        RunRecording recording = new RunRecording(schedule.totalSteps());
        AnalysisClock clock = new AnalysisClock();
        long steps = 0;
        WeightsFolder.RunWeights saved = null;
        RunFile<RunSpec, Sharpness> result;
        try {
            TensorData probe = config.probeSize() == 0 ? null
                    : subset(probeSets, run, "train", data.train(), config.probeSize());
            int evaluated = run.spec().trainEvalSamples();
            TensorData trainEvaluation = evaluated == n ? data.train()
                    : subset(probeSets, run, "train", data.train(), evaluated);
            Integer validationSamples = run.spec().validationSamples();
            TensorData validation = validationSamples == null ? data.validation()
                    : subset(probeSets, run, "validation", data.validation(), validationSamples);
            RunOutcome outcome = run.engine().train(
                    new TrainingJob(config, data.train(), validation, probe, null, trainEvaluation), recording);
            steps = outcome.steps();
            Map<String, Double> metrics = RunMetrics.of(recording, outcome.steps(), schedule);
            metrics.putAll(EdgeOfStability.of(recording.probes(), recording.learningRates(), config.optimizer()));
            String status;
            String message = null;
            Sharpness sharpness = null;
            if (outcome.status() == RunOutcome.Status.COMPLETED) {
                status = RunResult.COMPLETED;
                TrainedModel model = outcome.model();
                Integer gapSamples = run.spec().gapSamples();
                TensorData gapSet = gapSamples == null ? data.train()
                        : subset(probeSets, run, "train", data.train(), gapSamples);
                metrics.putAll(clock.time(RunCost.Phase.SCORING, () -> scores(new ScoredModel(model), gapSet, data)));
                if (model instanceof DifferentiableModel differentiable) {
                    SharpnessSettings settings = run.spec().sharpness();
                    TensorData samples = subset(probeSets, run, "train", data.train(),
                            Math.min(settings.samples(), n));
                    float[] x = model.parameters();
                    EpsilonSharpness.Result eps = clock.time(RunCost.Phase.EPS_SHARPNESS,
                            () -> Sharpness.epsilon(differentiable, x, samples, settings));
                    Lanczos.Result top = clock.time(RunCost.Phase.LANCZOS,
                            () -> Sharpness.topEigenvalue(differentiable, x, samples, settings));
                    sharpness = Sharpness.of(eps, top, settings, samples.count());
                    metrics.putAll(sharpness.metrics());
                }
                if (weights != null) {
                    saved = weightsOf(run, dataset, model, sharpness);
                }
            } else {
                status = RunResult.DIVERGED;
                message = "the minibatch loss was not finite at step " + outcome.divergedAtStep();
            }
            String state = RunStates.of(recording, validation.count(), data.chance(), metrics,
                    status.equals(RunResult.DIVERGED)).fileName();
            result = RunResult.of(run, status, state, message, recording, metrics, sharpness,
                    RunCost.of(recording, clock.seconds(), steps, schedule, seconds(start)));
        } catch (RuntimeException e) {
            if (!recordFailure) {
                throw e;
            }
            return RunResult.of(run, RunResult.FAILED, null, e.toString(), recording, new java.util.TreeMap<>(), null,
                    RunCost.of(recording, clock.seconds(), steps, schedule, seconds(start)));
        }
        if (saved != null) {
            // outside the engine's failure handling: a file that cannot be written stops the sweep, like a run file
            weights.save(saved);
        }
        return result;
    }

    /**
     * @return what {@link WeightsFolder} saves of a completed run: its final parameters, the sharpness
     *         samples ({@link #CURVATURE_SELECTION}) with the engine's mean loss on them, and its sharpness
     */
    private static WeightsFolder.RunWeights weightsOf(PlannedRun run, SweepDataset dataset, TrainedModel model,
            Sharpness sharpness) {
        LoadedDataset data = dataset.data();
        int n = data.train().count();
        int[] indices = SweepPlan.probeIndices(n, Math.min(run.spec().sharpness().samples(), n));
        return new WeightsFolder.RunWeights(run.hash(), run.engine().name(), run.spec().run().model(),
                model.parameters(), new WeightsFile.Dataset(data.source(), data.contentSha256(), data.kind()),
                data.train(), indices, CURVATURE_SELECTION, model.meanLoss(data.train().select(indices)), sharpness);
    }

    /**
     * @return test accuracy, {@link ShortcutReliance} and {@link GeneralizationGap} of a trained model (a
     *         {@link ScoredModel}, so that each set is scored once)
     */
    private static Map<String, Double> scores(TrainedModel model, TensorData gapSet, LoadedDataset data) {
        Map<String, Double> scores = new java.util.TreeMap<>();
        if (data.test() != null) {
            scores.put(RunMetrics.TEST_ACCURACY, model.accuracy(data.test()));
        }
        scores.putAll(ShortcutReliance.measure(model, data));
        scores.putAll(GeneralizationGap.measure(model, gapSet, data));
        return scores;
    }

    /**
     * @param splitName the split's name in the cache key ({@code train} or {@code validation})
     * @return the {@link SweepPlan#probeSet} of {@code size} samples of one split of the run's dataset, built once
     *         per sweep
     */
    private static TensorData subset(Map<String, TensorData> subsets, PlannedRun run, String splitName,
            TensorData split, int size) {
        return subsets.computeIfAbsent(run.datasetIndex() + "/" + splitName + "/" + size,
                k -> SweepPlan.probeSet(split, size));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
