package org.batchscope.generator.image;

import org.batchscope.generator.spec.ImageSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.batchscope.common.AtomicFiles;
import org.batchscope.generator.SummaryStats;
import org.batchscope.generator.output.DatasetFolder;
import org.batchscope.generator.output.Manifest;
import org.batchscope.generator.output.StagingArea;
import org.batchscope.generator.ranges.LocalRangeRunner;
import org.batchscope.generator.ranges.RangeRunner;

/**
 * Writes an image dataset: claims the folder ({@link DatasetFolder}), then for each split draws the
 * samples in ranges of {@value #CHUNK} indices ({@link ImageRangeTask}) on a {@link RangeRunner} (worker
 * threads of this process, or tasks of a Spark cluster that see the folder), each range writing
 * its images (and, for test, the counterfactuals and masks) into a {@link StagingArea}, whose folders
 * are moved into place when the split is complete (no half-written file is ever at a final path); the driver takes the chunks'
 * CSV rows and ratio statistics back in index order, streams the rows to the split's metadata.csv and
 * combines the statistics in that order, so every file and the manifest are byte-identical at any thread
 * count. At most {@code 4 x threads} chunks are in flight, so memory stays flat for any count. Then the
 * preview contact sheet, and manifest.json last.
 */
public final class ImageDatasetWriter {

    /** Samples per task. */
    static final int CHUNK = 64;
    /** The counterfactual variants written for the test split, in file order. */
    static final List<Variant> COUNTERFACTUALS = List.of(Variant.SWAP_FEATURE, Variant.SWAP_BACKGROUND,
            Variant.ONLY_BACKGROUND, Variant.ONLY_FOREGROUND);
    /** The masks folder (test ids), published after the test split. */
    static final String MASKS = "masks";
    /** The preview contact sheet's file name. */
    public static final String PREVIEW = "preview.png";

    /** Receives progress: {@code done} of {@code total} samples of a split (original images). */
    @FunctionalInterface
    public interface Progress {
        void update(Split split, long done, long total);
    }

    /** What was written. */
    public record Result(Path root, Map<String, Long> counts, SummaryStats achievedRatio, Path preview, Path manifest) {
    }

    private final ImageSpec spec;
    private final SampleFactory factory;
    private final int threads;
    private final Progress progress;
    private final Supplier<RangeRunner> runner;

    /** A writer that draws on {@code threads} threads of this process. */
    public ImageDatasetWriter(ImageSpec spec, int threads, Progress progress) {
        this(spec, threads, progress, () -> new LocalRangeRunner(threads));
    }

    /**
     * A writer that draws the sample ranges where {@code runner} runs them (opened after the folder is
     * claimed, closed at the end); {@code threads} bounds the ranges in flight ({@value #IN_FLIGHT_PER_THREAD} per
     * thread).
     */
    public ImageDatasetWriter(ImageSpec spec, int threads, Progress progress, Supplier<RangeRunner> runner) {
        this.spec = spec;
        this.factory = new SampleFactory(spec);
        this.threads = threads;
        this.progress = progress;
        this.runner = runner;
    }

    /** Ranges in flight per thread. */
    private static final int IN_FLIGHT_PER_THREAD = 4;

    /**
     * Writes the dataset to {@code root}.
     *
     * @param overwrite whether to clear a folder that holds something else
     * @throws org.batchscope.common.BadInputException when the folder is refused (nothing is written then)
     */
    public Result write(Path root, boolean overwrite) {
        try (DatasetFolder folder = DatasetFolder.open(root, Manifest.specSha256(spec), overwrite, "--out")) {
            return write(folder);
        }
    }

