package org.batchscope.common;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Pools of daemon worker threads whose tasks a command never outlives: when a command ends, normally or by
 * a failure, every task it submitted has ended, so no worker still writes into an output folder whose lock
 * the command has released (a second process could take the folder meanwhile) and no staging file appears
 * after the command has cleaned up. A caller that stops early raises its own flag, which its not-yet-started
 * tasks check first, then waits for all its tasks with {@link #awaitAll}; running tasks are not interrupted
 * (an interrupt closes the file channel a task may be writing, which would lose a finished result).
 */
public final class WorkerPools {

    private WorkerPools() {
    }

    /** @return a fixed pool of {@code threads} daemon threads named {@code name}, for {@link #close} */
    public static ExecutorService pool(int threads, String name) {
        return new JoinablePool(threads, name);
    }

    /**
     * Shuts {@code pool} (one of {@link #pool}) down and waits until its threads have ended, so that a
     * command that returns leaves no worker of its own behind; its tasks have ended already ({@link #awaitAll}),
     * so the wait is short. The pool's termination alone is not enough: a worker thread still runs its own
     * exit after the pool counts it gone (a test saw three of four alive then), so the threads are joined. An
     * interrupt while waiting does not cut the wait short; it is kept for the caller.
     *
     * @throws IllegalArgumentException for a pool not made by {@link #pool}
     */
    public static void close(ExecutorService pool) {
        if (!(pool instanceof JoinablePool joinable)) {
            throw new IllegalArgumentException("not a pool of WorkerPools.pool: " + pool);
        }
        joinable.shutdown();
        waitForEach(joinable.threads, Thread::join);
    }

    /** A fixed pool that keeps the threads it made, so that {@link #close} can join them. */
    private static final class JoinablePool extends ThreadPoolExecutor {

        /** Every thread the pool made (a fixed pool makes one per core thread, and again for one that died). */
        private final List<Thread> threads = new CopyOnWriteArrayList<>();

        JoinablePool(int size, String name) {
            super(size, size, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
            setThreadFactory(task -> {
                Thread thread = new Thread(task, name);
                thread.setDaemon(true);
                threads.add(thread);
                return thread;
            });
        }
    }

    /**
     * Waits until each of {@code tasks} has ended, whatever its outcome (the caller has its results or its
     * failure already). An interrupt while waiting does not cut the wait short; it is kept for the caller.
     */
    public static void awaitAll(Iterable<? extends Future<?>> tasks) {
        waitForEach(tasks, task -> {
            try {
                task.get();
            } catch (ExecutionException | CancellationException ended) {
                // ended either way: the caller has its outcome
            }
        });
    }

    /** A wait that an interrupt can cut short. */
    @FunctionalInterface
    private interface Wait<T> {
        void on(T item) throws InterruptedException;
    }

    /**
     * Runs {@code wait} on each item until it returns without an interrupt; an interrupt meanwhile is kept
     * and set again on this thread at the end.
     */
    private static <T> void waitForEach(Iterable<? extends T> items, Wait<T> wait) {
        boolean interrupted = false;
        for (T item : items) {
            while (true) {
                try {
                    wait.on(item);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
