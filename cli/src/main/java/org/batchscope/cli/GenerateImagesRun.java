package org.batchscope.cli;

import java.util.function.Supplier;
import org.batchscope.generator.ranges.RangeRunner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.batchscope.generator.image.ImageDatasetWriter;
import org.batchscope.generator.spec.ImageSpec;
import org.batchscope.generator.image.Split;

/** Runs the image writer with progress lines on stderr (about every 10% of each split). */
final class GenerateImagesRun {

    private GenerateImagesRun() {
    }

    static ImageDatasetWriter.Result run(ImageSpec spec, Path out, boolean overwrite, int threads,
            Supplier<RangeRunner> runner, PrintWriter err) {
        long[] lastDecile = new long[Split.values().length];
        java.util.Arrays.fill(lastDecile, -1);
        ImageDatasetWriter writer = new ImageDatasetWriter(spec, threads, (split, done, total) -> {
            long decile = done * 10 / total;
            if (decile != lastDecile[split.ordinal()]) {
                lastDecile[split.ordinal()] = decile;
                err.printf(Locale.ROOT, "%s: %d/%d images%n", split.folder(), done, total);
                err.flush();
            }
        }, runner);
        return writer.write(out, overwrite);
    }
}
