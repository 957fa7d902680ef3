package org.batchscope.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** What the {@code bench} commands share: process CPU time and removal of their scratch folders. */
final class BenchTools {

    private BenchTools() {
    }

    /** @return CPU time of the whole process (all threads, user and system, JIT and GC included) in ns; 0 if unknown */
    static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** The process CPU clock's tick on Linux (USER_HZ = 100): a shorter piece of work can read 0 s. */
    static final double CPU_TICK_SECONDS = 0.01;

    /**
     * A process CPU time read as the difference of two {@link #processCpuNanos} readings, which count whole
     * ticks of {@link #CPU_TICK_SECONDS}: when no tick passed, {@link #seconds} is the tick and the figures
     * made from it are bounds, said with {@link #under} and {@link #over}, not a CPU time of 0 and an
     * infinite rate.
     *
     * @param seconds   the CPU seconds, or the tick when {@code belowTick}
     * @param belowTick whether the clock saw no tick
     */
    record CpuReading(double seconds, boolean belowTick) {

        /** @return the reading of {@code nanos} CPU nanoseconds (0 when the clock saw no tick) */
        static CpuReading of(long nanos) {
            return nanos > 0 ? new CpuReading(nanos / 1e9, false) : new CpuReading(CPU_TICK_SECONDS, true);
        }

        /** @return "under " before a time made from this reading when it is a bound, else "" */
        String under() {
            return belowTick ? "under " : "";
        }

        /** @return "over " before a rate made from this reading when it is a bound, else "" */
        String over() {
            return belowTick ? "over " : "";
        }
    }

    /**
     * @return the process's system (kernel) CPU time in ns, from field 15 ({@code stime}, in clock ticks of
     *         1/100 s, Linux's USER_HZ) of {@code /proc/self/stat}; -1 where there is no such file (not Linux)
     */
    static long processSystemNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // fields after the command name, which is in parentheses and may hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[12]) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Deletes {@code root} and everything under it. */
    static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
