package org.batchscope.common;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /** @return a fixed pool of {@code threads} daemon threads named {@code name} */
    public static ExecutorService pool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Shuts {@code pool} down and waits until its threads have ended, so that a command that returns leaves no
     * worker of its own behind (its tasks have ended already, see {@link #awaitAll}, so the wait is short). An
     * interrupt while waiting does not cut the wait short; it is kept for the caller.
     */
    public static void close(ExecutorService pool) {
        pool.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until each of {@code tasks} has ended, whatever its outcome (the caller has its results or its
     * failure already). An interrupt while waiting does not cut the wait short; it is kept for the caller.
     */
    public static void awaitAll(Iterable<? extends Future<?>> tasks) {
        boolean interrupted = false;
        for (Future<?> task : tasks) {
            while (true) {
                try {
                    task.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | CancellationException ended) {
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
