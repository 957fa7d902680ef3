package org.batchscope.generator.image;

import org.batchscope.generator.spec.ImageSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.batchscope.common.AtomicFiles;
import org.batchscope.generator.SummaryStats;
import org.batchscope.generator.output.DatasetFolder;
import org.batchscope.generator.output.Manifest;
import org.batchscope.generator.output.StagingArea;

/**
 * Writes an image dataset: claims the folder ({@link DatasetFolder}), then for each split draws the
 * samples on a fixed pool of worker threads in chunks of {@value #CHUNK} indices, each worker writing
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

    public ImageDatasetWriter(ImageSpec spec, int threads, Progress progress) {
        this.spec = spec;
        this.factory = new SampleFactory(spec);
        this.threads = threads;
        this.progress = progress;
    }

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
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "batchscope-images");
            thread.setDaemon(true);
            return thread;
        });
        try (StagingArea staging = new StagingArea(root)) {
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
        } finally {
            pool.shutdownNow();
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

    private SummaryStats writeSplit(ExecutorService pool, StagingArea staging, Split split, List<Variant> variants) {
        long n = spec.count(split);
        long chunks = (n + CHUNK - 1) / CHUNK;
        List<Path> csvs = variants.stream().map(v -> staging.staged(v.folder(split) + "/" + MetadataCsv.FILE)).toList();
        SummaryStats stats = new SummaryStats();
        writeAll(csvs, 0, new ArrayList<>(), streams -> {
            for (int v = 0; v < variants.size(); v++) {
                streams.get(v).write(MetadataCsv.header(variants.get(v)).getBytes(StandardCharsets.UTF_8));
            }
            Deque<Future<Chunk>> window = new ArrayDeque<>();
            long next = 0;
            try {
                while (next < chunks || !window.isEmpty()) {
                    while (next < chunks && window.size() < 4 * threads) {
                        long start = next * CHUNK;
                        long end = Math.min(n, start + CHUNK);
                        window.add(pool.submit(() -> writeChunk(staging, split, variants, start, end)));
                        next++;
                    }
                    Chunk chunk = window.poll().get();
                    for (int v = 0; v < variants.size(); v++) {
                        streams.get(v).write(chunk.rows.get(v).getBytes(StandardCharsets.UTF_8));
                    }
                    stats.combine(chunk.stats);
                    progress.update(split, chunk.end, n);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                window.forEach(f -> f.cancel(true));
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            }
        });
        return stats;
    }

    private record Chunk(long end, List<String> rows, SummaryStats stats) {
    }

    private Chunk writeChunk(StagingArea staging, Split split, List<Variant> variants, long start, long end) {
        List<StringBuilder> rows = new ArrayList<>();
        variants.forEach(v -> rows.add(new StringBuilder()));
        SummaryStats stats = new SummaryStats();
        List<String> classes = factory.classNames();
        int size = spec.size();
        try (PngEncoder png = new PngEncoder()) {
            for (long i = start; i < end; i++) {
                Sample sample = factory.draw(split, i);
                stats.accept(sample.calibration().achievedRatio());
                for (int v = 0; v < variants.size(); v++) {
                    Variant variant = variants.get(v);
                    byte[] pixels = factory.render(sample, variant);
                    staging.write(MetadataCsv.path(sample, variant, classes), png.rgb(pixels, size, size));
                    rows.get(v).append(MetadataCsv.row(sample, variant, classes));
                }
                if (variants.size() > 1) {
                    for (boolean feature : new boolean[] {true, false}) {
                        String mask = MASKS + (feature ? "/feature/" : "/foreground/") + sample.id() + ".png";
                        staging.write(mask, png.gray(SampleFactory.mask(sample, feature), size, size));
                    }
                }
            }
        }
        return new Chunk(end, rows.stream().map(StringBuilder::toString).toList(), stats);
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
