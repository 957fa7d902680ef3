package org.batchscope.generator.tabular;

import org.batchscope.generator.spec.TabularSpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.batchscope.common.AtomicFiles;
import org.batchscope.common.BadInputException;
import org.batchscope.generator.SummaryStats;
import org.batchscope.generator.output.DatasetFolder;
import org.batchscope.generator.output.Manifest;

/**
 * Writes a table dataset: {@code <split>.csv}, {@code <split>_X.npy} (float32, rows x d) and
 * {@code <split>_y.npy} (int32) for each split with rows, {@code rotation.npy} (float64 d x d, written =
 * latent R) when rotated, and {@code manifest.json} last, through the {@link DatasetFolder} protocol.
 *
 * <p>Rows are computed in chunks of a fixed size (a multiple of {@link LabelFlips#BLOCK} that depends
 * only on the column count) by a pool of threads, encoded in the workers, and written in chunk order
 * by the calling thread, with at most {@code 2 * threads} chunks in flight: the bytes do not depend on the
 * thread count and memory stays flat whatever the number of rows.
 */
public final class TabularGenerator {

    /** Receives progress after each written chunk; called on the writing thread. */
    @FunctionalInterface
    public interface Progress {
        void rows(Split split, long done, long total);
    }

    /** The most worker threads allowed. */
    public static final int MAX_THREADS = 256;

    private static final int CHUNK_VALUES = 1_000_000;
    private static final int MAX_CHUNK_ROWS = 1000;

    private TabularGenerator() {
    }

    /**
     * Generates the dataset of {@code spec} into {@code out}.
     *
     * @throws BadInputException for a refused folder or a thread count outside [1, 256]
     */
    public static TabularResult generate(TabularSpec spec, Path out, boolean overwrite, int threads,
            Progress progress) {
        BadInputException.require(threads >= 1 && threads <= MAX_THREADS, "--threads",
                "an integer in [1, " + MAX_THREADS + "]", threads);
        try (DatasetFolder folder = DatasetFolder.open(out, Manifest.specSha256(spec), overwrite, "--out")) {
            return generate(spec, folder, threads, progress);
        }
    }

    private static TabularResult generate(TabularSpec spec, DatasetFolder folder, int threads, Progress progress) {
        Path out = folder.root();
        TabularModel model = new TabularModel(spec);
        LabelFlips flips = new LabelFlips(spec.seed(), spec.flipY());
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Double> ratios = new LinkedHashMap<>();
        Map<String, Long> flipped = new LinkedHashMap<>();
        Map<String, long[]> labelCounts = new LinkedHashMap<>();
        SummaryStats ratioStats = new SummaryStats();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "tabular-rows");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (Split split : Split.values()) {
                long rows = spec.rows(split);
                counts.put(split.fileName(), rows);
                if (rows == 0) {
                    continue;
                }
                SplitTotals totals = new SplitTotals(model);
                List<Path> targets = new ArrayList<>();
                if (spec.formats().contains("csv")) {
                    targets.add(out.resolve(split.fileName() + ".csv"));
                }
                if (spec.formats().contains("npy")) {
                    targets.add(out.resolve(split.fileName() + "_X.npy"));
                    targets.add(out.resolve(split.fileName() + "_y.npy"));
                }
                withOutputs(targets, 0, new OutputStream[targets.size()],
                        streams -> writeSplit(model, flips, split, pool, threads, streams, totals, progress));
                targets.forEach(t -> folder.wrote(t.getFileName().toString()));
                double ratio = totals.achievedRatio();
                ratios.put(split.fileName(), ratio);
                ratioStats.accept(ratio);
                flipped.put(split.fileName(), totals.flipped);
                labelCounts.put(split.fileName(), totals.labelCounts);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("columns", model.mapping().names());
        extra.put("requested_ratio", spec.ratio());
        extra.put("achieved_ratio_by_split", ratios);
        extra.put("informative_population_variance", model.informativeVariance());
        extra.put("noise_block_scales", model.blockScales());
        extra.put("label_counts", labelCounts);
        extra.put("flipped", flipped);
        extra.put("flip_block_rows", LabelFlips.BLOCK);
        if (model.mapping().rotation() != null) {
            AtomicFiles.write(out.resolve("rotation.npy"), NpyFormat.float64Matrix(model.mapping().rotation()));
            folder.wrote("rotation.npy");
            extra.put("rotation", "rotation.npy");
            extra.put("latent_columns", model.layout().names());
            extra.put("latent_roles", model.layout().roles());
        }
        Map<String, String> roles = new LinkedHashMap<>();
        for (int o = 0; o < model.mapping().names().size(); o++) {
            roles.put(model.mapping().names().get(o), model.mapping().roles().get(o));
        }
        roles.put("label", "label");
        ObjectNode manifest = Manifest.write(folder, spec.kind().specName(), spec, spec.seed(), counts, ratioStats, roles, extra);
        return new TabularResult(out, model.mapping().names().size(), counts, ratios, ratioStats.toSummary(),
                flipped, manifest.get("content_sha256").asText());
    }

