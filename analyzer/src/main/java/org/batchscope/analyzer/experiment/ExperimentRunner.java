package org.batchscope.analyzer.experiment;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.batchscope.analyzer.data.DatasetLoader;
import org.batchscope.analyzer.data.LoadOptions;
import org.batchscope.analyzer.data.LoadedDataset;
import org.batchscope.analyzer.sweep.LocalRunExecutor;
import org.batchscope.analyzer.sweep.ProgressReporter;
import org.batchscope.analyzer.sweep.SpecVariants;
import org.batchscope.analyzer.sweep.Sweep;
import org.batchscope.analyzer.sweep.SweepDataset;
import org.batchscope.analyzer.sweep.SweepSummary;
import org.batchscope.common.Json;
import org.batchscope.common.WorkerPools;
import org.batchscope.common.ToolVersion;

/**
 * Runs an experiment: generates each dataset once into {@code <out>/datasets/<name>/}, runs the arms'
 * sweeps at once on one pool of workers, each into {@code <out>/arms/<arm>/} (the analyze sweep:
 * resumable, one run file per run), judges the results and writes {@code <out>/experiment.json} last,
 * atomically.
 */
public final class ExperimentRunner {

    /** The sub-folder of the experiment folder that holds the arms' results folders. */
    public static final String ARMS = "arms";

    private ExperimentRunner() {
    }

    /**
     * @param progress told of each arm's sweep ({@link org.batchscope.analyzer.sweep.PlainProgress} for plain lines)
     * @return what was written to experiment.json
     */
    public static ExperimentResult run(Experiment experiment, Scale scale, Path out, int threads, PrintWriter err,
            ProgressReporter progress) {
        List<Arm> arms = experiment.arms(scale, threads);
        Map<String, SweepDataset> datasets = new LinkedHashMap<>();
        for (Arm arm : arms) {
            DatasetRecipe recipe = arm.dataset();
            if (!datasets.containsKey(recipe.name())) {
                Path folder = out.resolve(SpecVariants.DATASETS).resolve(recipe.name());
                SpecVariants.ensureGenerated(recipe.spec(), folder, threads, err);
                LoadOptions options = LoadOptions.defaults();
                LoadedDataset loaded = DatasetLoader.load(folder, options);
                datasets.put(recipe.name(), new SweepDataset(loaded, recipe.ratio(), options));
            }
        }
        for (Arm arm : arms) {
            err.println("arm " + arm.name() + ": " + arm.description());
        }
        err.flush();
        List<Sweep.Result> swept = sweepArmsAtOnce(arms, datasets, out, threads, progress);
        Map<String, SweepSummary> summaries = new LinkedHashMap<>();
        List<ExperimentResult.ArmRecord> records = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) {
            Arm arm = arms.get(i);
            summaries.put(arm.name(), swept.get(i).summary());
            records.add(new ExperimentResult.ArmRecord(arm.name(), arm.description(), arm.dataset().name(),
                    ARMS + "/" + arm.name(), swept.get(i).runs(), 0));
        }
        ArmResults results = new ArmResults(summaries);
        List<ExperimentResult.ArmRecord> counted = records.stream().map(r -> new ExperimentResult.ArmRecord(r.name(),
                r.description(), r.dataset(), r.folder(), r.runs(), results.unfinished(r.name()))).toList();
        Judgement judgement = experiment.judge(results);
        ExperimentResult written = new ExperimentResult(ExperimentResult.SCHEMA_VERSION, ToolVersion.version(),
                experiment.name(), experiment.claim(), experiment.source(), scale.cliName(), counted,
                judgement.claims(), judgement.chart(), judgement.notes());
        Json.write(out.resolve(ExperimentResult.FILE), written);
        return written;
    }

    /**
     * Runs every arm's sweep at once, all training on one pool of {@code threads} workers, so that no core
     * idles while one arm waits for its last run and another has runs left. Each arm still writes its own
     * results folder (run files, summary) as a sweep of its own. When an arm fails, the other arms finish
     * before the failure is reported, so their finished runs are kept.
     *
     * @return each arm's sweep result, in the order of {@code arms}
     */
    private static List<Sweep.Result> sweepArmsAtOnce(List<Arm> arms, Map<String, SweepDataset> datasets, Path out,
            int threads, ProgressReporter progress) {
        ExecutorService runs = WorkerPools.pool(threads, LocalRunExecutor.THREAD_NAME);
        ExecutorService armSweeps = WorkerPools.pool(arms.size(), "batchscope-arm");
        ArmsProgress combined = new ArmsProgress(progress, arms.size());
        List<Future<Sweep.Result>> futures = new ArrayList<>();
        try {
            for (Arm arm : arms) {
                futures.add(armSweeps.submit(() -> Sweep.run(arm.sweep(), List.of(datasets.get(arm.dataset().name())),
                        out.resolve(ARMS).resolve(arm.name()), combined.forArm(arm.name()),
                        LocalRunExecutor.sharing(runs))));
            }
            List<Sweep.Result> results = new ArrayList<>();
            for (Future<Sweep.Result> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("experiment interrupted; rerun the same command to resume", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            WorkerPools.awaitAll(futures);
            WorkerPools.close(armSweeps);
            WorkerPools.close(runs);
        }
    }
}
