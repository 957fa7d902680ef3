package org.batchscope.generator.ranges;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs ranges on a fixed pool of daemon threads of this process, keeping at most {@code inFlight}
 * submitted ranges ahead of the one the caller waits for.
 */
public final class LocalRangeRunner implements RangeRunner {

    /** The name of this runner for {@code --executor}. */
    public static final String NAME = "local";

    private final ExecutorService pool;

    /** @param threads worker threads */
    public LocalRangeRunner(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "batchscope-ranges");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public <R extends Serializable> void run(RangeTask<R> task, long samples, int rangeSize, int inFlight,
            Consumer<R> inOrder) {
        Deque<Future<R>> window = new ArrayDeque<>();
        long next = 0;
        try {
            while (next < samples || !window.isEmpty()) {
                while (next < samples && window.size() < inFlight) {
                    long start = next;
                    long end = Math.min(samples, start + rangeSize);
                    window.add(pool.submit(() -> task.apply(start, end)));
                    next = end;
                }
                inOrder.accept(window.poll().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            window.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (RuntimeException e) {
            window.forEach(f -> f.cancel(true));
            throw e;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
