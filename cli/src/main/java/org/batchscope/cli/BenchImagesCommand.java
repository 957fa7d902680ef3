package org.batchscope.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.batchscope.common.BadInputException;
import org.batchscope.generator.image.ImageDatasetWriter;
import org.batchscope.generator.image.InMemoryImages;
import org.batchscope.generator.image.Split;
import org.batchscope.generator.spec.ImageSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code batchscope bench images}: writes N train images (r = 3, no counterfactuals) to a temporary
 * folder and prints images per second of the whole write (drawing, calibration, PNG encoding, file
 * writes, metadata, manifest) and the process CPU time per image (all threads, user and system, JIT and
 * GC included; less sensitive to other load than images per second) with, on Linux, its kernel share
 * (file creation and writes), then deletes the folder. With
 * {@code --in-memory} it generates the same images into memory instead ({@link InMemoryImages}: drawing
 * and calibration, no PNG, no files), as a training loop generating on the fly would. With
 * {@code --python} it also runs {@code bench/pil_peer.py} (the same kind of image drawn with PIL and
 * numpy, saved as PNG with a metadata row, one thread; with {@code --in-memory} kept in a numpy array)
 * and prints the ratio per CPU-second.
 */
@Command(name = "images",
        mixinStandardHelpOptions = true,
        description = "Measure image generation throughput (images/s, CPU per image); with --python, side by side"
                + " with a PIL peer.")
public final class BenchImagesCommand implements Callable<Integer> {

    private static final PythonPeer PEER = new PythonPeer("bench/pil_peer.py", "PIL peer", "python3-pil python3-numpy");
    /** Images per task of the in-memory run: one minibatch-sized buffer per task. */
    private static final int IN_MEMORY_CHUNK = 64;

    @Spec
    CommandSpec spec;

    @Option(names = "--count", paramLabel = "N", defaultValue = "20000", description = "Images to generate (default: ${DEFAULT-VALUE}).")
    long count;

    @Option(names = "--size", paramLabel = "PX", defaultValue = "64", description = "Image side in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Mixin
    WorkerThreads threads;

    @Option(names = "--in-memory",
            description = "Generate the images into memory (on the fly, as for training) instead of writing PNG files.")
    boolean inMemory;

    @Option(names = "--python", description = "Also time the PIL peer (one thread) on the same count and size.")
    boolean python;

    @Option(names = "--python-exe", paramLabel = "PATH", defaultValue = "/usr/bin/python3",
            description = "Python with Debian's python3-pil and python3-numpy (default ${DEFAULT-VALUE}).")
    Path pythonExe;

    @Override
    public Integer call() throws Exception {
        int workers = threads.count();
        BadInputException.require(workers >= 1 && workers <= 1024, "--threads", "an integer in [1, 1024]", workers);
        BadInputException.require(count >= 1 && count <= Integer.MAX_VALUE, "--count",
                "an integer in [1, " + Integer.MAX_VALUE + "]", count);
        ImageSpec imageSpec = ImageSpec.defaults().with(Map.of("ratio", 3.0, "size", size, "train", count, "val", 0,
                "test", 0));
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("batchscope-bench-");
        try {
            long cpuStart = BenchTools.processCpuNanos();
            long systemStart = BenchTools.processSystemNanos();
            long start = System.nanoTime();
            if (inMemory) {
                generateInMemory(imageSpec, workers);
            } else {
                new ImageDatasetWriter(imageSpec, workers, (s, d, t) -> { }).write(dir.resolve("data"), false);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            BenchTools.CpuReading cpu = BenchTools.CpuReading.of(BenchTools.processCpuNanos() - cpuStart);
            long systemEnd = BenchTools.processSystemNanos();
            out.printf(Locale.ROOT, "batchscope: %d images of %dx%d %s on %d threads in %.2f s: %,.0f images/s;"
                    + " CPU %s%.3f ms/image = %s%,.0f images/CPU-s%s%n", count, size, size,
                    inMemory ? "generated in memory" : "written", workers, seconds, count / seconds,
                    cpu.under(), 1e3 * cpu.seconds() / count, cpu.over(), count / cpu.seconds(),
                    systemStart < 0 || systemEnd < 0 ? ""
                            : String.format(Locale.ROOT, " (of which kernel %.3f ms/image)",
                                    (systemEnd - systemStart) / 1e6 / count));
            out.flush();
            if (python) {
                PythonPeer.Timing theirs = PEER.run(pythonExe, dir, spec.commandLine().getErr(), Long.toString(count),
                        Integer.toString(size), dir.resolve("peer").toString(), inMemory ? "memory" : "files");
                if (theirs != null) {
                    out.printf(Locale.ROOT, "PIL peer: %d images of %dx%d %s on 1 thread in %.2f s: %,.0f images/s;"
                            + " CPU %.3f ms/image = %,.0f images/CPU-s%n", count, size, size,
                            inMemory ? "drawn into a numpy array" : "written", theirs.seconds(),
                            count / theirs.seconds(), 1e3 * theirs.cpuSeconds() / count, count / theirs.cpuSeconds());
                    out.printf(Locale.ROOT, "ratio batchscope / PIL%s: %s%.1fx per CPU-second; %.1fx wall-clock"
                            + " (batchscope on %d threads, PIL on 1)%n", inMemory ? " (both in memory)" : "",
                            cpu.over(), theirs.cpuSeconds() / cpu.seconds(), theirs.seconds() / seconds, workers);
                }
            }
            out.flush();
        } finally {
            BenchTools.deleteTree(dir);
        }
        return ExitCodes.OK;
    }

    /** Generates train images 0 to count - 1 with {@link InMemoryImages}, a minibatch-sized buffer per task. */
    private void generateInMemory(ImageSpec imageSpec, int workers) throws InterruptedException, ExecutionException {
        InMemoryImages images = new InMemoryImages(imageSpec);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (long from = 0; from < count; from += IN_MEMORY_CHUNK) {
                long start = from;
                long end = Math.min(count, from + IN_MEMORY_CHUNK);
                tasks.add(pool.submit(() -> images.fill(Split.TRAIN, start, end,
                        new byte[IN_MEMORY_CHUNK * images.imageBytes()], new int[IN_MEMORY_CHUNK])));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
