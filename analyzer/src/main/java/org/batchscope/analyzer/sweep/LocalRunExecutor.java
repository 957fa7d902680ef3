package org.batchscope.analyzer.sweep;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.sharpness.Sharpness;
import org.batchscope.analyzer.weights.WeightsFolder;
import org.batchscope.common.WorkerPools;
import org.batchscope.common.files.RunFile;

/**
 * The default {@link RunExecutor}: one run per thread on a fixed pool of this process, each run's file
 * handed to the sink as soon as the run finishes. The pool is the executor's own, made for one sweep, or
 * one that several sweeps share ({@link #sharing}: the arms of an experiment, so that both cores stay busy
 * until the last run of the last arm). When one run fails, the sweep's runs not yet started are skipped
 * and those in training finish and reach the sink before the failure is reported, so no finished run is
 * lost and no thread writes into the results folder after the command has ended.
 */
public final class LocalRunExecutor implements RunExecutor {

    /** The name of this executor on the command line ({@code --executor local}). */
    public static final String NAME = "local";

    /** The name of this executor's worker threads. */
    public static final String THREAD_NAME = "batchscope-run";

    private final int threads;
    private final ExecutorService shared;
    private final WeightsFolder weights;

    /** @param threads runs trained at once, on a pool made for each sweep */
    public LocalRunExecutor(int threads) {
        this(threads, null, null);
    }

    /**
     * @param threads runs trained at once, on a pool made for each sweep
     * @param weights where each completed run's weights are saved ({@code --save-weights}), or null
     */
    public LocalRunExecutor(int threads, WeightsFolder weights) {
        this(threads, null, weights);
    }

    private LocalRunExecutor(int threads, ExecutorService shared, WeightsFolder weights) {
        this.threads = threads;
        this.shared = shared;
        this.weights = weights;
    }

    /**
     * @param pool a pool of {@link WorkerPools#pool} that the caller shuts down once every sweep using it
     *             has ended
     * @return an executor that trains each sweep's runs on {@code pool}
     */
    public static LocalRunExecutor sharing(ExecutorService pool) {
        return new LocalRunExecutor(0, pool, null);
    }

    @Override
    public void execute(SweepSpec spec, List<PlannedRun> runs, List<SweepDataset> datasets, Sink sink) {
        Map<String, TensorData> probeSets = new ConcurrentHashMap<>();
        ExecutorService pool = shared != null ? shared
                : WorkerPools.pool(Math.max(1, Math.min(threads, runs.size())), THREAD_NAME);
        AtomicBoolean stopped = new AtomicBoolean();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (PlannedRun run : runs) {
                futures.add(pool.submit(() -> {
                    if (stopped.get()) {
                        return;
                    }
                    RunFile<RunSpec, Sharpness> result = SweepRunner.train(run, datasets.get(run.datasetIndex()), probeSets,
                            weights);
                    sink.finished(run, result.status(), ResultsStore.content(result));
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted; rerun the same command to resume", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                // a run file that cannot be written (a full disk, a lost mount): its own line names the file
                throw new UncheckedIOException(io.getMessage(), io.getCause());
            }
            throw new IllegalStateException("cannot store a run result: " + e.getCause().getMessage(), e.getCause());
        } finally {
            stopped.set(true);
            WorkerPools.awaitAll(futures);
            if (shared == null) {
                WorkerPools.close(pool);
            }
        }
    }
}
