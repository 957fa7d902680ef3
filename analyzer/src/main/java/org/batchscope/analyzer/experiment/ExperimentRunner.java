package org.batchscope.analyzer.experiment;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batchscope.analyzer.data.DatasetLoader;
import org.batchscope.analyzer.data.LoadOptions;
import org.batchscope.analyzer.data.LoadedDataset;
import org.batchscope.analyzer.sweep.SpecVariants;
import org.batchscope.analyzer.sweep.ProgressReporter;
import org.batchscope.analyzer.sweep.Sweep;
import org.batchscope.analyzer.sweep.SweepDataset;
import org.batchscope.analyzer.sweep.SweepSummary;
import org.batchscope.common.Json;
import org.batchscope.common.ToolVersion;

/**
 * Runs an experiment: generates each dataset once into {@code <out>/datasets/<name>/}, runs each arm's
 * sweep into {@code <out>/arms/<arm>/} (the analyze sweep: resumable, one run file per run), judges the
 * results and writes {@code <out>/experiment.json} last, atomically.
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
        Map<String, SweepSummary> summaries = new LinkedHashMap<>();
        List<ExperimentResult.ArmRecord> records = new ArrayList<>();
        for (Arm arm : arms) {
            err.println("arm " + arm.name() + ": " + arm.description());
            err.flush();
            Path folder = out.resolve(ARMS).resolve(arm.name());
            Sweep.Result result = Sweep.run(arm.sweep(), List.of(datasets.get(arm.dataset().name())), folder,
                    progress);
            summaries.put(arm.name(), result.summary());
            records.add(new ExperimentResult.ArmRecord(arm.name(), arm.description(), arm.dataset().name(),
                    ARMS + "/" + arm.name(), result.runs(), 0));
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
}
