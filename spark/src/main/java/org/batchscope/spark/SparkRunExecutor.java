package org.batchscope.spark;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.batchscope.analyzer.sweep.PlannedRun;
import org.batchscope.analyzer.sweep.ResultsStore;
import org.batchscope.analyzer.sweep.RunExecutor;
import org.batchscope.analyzer.sweep.RunResult;
import org.batchscope.analyzer.sweep.RunSpec;
import org.batchscope.analyzer.sharpness.Sharpness;
import org.batchscope.common.files.RunFile;
import org.batchscope.analyzer.sweep.SweepDataset;
import org.batchscope.analyzer.sweep.SweepSpec;
import org.batchscope.common.Json;

/**
 * Trains the runs of a sweep on a Spark cluster. Each run is its own Spark job of one task
 * ({@link RunTask}), submitted asynchronously in plan order (Spark's FIFO scheduler starts them in that
 * order as executor cores free up), so that a task Spark gives up on fails its own run only: after
 * {@code spark.task.maxFailures} attempts (default 4 on a cluster; {@code local[N,F]} for F attempts in
 * local mode) the run is recorded as {@code failed} with Spark's reason, as a run that throws is in the
 * local executor, and the sweep goes on. A task lost with its executor (a worker that dies) is rerun by
 * Spark elsewhere and does not count as a failure. Spark hands each job's result to the driver once, and
 * the driver writes each run's file when its job ends, so a killed driver loses only unfinished runs.
 * The Spark context starts at the first {@link #execute} with work and stops at {@link #close}.
 */
final class SparkRunExecutor implements RunExecutor {

    /** How often the driver looks for finished jobs, in milliseconds. */
    private static final long POLL_MILLIS = 50;

    private final String master;
    private final PrintWriter err;
    private final LazySparkContext context;

    SparkRunExecutor(String master, PrintWriter err) {
        this.master = master;
        this.err = err;
        this.context = new LazySparkContext(master, "batchscope analyze");
    }

    @Override
    public void execute(SweepSpec spec, List<PlannedRun> runs, List<SweepDataset> datasets, Sink sink) {
        if (runs.isEmpty()) {
            return;
        }
        boolean local = SparkContexts.isLocal(master);
        List<DatasetSource> sources = datasets.stream().map(DatasetSource::of).toList();
        sources.forEach(source -> err.println("spark: " + source.describe(local)));
        err.flush();
        JavaSparkContext sc = context.get();
        err.printf(Locale.ROOT, "spark: %d runs as %d jobs of one task on %s (Spark %s, application %s)%n",
                runs.size(), runs.size(), master, sc.version(), sc.sc().applicationId());
        err.flush();
        String specJson = new String(Json.toBytes(spec), StandardCharsets.UTF_8);
        Map<JavaFutureAction<List<TaskOutcome>>, PlannedRun> pending = new LinkedHashMap<>();
        for (PlannedRun run : runs) {
            RunTask task = new RunTask(specJson, sources.get(run.datasetIndex()), run.hash());
            sc.setJobDescription("batchscope run " + run.hash().substring(0, 12) + " B=" + run.batchLabel()
                    + " lr=" + run.spec().lr() + " seed=" + run.seed());
            pending.put(sc.parallelize(List.of(task), 1).map(RunTask::call).collectAsync(), run);
        }
        Set<String> origins = new TreeSet<>();
        try {
            while (!pending.isEmpty()) {
                boolean progressed = false;
                for (Iterator<Map.Entry<JavaFutureAction<List<TaskOutcome>>, PlannedRun>> it =
                        pending.entrySet().iterator(); it.hasNext();) {
                    Map.Entry<JavaFutureAction<List<TaskOutcome>>, PlannedRun> entry = it.next();
                    if (entry.getKey().isDone()) {
                        it.remove();
                        progressed = true;
                        finish(entry.getValue(), entry.getKey(), sink, origins);
                    }
                }
                if (!progressed) {
                    Thread.sleep(POLL_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sc.cancelAllJobs();
            throw new IllegalStateException("sweep interrupted; rerun the same command to resume", e);
        }
        err.println("spark: data on the executors: " + String.join("; ", origins));
        err.flush();
    }

    private void finish(PlannedRun run, JavaFutureAction<List<TaskOutcome>> job, Sink sink, Set<String> origins)
            throws InterruptedException {
        try {
            TaskOutcome outcome = job.get().get(0);
            origins.add(outcome.executor() + " " + outcome.dataOrigin().name().toLowerCase(Locale.ROOT));
            sink.finished(run, outcome.status(), outcome.runFile());
        } catch (ExecutionException e) {
            if (context.get().sc().isStopped()) {
                throw new IllegalStateException("the Spark context stopped (" + firstLine(e.getCause())
                        + "); rerun the same command to resume", e.getCause());
            }
            RunFile<RunSpec, Sharpness> failed = RunResult.failed(run, "Spark gave up on the run's task: " + firstLine(e.getCause()));
            sink.finished(run, RunResult.FAILED, ResultsStore.content(failed));
        }
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    @Override
    public void close() {
        context.close();
    }
}
