package org.batchscope.spark;

import java.io.Serializable;
import org.apache.spark.SparkEnv;
import org.batchscope.analyzer.sweep.PlannedRun;
import org.batchscope.analyzer.sweep.ResultsStore;
import org.batchscope.analyzer.sweep.RunSpec;
import org.batchscope.analyzer.sweep.SweepRunner;
import org.batchscope.analyzer.sharpness.Sharpness;
import org.batchscope.common.files.RunFile;

/**
 * One planned run as a Spark task: on the executor, get the dataset ({@link ExecutorDatasets}), plan the
 * sweep again from its spec, pick the run by config hash and train it with the same code as the local
 * executor ({@link SweepRunner#trainOrThrow}). An exception of the engine fails the task, so Spark
 * retries it; a diverging run is a result, not a failure.
 *
 * @param sweepSpec the sweep spec's canonical JSON
 * @param dataset   where the run's dataset is
 * @param hash      the run's config hash
 */
record RunTask(String sweepSpec, DatasetSource dataset, String hash) implements Serializable {

    /** @return the trained run's file content and how the data came */
    TaskOutcome call() {
        ExecutorDatasets.Held held = ExecutorDatasets.obtain(dataset);
        PlannedRun run = held.plannedRun(sweepSpec, hash);
        RunFile<RunSpec, Sharpness> result = SweepRunner.trainOrThrow(run, held.dataset(), held.probeSets());
        SparkEnv env = SparkEnv.get();
        return new TaskOutcome(result.status(), ResultsStore.content(result), held.origin(),
                (env == null ? "?" : env.executorId()) + "@" + ExecutorDatasets.host());
    }
}
