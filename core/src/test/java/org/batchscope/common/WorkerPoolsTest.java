package org.batchscope.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A pool closed after its tasks leaves no thread of its own alive, and keeps an interrupt for the caller. */
class WorkerPoolsTest {

    private static final String NAME = "worker-pools-test";

    private static List<Thread> alive() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(NAME)).toList();
    }

    @Test
    void closeReturnsOnlyWhenThePoolsThreadsHaveEnded() {
        for (int round = 0; round < 20; round++) {
            ExecutorService pool = WorkerPools.pool(4, NAME);
            AtomicInteger done = new AtomicInteger();
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                tasks.add(pool.submit(done::incrementAndGet));
            }
            WorkerPools.awaitAll(tasks);
            WorkerPools.close(pool);
            assertThat(done.get()).isEqualTo(16);
            assertThat(pool.isTerminated()).isTrue();
            assertThat(alive()).as("round " + round).isEmpty();
        }
    }

    @Test
    void anInterruptDuringTheWaitIsKeptForTheCaller() {
        ExecutorService pool = WorkerPools.pool(1, NAME);
        WorkerPools.awaitAll(List.of(pool.submit(() -> { })));
        Thread.currentThread().interrupt();
        WorkerPools.close(pool);
        assertThat(Thread.interrupted()).isTrue();
        assertThat(pool.isTerminated()).isTrue();
    }
}