    private Result write(DatasetFolder folder) {
        Path root = folder.root();
        Map<String, Long> counts = new TreeMap<>();
        Map<String, SummaryStats.Summary> bySplit = new LinkedHashMap<>();
        SummaryStats total = new SummaryStats();
        Map<String, String> hashes;
        try (RangeRunner pool = runner.get(); StagingArea staging = new StagingArea(root)) {
            for (Split split : Split.values()) {
                long n = spec.count(split);
                if (n == 0) {
                    continue;
                }
                List<Variant> variants = variants(split);
                SummaryStats stats = writeSplit(pool, staging, split, variants);
                variants.forEach(v -> staging.publish(v.folder(split)));
                variants.forEach(v -> folder.wrote(v.folder(split) + "/" + MetadataCsv.FILE));
                if (variants.size() > 1) {
                    staging.publish(MASKS);
                }
                variants.forEach(v -> counts.put(v.folder(split), n));
                bySplit.put(split.folder(), stats.toSummary());
                total.combine(stats);
            }
            hashes = Map.copyOf(staging.hashes());
        }
        Path preview = root.resolve(PREVIEW);
        AtomicFiles.write(preview, new ContactSheet(factory).png());
        folder.wrote(PREVIEW);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("achieved_ratio_by_split", bySplit);
        extra.put("classes", spec.classes());
        extra.put("background_of_class", SampleFactory.backgroundOfClass(spec));
        extra.put("background_of_class_definition", "with probability rho (train split), val_rho (val) or test_rho"
                + " (test and its counterfactuals) an image's background is the family tied to its class here,"
                + " else uniform over backgrounds; with rho = 0 in train the background carries no class");
        extra.put("ratio_definition", "r = E_noise / E_feature; E_noise = sum over pixels outside the eye mask"
                + " of ||x - mean colour outside the eye mask||^2; E_feature = sum over eye-mask pixels of"
                + " ||x - x_swap||^2, x_swap the swap-feature counterfactual; on final 8-bit RGB values");
        extra.put("layout", Map.of(
                "images", "<split>/<class>/<id>.png (class = eye colour name; ImageFolder layout)",
                "metadata", "<split>/metadata.csv",
                "counterfactuals", "test-swap-feature, test-swap-background, test-only-background,"
                        + " test-only-foreground: same ids as test",
                MASKS, "masks/feature/<id>.png (eyes), masks/foreground/<id>.png (dog), for test ids; 255 inside",
                "preview", PREVIEW));
        Manifest.write(folder, spec.kind().specName(), spec, spec.seed(), counts, total, roles(), extra, hashes);
        return new Result(root, counts, total, preview, root.resolve(DatasetFolder.MANIFEST));
    }

    private List<Variant> variants(Split split) {
        List<Variant> variants = new ArrayList<>();
        variants.add(Variant.ORIGINAL);
        if (split == Split.TEST && spec.counterfactuals()) {
            variants.addAll(COUNTERFACTUALS);
        }
        return variants;
    }

    private SummaryStats writeSplit(RangeRunner pool, StagingArea staging, Split split, List<Variant> variants) {
        long n = spec.count(split);
        List<Path> csvs = variants.stream().map(v -> staging.staged(v.folder(split) + "/" + MetadataCsv.FILE)).toList();
        SummaryStats stats = new SummaryStats();
        ImageRangeTask task = new ImageRangeTask(spec, staging.root(), split, variants);
        writeAll(csvs, 0, new ArrayList<>(), streams -> {
            for (int v = 0; v < variants.size(); v++) {
                streams.get(v).write(MetadataCsv.header(variants.get(v)).getBytes(StandardCharsets.UTF_8));
            }
            long[] done = {0};
            pool.run(task, n, CHUNK, IN_FLIGHT_PER_THREAD * threads, chunk -> {
                try {
                    for (int v = 0; v < variants.size(); v++) {
                        streams.get(v).write(chunk.rows().get(v).getBytes(StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + csvs + ": " + e.getMessage(), e);
                }
                staging.record(chunk.hashes());
                // the chunk's statistics as its worker made them, then combined in index order
                stats.combine(SummaryStats.of(chunk.achievedRatios()));
                done[0] += chunk.achievedRatios().length;
                progress.update(split, done[0], n);
            });
        });
        return stats;
    }

    /** Writes each of {@code targets} atomically through AtomicFiles, handing the body all streams at once. */
    private static void writeAll(List<Path> targets, int from, List<OutputStream> open, StreamsBody body) {
        if (from == targets.size()) {
            try {
                body.write(open);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        AtomicFiles.write(targets.get(from), out -> {
            open.add(out);
            writeAll(targets, from + 1, open, body);
        });
    }

    @FunctionalInterface
    private interface StreamsBody {
        void write(List<OutputStream> streams) throws IOException;
    }

    private static Map<String, String> roles() {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("feature", "iris colour of the dog's two eyes: the only class information (mask: masks/feature)");
        roles.put("pupils", "dark centre of each eye, the same in every class (inside the feature mask)");
        roles.put("foreground", "the dog: position, scale, head tilt, body pose, fur, ears and snout vary per"
                + " sample and carry no class information (mask: masks/foreground)");
        roles.put("background", "structured noise: one family per image (park, stripes, checkerboard, fractal,"
                + " wallpaper); correlated with the class by rho");
        roles.put("clutter", "eye-like distractor discs in the background, more as r grows; no class information");
        roles.put("pixel_noise", "optional Gaussian and salt-and-pepper noise on every pixel");
        return roles;
    }
}
