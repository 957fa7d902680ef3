package org.batchscope.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.batchscope.generator.ranges.LocalRangeRunner;

/**
 * CPU time of this process's threads by kind, for the {@code bench} commands to say where a run's CPU went:
 * the JIT compilers ({@code C1 CompilerThread*}, {@code C2 CompilerThread*}), the garbage collector
 * ({@code GC Thread*}, {@code G1 *}) and the generator's workers (threads named
 * {@value LocalRangeRunner#THREAD_NAME}). Read on Linux from {@code /proc/self/task/<tid>/comm} (the
 * thread name, cut to 15 characters) and {@code /proc/self/task/<tid>/schedstat} (first field: time on a
 * CPU in ns); empty elsewhere. A thread that ends between two snapshots (the JVM stops idle compiler
 * threads) is missing from the later one: its time after the first snapshot is not counted in any kind,
 * so a caller takes the rest as the process total minus the kinds.
 */
final class ThreadCpu {

    /** The kinds, in print order. */
    static final String JIT = "JIT compilers";
    static final String GC = "GC";
    static final String WORKERS = "workers";

    /** What {@code comm} keeps of the workers' names: Linux cuts thread names to 15 characters. */
    private static final String WORKER_PREFIX = LocalRangeRunner.THREAD_NAME.substring(0,
            Math.min(15, LocalRangeRunner.THREAD_NAME.length()));

    /** One thread's kind and CPU time so far. */
    record Thread(String kind, long nanos) {
    }

    private ThreadCpu() {
    }

    /** @return per thread id of a named kind, its kind and CPU ns so far; empty if unknown (not Linux) */
    static Map<String, Thread> snapshot() {
        Map<String, Thread> threads = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String kind = kind(Files.readString(task.resolve("comm")).trim());
                    if (kind != null) {
                        String schedstat = Files.readString(task.resolve("schedstat")).trim();
                        threads.put(task.getFileName().toString(),
                                new Thread(kind, Long.parseLong(schedstat.split(" ")[0])));
                    }
                } catch (IOException e) {
                    // the thread ended while being read
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return threads;
    }

    /** @return per kind ({@link #JIT}, {@link #GC}, {@link #WORKERS}, in that order), the CPU ns between the snapshots */
    static Map<String, Long> since(Map<String, Thread> before, Map<String, Thread> after) {
        Map<String, Long> kinds = new LinkedHashMap<>();
        for (String kind : new String[] {JIT, GC, WORKERS}) {
            kinds.put(kind, 0L);
        }
        after.forEach((tid, thread) -> {
            Thread earlier = before.get(tid);
            kinds.merge(thread.kind(), thread.nanos() - (earlier == null ? 0 : earlier.nanos()), Long::sum);
        });
        return kinds;
    }

    private static String kind(String name) {
        if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            return JIT;
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            return GC;
        }
        return name.startsWith(WORKER_PREFIX) ? WORKERS : null;
    }
}
