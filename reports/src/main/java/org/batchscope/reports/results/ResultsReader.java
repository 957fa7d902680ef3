package org.batchscope.reports.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import com.fasterxml.jackson.core.type.TypeReference;
import org.batchscope.analyzer.sharpness.Sharpness;
import org.batchscope.analyzer.sweep.BatchSize;
import org.batchscope.analyzer.sweep.RunResult;
import org.batchscope.analyzer.sweep.RunSpec;
import org.batchscope.analyzer.sweep.SweepSpec;
import org.batchscope.common.BadInputException;
import org.batchscope.common.files.ResultFiles;
import org.batchscope.common.files.RunFile;
import org.batchscope.common.files.SummaryFile;

/**
 * Reads an analyzer results folder ({@code summary.json} and the {@code runs/<hash>.json} files it lists,
 * see the analyzer's README, "Results folder") into {@link SweepResults}, through the typed file contracts
 * ({@link SummaryFile}, {@link RunFile}). Every problem is one {@link BadInputException} line naming the
 * folder or file: a missing folder, no {@code summary.json} (the sweep was never summarised), a file that
 * is not JSON or does not fit its contract, a schema version this build does not read, a listed run
 * without its file, a run whose dataset the summary does not list.
 */
public final class ResultsReader {

    /** The summary file the analyzer writes at the end of a sweep. */
    public static final String SUMMARY = "summary.json";
    /** The folder of run files. */
    public static final String RUNS = "runs";

    private static final TypeReference<SummaryFile<SweepSpec>> SUMMARY_TYPE = new TypeReference<>() { };

    private ResultsReader() {
    }

