package org.batchscope.analyzer.sweep;

import java.nio.file.Path;
import java.util.List;
import org.batchscope.analyzer.weights.WeightsFolder;

/**
 * A whole sweep: plan the grid, train what the results folder lacks, then write the summary and the
 * verdict. Running it again with the same arguments trains nothing new and rewrites the same summary.
 */
public final class Sweep {

    /**
     * What a sweep did.
     *
     * @param runs    runs in the grid
     * @param outcome what this invocation trained
     * @param verdict the verdict lines
     * @param summary the gathered results
     */
    public record Result(int runs, SweepRunner.Outcome outcome, List<String> verdict, SweepSummary summary) {
    }

    private Sweep() {
    }

    /**
     * @param out      the results folder
     * @param progress told of the sweep's progress ({@link PlainProgress} for plain lines)
     */
    public static Result run(SweepSpec spec, List<SweepDataset> datasets, Path out, ProgressReporter progress) {
        return run(spec, datasets, out, progress, new LocalRunExecutor(spec.threads()));
    }

    /** As {@link #run(SweepSpec, List, Path, ProgressReporter)}, training the runs on {@code executor}. */
    public static Result run(SweepSpec spec, List<SweepDataset> datasets, Path out, ProgressReporter progress,
            RunExecutor executor) {
        return run(spec, datasets, out, progress, executor, null);
    }

    /**
     * As {@link #run(SweepSpec, List, Path, ProgressReporter, RunExecutor)}, saving every completed run's
     * weights into {@code weights} ({@code analyze --save-weights}; see {@link SweepRunner#run}).
     *
     * @param executor a {@link LocalRunExecutor} built with {@code weights}, when {@code weights} is not null
     */
    public static Result run(SweepSpec spec, List<SweepDataset> datasets, Path out, ProgressReporter progress,
            RunExecutor executor, WeightsFolder weights) {
        List<PlannedRun> runs = SweepPlan.plan(spec, datasets);
        ResultsStore store = new ResultsStore(out);
        SweepRunner.Outcome outcome = SweepRunner.run(spec, runs, datasets, store, progress, executor, weights);
        SweepSummary summary = SweepSummary.gather(runs, datasets, store, spec.targetAccuracy());
        List<String> verdict = SummaryWriter.write(out, spec, summary);
        return new Result(runs.size(), outcome, verdict, summary);
    }
}