    /** @return rows per chunk: a multiple of the flip block, about {@value #CHUNK_VALUES} values at most */
    static int chunkRows(int columns) {
        int rows = CHUNK_VALUES / Math.max(1, columns) / LabelFlips.BLOCK * LabelFlips.BLOCK;
        return Math.max(LabelFlips.BLOCK, Math.min(MAX_CHUNK_ROWS, rows));
    }

    private static void writeSplit(TabularModel model, LabelFlips flips, Split split, ExecutorService pool,
            int threads, OutputStream[] streams, SplitTotals totals, Progress progress) throws IOException {
        TabularSpec spec = model.spec();
        long rows = spec.rows(split);
        int width = model.mapping().names().size();
        int chunkRows = chunkRows(width);
        boolean csv = spec.formats().contains("csv");
        boolean npy = spec.formats().contains("npy");
        OutputStream csvOut = csv ? streams[0] : null;
        OutputStream xOut = npy ? streams[csv ? 1 : 0] : null;
        OutputStream yOut = npy ? streams[csv ? 2 : 1] : null;
        if (csv) {
            csvOut.write(CsvRows.header(model.mapping().names()));
        }
        if (npy) {
            xOut.write(NpyFormat.header(NpyFormat.FLOAT32, rows, width));
            yOut.write(NpyFormat.header(NpyFormat.INT32, rows));
        }
        Deque<Future<Encoded>> pending = new ArrayDeque<>();
        long next = 0;
        long done = 0;
        while (done < rows) {
            while (next < rows && pending.size() < 2 * threads) {
                long start = next;
                int count = (int) Math.min(chunkRows, rows - start);
                pending.addLast(pool.submit(() -> Encoded.of(
                        RowChunk.generate(model, flips, split, start, count), csv, npy)));
                next += count;
            }
            Encoded encoded = take(pending);
            if (csv) {
                csvOut.write(encoded.csv);
            }
            if (npy) {
                xOut.write(encoded.x);
                yOut.write(encoded.y);
            }
            totals.add(encoded.chunk);
            done += encoded.chunk.rows();
            progress.rows(split, done, rows);
        }
    }

    private static Encoded take(Deque<Future<Encoded>> pending) {
        Future<Encoded> head = pending.removeFirst();
        try {
            return head.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating rows", e);
        } catch (ExecutionException e) {
            pending.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Opens every target atomically (nested, so all or none are renamed into place) and runs {@code body}. */
    private static void withOutputs(List<Path> targets, int index, OutputStream[] streams, StreamsBody body) {
        if (index == targets.size()) {
            try {
                body.write(streams);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + targets + ": " + e.getMessage(), e);
            }
            return;
        }
        AtomicFiles.write(targets.get(index), out -> {
            streams[index] = out;
            withOutputs(targets, index + 1, streams, body);
        });
    }

    @FunctionalInterface
    private interface StreamsBody {
        void write(OutputStream[] streams) throws IOException;
    }

    /** A chunk with its encoded bytes, made on a worker thread. */
    private record Encoded(RowChunk chunk, byte[] csv, byte[] x, byte[] y) {
        static Encoded of(RowChunk chunk, boolean csv, boolean npy) {
            return new Encoded(chunk, csv ? CsvRows.encode(chunk) : null,
                    npy ? NpyFormat.float32(chunk.x()) : null, npy ? NpyFormat.int32(chunk.y()) : null);
        }
    }

    /** Running totals of one split, combined in chunk order so that they are the same at any thread count. */
    private static final class SplitTotals {
        private final SummaryStats[] moments;
        private final ColumnLayout layout;
        private final long[] labelCounts;
        private long flipped;

        SplitTotals(TabularModel model) {
            layout = model.layout();
            moments = new SummaryStats[layout.size()];
            for (int j = 0; j < moments.length; j++) {
                moments[j] = new SummaryStats();
            }
            labelCounts = new long[model.spec().nClasses()];
        }

        void add(RowChunk chunk) {
            for (int j = 0; j < moments.length; j++) {
                moments[j].combine(chunk.latentMoments()[j]);
            }
            for (int k = 0; k < labelCounts.length; k++) {
                labelCounts[k] += chunk.labelCounts()[k];
            }
            flipped += chunk.flipped();
        }

        /** @return sum of structured-noise column variances / sum of informative column variances */
        double achievedRatio() {
            double noise = 0;
            for (int j = layout.structuredStart(); j < layout.structuredEnd(); j++) {
                noise += variance(moments[j]);
            }
            double feature = 0;
            for (int j = 0; j < layout.informativeEnd(); j++) {
                feature += variance(moments[j]);
            }
            return noise / feature;
        }

        private static double variance(SummaryStats stats) {
            double std = stats.std();
            return std * std;
        }
    }
}
