package org.batchscope.analyzer.sweep;

import java.util.List;

/**
 * Where the runs of a sweep are trained. {@link SweepRunner} hands an executor the runs that the results
 * folder does not hold yet; the executor trains each one somewhere (threads of this process for
 * {@link LocalRunExecutor}, tasks of a cluster for another implementation found through
 * {@link RunExecutorProvider}) and hands every finished run's file content back to the {@link Sink} on
 * this process, which writes it. Whatever the executor, a run's file is the same bytes up to its timing
 * fields, because runs are bit-reproducible from their config.
 */
public interface RunExecutor extends AutoCloseable {

    /** Receives finished runs; thread-safe, called exactly once per run handed to {@link #execute}. */
    @FunctionalInterface
    interface Sink {

        /**
         * @param run     the run
         * @param status  {@link RunResult#COMPLETED}, {@link RunResult#DIVERGED} or {@link RunResult#FAILED}
         * @param runFile the content of its run file ({@link ResultsStore#content})
         */
        void finished(PlannedRun run, String status, byte[] runFile);
    }

    /**
     * Trains every run of {@code runs} and returns when each has been handed to {@code sink}. A run whose
     * training throws is handed over as {@link RunResult#FAILED}; it does not stop the others.
     *
     * @param spec     the sweep the runs were planned from ({@link SweepPlan#plan}): an executor in another
     *                 process plans again from it and finds each run by its config hash
     * @param runs     runs of {@code SweepPlan.plan(spec, datasets)}
     * @param datasets the sweep's datasets ({@link PlannedRun#datasetIndex} indexes them)
     */
    void execute(SweepSpec spec, List<PlannedRun> runs, List<SweepDataset> datasets, Sink sink);

    /** Releases what the executor holds (threads, a cluster connection); the default holds nothing. */
    @Override
    default void close() {
    }
}
