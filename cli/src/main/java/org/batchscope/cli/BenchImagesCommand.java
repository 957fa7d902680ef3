package org.batchscope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.batchscope.common.BadInputException;
import org.batchscope.generator.image.ImageDatasetWriter;
import org.batchscope.generator.spec.ImageSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code batchscope bench images}: writes N train images (r = 3, no counterfactuals) to a temporary
 * folder, prints images per second of the whole write (drawing, calibration, PNG encoding, atomic file
 * writes, metadata, manifest hashing) and the process CPU time per image (all threads, user and system;
 * insensitive to other load, unlike images per second), then deletes the folder.
 */
@Command(name = "images",
        mixinStandardHelpOptions = true,
        description = "Measure image generation throughput: images written to disk per second.")
public final class BenchImagesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--count", defaultValue = "20000", description = "Images to write (default: ${DEFAULT-VALUE}).")
    long count;

    @Option(names = "--size", defaultValue = "64", description = "Image side in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Mixin
    WorkerThreads threads;

    @Override
    public Integer call() throws IOException {
        int workers = threads.count();
        BadInputException.require(workers >= 1 && workers <= 1024, "--threads", "an integer in [1, 1024]", workers);
        ImageSpec imageSpec = ImageSpec.defaults().with(Map.of("ratio", 3.0, "size", size, "train", count, "val", 0,
                "test", 0));
        Path dir = Files.createTempDirectory("batchscope-bench-");
        try {
            long cpuStart = BenchTools.processCpuNanos();
            long start = System.nanoTime();
            new ImageDatasetWriter(imageSpec, workers, (s, d, t) -> { }).write(dir.resolve("data"), false);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMillisPerImage = (BenchTools.processCpuNanos() - cpuStart) / 1e6 / count;
            spec.commandLine().getOut().printf(Locale.ROOT,
                    "%d images of %dx%d on %d threads in %.2f s: %.0f images/s; CPU %.3f ms/image%n",
                    count, size, size, workers, seconds, count / seconds, cpuMillisPerImage);
        } finally {
            BenchTools.deleteTree(dir);
        }
        return ExitCodes.OK;
    }
}
