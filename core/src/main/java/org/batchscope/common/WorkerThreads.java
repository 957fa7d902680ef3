package org.batchscope.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Pools of daemon worker threads that a command never outlives: when a command ends, normally or by a
 * failure, every task it started has finished, so no worker still writes into an output folder whose
 * lock the command has released (a second process could take the folder meanwhile) and no staging file
 * appears after the command has cleaned up.
 */
public final class WorkerThreads {

    private WorkerThreads() {
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
     * Stops what has not started, lets what runs finish (a running task is not interrupted: an interrupt
     * closes the file channel it may be writing, which would lose a finished result) and waits for the
     * pool's threads to end. The pool takes no work afterwards.
     *
     * @param pending the tasks whose results are no longer wanted
     */
    public static void stopAndWait(ExecutorService pool, Iterable<? extends Future<?>> pending) {
        pending.forEach(future -> future.cancel(false));
        pool.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
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
}
