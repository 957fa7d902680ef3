package org.batchscope.generator.ranges;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.batchscope.common.WorkerPools;

/**
 * Runs ranges on a fixed pool of daemon threads of this process, keeping at most {@code inFlight}
 * submitted ranges ahead of the one the caller waits for. When a range fails, the ranges not yet started
 * are skipped and those already running finish before the failure reaches the caller, so none writes
 * after the caller has cleaned up.
 */
public final class LocalRangeRunner implements RangeRunner {

    /** The name of this runner for {@code --executor}. */
    public static final String NAME = "local";

    /** The name of this runner's worker threads. */
    public static final String THREAD_NAME = "batchscope-ranges";

    private final ExecutorService pool;

    /** @param threads worker threads */
    public LocalRangeRunner(int threads) {
        this.pool = WorkerPools.pool(threads, THREAD_NAME);
    }

    @Override
    public <R extends Serializable> void run(RangeTask<R> task, long samples, int rangeSize, int inFlight,
            Consumer<R> inOrder) {
        Deque<Future<R>> window = new ArrayDeque<>();
        AtomicBoolean stopped = new AtomicBoolean();
        long next = 0;
        try {
            while (next < samples || !window.isEmpty()) {
                while (next < samples && window.size() < inFlight) {
                    long start = next;
                    long end = Math.min(samples, start + rangeSize);
                    window.add(pool.submit(() -> stopped.get() ? null : task.apply(start, end)));
                    next = end;
                }
                inOrder.accept(window.poll().get());
            }
        } catch (InterruptedException e) {
            stopAndWait(stopped, window);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            stopAndWait(stopped, window);
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (RuntimeException e) {
            stopAndWait(stopped, window);
            throw e;
        }
    }

    private static void stopAndWait(AtomicBoolean stopped, Deque<? extends Future<?>> window) {
        stopped.set(true);
        WorkerPools.awaitAll(window);
    }

    @Override
    public void close() {
        WorkerPools.close(pool);
    }
}
