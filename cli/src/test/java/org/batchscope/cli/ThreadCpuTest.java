package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.batchscope.generator.ranges.LocalRangeRunner;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    /**
     * About 0.2 s of arithmetic on each of two worker threads shows as the workers' CPU. The process total
     * comes in whole clock ticks of 10 ms on Linux (the thread times in ns), hence the 20 ms of slack.
     */
    @Test
    void workersBusyForAWhileShowAsWorkersCpu() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        Map<String, ThreadCpu.Thread> before = ThreadCpu.snapshot();
        long processBefore = BenchTools.processCpuNanos();
        Map<String, Long> kinds;
        long process;
        try (LocalRangeRunner runner = new LocalRangeRunner(2)) {
            runner.run((start, end) -> busyFor(200_000_000L), 2, 1, 2, result -> { });
            process = BenchTools.processCpuNanos() - processBefore;
            kinds = ThreadCpu.since(before, ThreadCpu.snapshot()); // while the workers are alive, as the bench does
        }
        assertThat(kinds.keySet()).containsExactly(ThreadCpu.JIT, ThreadCpu.GC, ThreadCpu.WORKERS);
        long tick = 10_000_000L;
        assertThat(kinds.get(ThreadCpu.WORKERS)).isBetween(2 * 200_000_000L, process + 2 * tick);
        assertThat(kinds.values().stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(process + 2 * tick);
    }

    /** Spins until this thread has used {@code nanos} of CPU; @return a value that depends on the work */
    private static Long busyFor(long nanos) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long x = 1;
        while (threads.getCurrentThreadCpuTime() - start < nanos) {
            for (int i = 0; i < 1000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        return x;
    }
}
