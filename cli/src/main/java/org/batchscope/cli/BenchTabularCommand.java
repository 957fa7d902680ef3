package org.batchscope.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.batchscope.common.BadInputException;
import org.batchscope.generator.tabular.TabularGenerator;
import org.batchscope.generator.spec.TabularSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code batchscope bench tabular}: rows per second of {@code generate tabular} writing CSV only, for a
 * table of {@code --rows} rows and {@code --columns} columns (4 informative, 2 redundant, one factor block
 * of the rest), timed from the start of generation to the last CSV row written (JVM start-up excluded), and
 * separately to the end of manifest.json, whose SHA-256 checksums re-read every file. With
 * {@code --python} it also runs {@code bench/sklearn_peer.py} (make_classification + pandas to_csv, same
 * shape, imports excluded) with {@code /usr/bin/python3} and prints both figures and their ratio.
 * Besides wall-clock rows/s it prints rows per CPU-second of the whole process (all threads), a figure
 * less sensitive to other work on a shared machine.
 */
@Command(name = "tabular",
        mixinStandardHelpOptions = true,
        description = "Rows/s of table generation to CSV; with --python, side by side with scikit-learn + pandas.")
public final class BenchTabularCommand implements Callable<Integer> {

    private static final PythonPeer PEER = new PythonPeer("bench/sklearn_peer.py", "python peer",
            "python3-sklearn python3-pandas");

    @Spec
    CommandSpec command;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "1000000", description = "Rows (default ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--columns", paramLabel = "C", defaultValue = "20", description = "Feature columns, at least 7 (default ${DEFAULT-VALUE}).")
    int columns;

    @Mixin
    WorkerThreads threads;

    @Option(names = "--python", description = "Also time scikit-learn make_classification + pandas to_csv.")
    boolean python;

    @Option(names = "--python-exe", paramLabel = "PATH", defaultValue = "/usr/bin/python3",
            description = "Python with Debian's python3-sklearn and python3-pandas (default ${DEFAULT-VALUE}).")
    Path pythonExe;

    @Override
    public Integer call() throws Exception {
        BadInputException.require(columns >= 7 && columns <= 10_000, "--columns", "an integer in [7, 10000]", columns);
        BadInputException.require(rows >= 1 && rows <= TabularSpec.MAX_ROWS, "--rows",
                "an integer in [1, " + TabularSpec.MAX_ROWS + "]", rows);
        int workers = threads.count();
        PrintWriter out = command.commandLine().getOut();
        Path work = Files.createTempDirectory("batchscope-bench-");
        try {
            TabularSpec spec = TabularSpec.defaults().with(Map.of("train", rows, "val", 0, "test", 0,
                    "n_informative", 4, "n_redundant", 2, "n_noise", 0, "formats", List.of("csv"),
                    "noise_blocks", List.of(Map.of("kind", "factor", "columns", columns - 6))));
            Map<String, ThreadCpu.Thread> threadsStart = ThreadCpu.snapshot();
            long cpuStart = BenchTools.processCpuNanos();
            long start = System.nanoTime();
            long[] written = new long[2];
            List<Map<String, ThreadCpu.Thread>> threadsWritten = new ArrayList<>();
            TabularGenerator.generate(spec, work.resolve("batchscope"), false, workers, (split, done, total) -> {
                if (done == total) {
                    written[0] = System.nanoTime();
                    written[1] = BenchTools.processCpuNanos();
                    threadsWritten.add(ThreadCpu.snapshot());
                }
            });
            double seconds = (written[0] - start) / 1e9;
            BenchTools.CpuReading cpu = BenchTools.CpuReading.of(written[1] - cpuStart);
            double withManifest = (System.nanoTime() - start) / 1e9;
            out.printf("batchscope: %d rows x %d columns to CSV in %.2f s = %,.0f rows/s (%d threads);"
                    + " %s%.2f CPU s = %s%,.0f rows/CPU-s%n", rows, columns, seconds, rows / seconds, workers,
                    cpu.under(), cpu.seconds(), cpu.over(), rows / cpu.seconds());
            printCpuShares(out, ThreadCpu.since(threadsStart, threadsWritten.get(0)), written[1] - cpuStart);
            out.printf("batchscope with manifest.json (SHA-256 of every file): %.2f s = %,.0f rows/s%n",
                    withManifest, rows / withManifest);
            if (python) {
                PythonPeer.Timing theirs = PEER.run(pythonExe, work, command.commandLine().getErr(),
                        Long.toString(rows), Integer.toString(columns), work.resolve("peer.csv").toString());
                if (theirs != null) {
                    out.printf("sklearn make_classification + pandas to_csv: %.2f s = %,.0f rows/s;"
                            + " %.2f CPU s = %,.0f rows/CPU-s%n", theirs.seconds(), rows / theirs.seconds(),
                            theirs.cpuSeconds(), rows / theirs.cpuSeconds());
                    out.printf("ratio batchscope / python: %.1fx wall-clock (%.1fx with manifest), %s%.1fx per CPU-second%n",
                            theirs.seconds() / seconds, theirs.seconds() / withManifest, cpu.over(),
                            theirs.cpuSeconds() / cpu.seconds());
                }
            }
            out.flush();
            return ExitCodes.OK;
        } finally {
            BenchTools.deleteTree(work);
        }
    }

    /**
     * Prints how the CPU seconds to the last row split over the JIT compilers, the garbage collector, the
     * workers and the rest (the main thread: spec, model, writing the bytes, the ratio's statistics; and the
     * JVM's other threads); nothing where the threads cannot be read (not Linux). The process total comes in
     * clock ticks of 10 ms on Linux and the threads' times in ns, so the rest is at least 0 by definition, not
     * to the last 10 ms.
     */
    private static void printCpuShares(PrintWriter out, Map<String, Long> kinds, long totalNanos) {
        if (kinds.values().stream().allMatch(v -> v == 0)) { // no breakdown (not Linux)
            return;
        }
        long named = kinds.values().stream().mapToLong(Long::longValue).sum();
        out.printf("  of which %s %.2f s, %s %.2f s, %s %.2f s, main thread and other JVM threads %.2f s%n",
                ThreadCpu.JIT, kinds.get(ThreadCpu.JIT) / 1e9, ThreadCpu.GC, kinds.get(ThreadCpu.GC) / 1e9,
                ThreadCpu.WORKERS, kinds.get(ThreadCpu.WORKERS) / 1e9, Math.max(0, totalNanos - named) / 1e9);
    }
}
