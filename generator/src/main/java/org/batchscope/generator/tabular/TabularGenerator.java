package org.batchscope.generator.tabular;

import org.batchscope.generator.spec.TabularSpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.batchscope.common.AtomicFiles;
import org.batchscope.common.BadInputException;
import org.batchscope.common.NpyFormat;
import org.batchscope.generator.SummaryStats;
import org.batchscope.generator.output.DatasetFolder;
import org.batchscope.generator.output.Manifest;
import org.batchscope.generator.ranges.LocalRangeRunner;
import org.batchscope.generator.ranges.RangeRunner;

/**
 * Writes a table dataset: {@code <split>.csv}, {@code <split>_X.npy} (float32, rows x d) and
 * {@code <split>_y.npy} (int32) for each split with rows, {@code rotation.npy} (float64 d x d, written =
 * latent R) when rotated, and {@code manifest.json} last, through the {@link DatasetFolder} protocol.
 *
 * <p>Rows are computed in chunks of a fixed size (a multiple of {@link LabelFlips#BLOCK} that depends
 * only on the column count) by a {@link RangeRunner} ({@link TabularRangeTask}: threads of this process,
 * or tasks of a Spark cluster), encoded there, and written in chunk order by the calling thread, with at most {@code 2 * threads} chunks in flight: the bytes do not depend on the
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
        return generate(spec, out, overwrite, threads, progress, () -> new LocalRangeRunner(threads));
    }

    /**
     * As {@link #generate(TabularSpec, Path, boolean, int, Progress)}, with the rows computed where
     * {@code runner} runs them (opened after the folder is claimed); {@code threads} bounds the chunks in
     * flight.
     */
    public static TabularResult generate(TabularSpec spec, Path out, boolean overwrite, int threads,
            Progress progress, Supplier<RangeRunner> runner) {
        BadInputException.require(threads >= 1 && threads <= MAX_THREADS, "--threads",
                "an integer in [1, " + MAX_THREADS + "]", threads);
        try (DatasetFolder folder = DatasetFolder.open(out, Manifest.specSha256(spec), overwrite, "--out");
                RangeRunner pool = runner.get()) {
            return generate(spec, folder, threads, progress, pool);
        }
    }

    private static TabularResult generate(TabularSpec spec, DatasetFolder folder, int threads, Progress progress,
            RangeRunner pool) {
        Path out = folder.root();
        TabularModel model = new TabularModel(spec);
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Double> ratios = new LinkedHashMap<>();
        Map<String, Long> flipped = new LinkedHashMap<>();
        Map<String, long[]> labelCounts = new LinkedHashMap<>();
        SummaryStats ratioStats = new SummaryStats();
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
                    streams -> writeSplit(model, split, pool, threads, streams, totals, progress));
            targets.forEach(t -> folder.wrote(t.getFileName().toString()));
            double ratio = totals.achievedRatio();
            ratios.put(split.fileName(), ratio);
            ratioStats.accept(ratio);
            flipped.put(split.fileName(), totals.flipped);
            labelCounts.put(split.fileName(), totals.labelCounts);
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

    private static void writeSplit(TabularModel model, Split split, RangeRunner pool, int threads,
            OutputStream[] streams, SplitTotals totals, Progress progress) throws IOException {
        TabularSpec spec = model.spec();
        long rows = spec.rows(split);
        int width = model.mapping().names().size();
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
        long[] done = {0};
        try {
            pool.run(new TabularRangeTask(model, split), rows, chunkRows(width), 2 * threads, encoded -> {
                try {
                    if (csv) {
                        csvOut.write(encoded.csv());
                    }
                    if (npy) {
                        xOut.write(encoded.x());
                        yOut.write(encoded.y());
                    }
                } catch (IOException e) {
                    throw new StreamFailure(e);
                }
                totals.add(encoded.chunk());
                done[0] += encoded.chunk().rows();
                progress.rows(split, done[0], rows);
            });
        } catch (StreamFailure e) {
            throw e.getCause(); // named with the files by withOutputs
        }
    }

    /** A write to one of a split's streams that failed inside the runner's callback. */
    private static final class StreamFailure extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        StreamFailure(IOException cause) {
            super(cause);
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

    /** Running totals of one split, combined in chunk order so that they are the same at any thread count. */
    private static final class SplitTotals {
        private final StandardDeviation[] spreads;
        private final ColumnLayout layout;
        private final long[] labelCounts;
        private long flipped;

        SplitTotals(TabularModel model) {
            layout = model.layout();
            spreads = new StandardDeviation[layout.size()];
            for (int j = 0; j < spreads.length; j++) {
                spreads[j] = StandardDeviation.create();
            }
            labelCounts = new long[model.spec().nClasses()];
        }

        void add(RowChunk chunk) {
            StandardDeviation[] chunkSpreads = chunk.latentSpreads();
            for (int j = 0; j < spreads.length; j++) {
                spreads[j].combine(chunkSpreads[j]);
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
                noise += variance(spreads[j]);
            }
            double feature = 0;
            for (int j = 0; j < layout.informativeEnd(); j++) {
                feature += variance(spreads[j]);
            }
            return noise / feature;
        }

        /** @return the sample variance, as the square of the standard deviation (the form the ratio always used) */
        private static double variance(StandardDeviation spread) {
            double std = spread.getAsDouble();
            return std * std;
        }
    }
}