    /** @return the folder's results */
    public static SweepResults read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder + ": no such results folder");
        }
        Path summaryFile = folder.resolve(SUMMARY);
        if (!Files.isRegularFile(summaryFile)) {
            throw new BadInputException(folder + ": no " + SUMMARY + "; run batchscope analyze first");
        }
        SummaryFile<SweepSpec> summary = ResultFiles.read(summaryFile, SummaryFile.SCHEMA_VERSION, SUMMARY_TYPE);
        Rows rows = new Rows(summaryFile);
        List<ResultDataset> datasets = new ArrayList<>();
        for (Map<String, Object> d : summary.datasets()) {
            datasets.add(new ResultDataset(rows.integer(d, "dataset"), rows.text(d, "source"),
                    rows.text(d, "content_sha256"), rows.text(d, "kind"), rows.nullableNumber(d, "ratio"),
                    rows.number(d, "achieved_ratio"), rows.number(d, "chance"), rows.integer(d, "train"),
                    rows.number(d, "gradient_noise_scale")));
        }
        List<ResultCell> cells = new ArrayList<>();
        for (Map<String, Object> c : summary.cells()) {
            cells.add(cell(c, rows));
        }
        List<Robustness> robustness = new ArrayList<>();
        for (Map<String, Object> r : summary.noiseRobustness()) {
            robustness.add(new Robustness(rows.integer(r, "batch_size"), rows.required(r, "lr"), rows.number(r, "chance"),
                    rows.number(r, "breakdown_ratio")));
        }
        List<RunFile<RunSpec, Sharpness>> stored = runFiles(folder, summary.runs());
        List<ResultRun> runs = new ArrayList<>();
        for (RunFile<RunSpec, Sharpness> run : stored) {
            runs.add(run(run, folder.resolve(RUNS).resolve(run.configHash() + ".json"), datasets));
        }
        String engine = stored.isEmpty() ? "-" : stored.get(0).config().engine();
        return new SweepResults(folder, settings(summary.sweep(), datasets, engine), datasets, cells, robustness,
                summary.verdict(), runs);
    }

    /** Batch size {@code full} stands for each dataset's training-set size. */
    private static SweepSettings settings(SweepSpec s, List<ResultDataset> datasets, String engine) {
        TreeSet<Integer> sizes = new TreeSet<>();
        for (BatchSize b : s.batchSizes()) {
            if (b.isFull()) {
                datasets.forEach(d -> sizes.add(d.train()));
            } else {
                sizes.add(b.fixed());
            }
        }
        return new SweepSettings(s.model(), engine, new ArrayList<>(sizes), s.seeds(), s.lrs(), s.lrScaling().cliName(),
                s.lrReferenceBatch(), s.budget().name().toLowerCase(java.util.Locale.ROOT), s.epochs(), s.steps(),
                s.optimizer().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static ResultCell cell(Map<String, Object> c, Rows rows) {
        Map<String, Double> columns = new LinkedHashMap<>();
        c.forEach((name, value) -> {
            if (value instanceof Number number) {
                columns.put(name, number.doubleValue());
            }
        });
        return new ResultCell(rows.integer(c, "dataset"), rows.nullableNumber(c, "ratio"), rows.integer(c, "batch_size"),
                rows.required(c, "lr"), rows.required(c, "lr_effective"), rows.integer(c, "seeds"),
                rows.integer(c, "diverged"), rows.integer(c, "failed"), columns);
    }

    private static List<RunFile<RunSpec, Sharpness>> runFiles(Path folder, List<String> hashes) {
        Path runsFolder = folder.resolve(RUNS);
        List<RunFile<RunSpec, Sharpness>> runs = new ArrayList<>();
        for (String hash : hashes) {
            Path file = runsFolder.resolve(hash + ".json");
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(file + ": listed in " + SUMMARY + " but missing; rerun batchscope analyze");
            }
            runs.add(RunResult.read(file));
        }
        return runs;
    }

    private static ResultRun run(RunFile<RunSpec, Sharpness> stored, Path file, List<ResultDataset> datasets) {
        RunSpec config = stored.config();
        String sha = config.dataset().contentSha256();
        Double ratio = config.dataset().ratio();
        int dataset = -1;
        for (ResultDataset d : datasets) {
            if (dataset < 0 && sha.equals(d.contentSha256()) && Objects.equals(ratio, d.ratio())) {
                dataset = d.index();
            }
        }
        if (dataset < 0) {
            throw new BadInputException(file + ": its dataset (content_sha256 " + sha + ") is not in " + SUMMARY
                    + "; rerun batchscope analyze to refresh the summary");
        }
        List<ResultRun.Evaluation> evaluations = stored.evaluations().stream()
                .map(e -> new ResultRun.Evaluation(e.step(), e.epoch(), e.validationAccuracy(), e.validationLoss()))
                .toList();
        List<ResultRun.Probe> probes = stored.probes().stream()
                .map(p -> new ResultRun.Probe(p.step(), p.noiseScale(), p.batchSharpness())).toList();
        Map<String, Double> metrics = new java.util.TreeMap<>();
        if (stored.metrics() != null) {
            stored.metrics().forEach((name, value) -> {
                if (value != null) {
                    metrics.put(name, value);
                }
            });
        }
        return new ResultRun(stored.configHash(), stored.status(), dataset, config.run().batchSize(), config.lr(),
                config.run().seed(), stored.steps().loss(), evaluations, probes, metrics);
    }

    /** Typed access to one summary table's rows (open maps), each problem naming the file and the column. */
    private record Rows(Path file) {

        Object present(Map<String, Object> row, String column) {
            Object value = row.get(column);
            if (value == null) {
                throw new BadInputException(file + ": column '" + column + "' is missing; is this an analyzer results folder?");
            }
            return value;
        }

        double required(Map<String, Object> row, String column) {
            Object value = present(row, column);
            if (!(value instanceof Number number)) {
                throw new BadInputException(file + ": column '" + column + "' must be a number, got " + value);
            }
            return number.doubleValue();
        }

        int integer(Map<String, Object> row, String column) {
            Object value = present(row, column);
            if (!(value instanceof Integer || value instanceof Long)) {
                throw new BadInputException(file + ": column '" + column + "' must be a whole number, got " + value);
            }
            return ((Number) value).intValue();
        }

        String text(Map<String, Object> row, String column) {
            Object value = present(row, column);
            if (!(value instanceof String text)) {
                throw new BadInputException(file + ": column '" + column + "' must be text, got " + value);
            }
            return text;
        }

        /** @return a number, also as the strings "NaN", "Infinity", "-Infinity" the analyzer writes; NaN when absent */
        double number(Map<String, Object> row, String column) {
            Object value = row.get(column);
            if (value instanceof Number number) {
                return number.doubleValue();
            }
            return "Infinity".equals(value) ? Double.POSITIVE_INFINITY
                    : "-Infinity".equals(value) ? Double.NEGATIVE_INFINITY : Double.NaN;
        }

        Double nullableNumber(Map<String, Object> row, String column) {
            return row.get(column) instanceof Number number ? number.doubleValue() : null;
        }
    }
}
