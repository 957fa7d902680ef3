package org.batchscope.reports.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.batchscope.common.BadInputException;
import org.batchscope.common.Json;

/**
 * Reads an analyzer results folder ({@code summary.json} and {@code runs/*.json}, see the analyzer's
 * README, "Results folder") into {@link SweepResults}. Every problem is one
 * {@link BadInputException} line naming the folder or file: a missing folder, no {@code summary.json}
 * (the sweep was never summarised), a file that is not JSON, a required field that is absent or has
 * the wrong type, a run whose dataset the summary does not list.
 */
public final class ResultsReader {

    /** The summary file the analyzer writes at the end of a sweep. */
    public static final String SUMMARY = "summary.json";
    /** The folder of run files. */
    public static final String RUNS = "runs";

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
        JsonNode summary = parse(summaryFile);
        List<ResultDataset> datasets = new ArrayList<>();
        for (JsonNode d : array(summary, "datasets", summaryFile)) {
            datasets.add(new ResultDataset(integer(d, "dataset", summaryFile), text(d, "source", summaryFile),
                    text(d, "content_sha256", summaryFile), text(d, "kind", summaryFile), nullableNumber(d, "ratio"), number(d.path("achieved_ratio")),
                    number(d.path("chance")), d.path("train").asInt(), number(d.path("gradient_noise_scale"))));
        }
        List<ResultCell> cells = new ArrayList<>();
        for (JsonNode c : array(summary, "cells", summaryFile)) {
            cells.add(cell(c, summaryFile));
        }
        List<Robustness> robustness = new ArrayList<>();
        for (JsonNode r : summary.path("noise_robustness")) {
            robustness.add(new Robustness(integer(r, "batch_size", summaryFile), required(r, "lr", summaryFile).asDouble(),
                    number(r.path("chance")), number(r.path("breakdown_ratio"))));
        }
        List<String> verdict = new ArrayList<>();
        summary.path("verdict").forEach(line -> verdict.add(line.asText()));
        List<ResultRun> runs = runs(folder, datasets);
        String engine = runs.isEmpty() ? "-" : parse(folder.resolve(RUNS).resolve(runs.get(0).hash() + ".json"))
                .path("config").path("engine").asText("-");
        return new SweepResults(folder, settings(required(summary, "sweep", summaryFile), summary.path("datasets"), engine, summaryFile),
                datasets, cells, robustness, verdict, runs);
    }

    /** Batch size {@code "full"} stands for each dataset's training-set size (summary.json, datasets[].train). */
    private static SweepSettings settings(JsonNode s, JsonNode datasets, String engine, Path file) {
        java.util.TreeSet<Integer> sizes = new java.util.TreeSet<>();
        array(s, "batch_sizes", file).forEach(b -> {
            if (b.isNumber()) {
                sizes.add(b.asInt());
            } else {
                datasets.forEach(d -> sizes.add(d.path("train").asInt()));
            }
        });
        List<Integer> batchSizes = new ArrayList<>(sizes);
        List<Double> lrs = new ArrayList<>();
        array(s, "lrs", file).forEach(lr -> lrs.add(lr.asDouble()));
        JsonNode steps = s.path("steps");
        return new SweepSettings(text(s, "model", file), engine, batchSizes, integer(s, "seeds", file), lrs,
                s.path("lr_scaling").asText(), s.path("lr_reference_batch").asInt(), s.path("budget").asText(),
                s.path("epochs").asLong(), steps.isNumber() ? steps.asLong() : null, s.path("optimizer").asText());
    }

    private static ResultCell cell(JsonNode c, Path file) {
        Map<String, Double> columns = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNumber()) {
                columns.put(field.getKey(), field.getValue().asDouble());
            }
        }
        return new ResultCell(integer(c, "dataset", file), nullableNumber(c, "ratio"), integer(c, "batch_size", file),
                required(c, "lr", file).asDouble(), required(c, "lr_effective", file).asDouble(),
                integer(c, "seeds", file), c.path("diverged").asInt(), c.path("failed").asInt(), columns);
    }

    private static List<ResultRun> runs(Path folder, List<ResultDataset> datasets) {
        Path runsFolder = folder.resolve(RUNS);
        if (!Files.isDirectory(runsFolder)) {
            throw new BadInputException(runsFolder + ": no such folder; run batchscope analyze first");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(runsFolder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json")
                    && !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(runsFolder + ": cannot list: " + e.getMessage(), e);
        }
        List<ResultRun> runs = new ArrayList<>();
        for (Path file : files) {
            runs.add(run(parse(file), file, datasets));
        }
        return runs;
    }

    private static ResultRun run(JsonNode node, Path file, List<ResultDataset> datasets) {
        JsonNode config = required(node, "config", file);
        JsonNode run = required(config, "run", file);
        String sha = config.path("dataset").path("content_sha256").asText();
        Double ratio = nullableNumber(config.path("dataset"), "ratio");
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
        JsonNode lossNode = node.path("steps").path("loss");
        double[] losses = new double[lossNode.size()];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = number(lossNode.get(i));
        }
        List<ResultRun.Evaluation> evaluations = new ArrayList<>();
        for (JsonNode e : node.path("evaluations")) {
            evaluations.add(new ResultRun.Evaluation(e.path("step").asLong(), number(e.path("epoch")),
                    number(e.path("validation_accuracy")), number(e.path("validation_loss"))));
        }
        List<ResultRun.Probe> probes = new ArrayList<>();
        for (JsonNode p : node.path("gradient_probes")) {
            probes.add(new ResultRun.Probe(p.path("step").asLong(), number(p.path("noise_scale")),
                    number(p.path("batch_sharpness"))));
        }
        return new ResultRun(text(node, "config_hash", file), text(node, "status", file), dataset,
                integer(run, "batchSize", file), required(config, "lr", file).asDouble(), run.path("seed").asLong(),
                losses, evaluations, probes, number(node.path("metrics").path("stability_threshold")));
    }

    private static JsonNode parse(Path file) {
        try {
            return Json.mapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + ": not valid JSON (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field, Path file) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new BadInputException(file + ": field '" + field + "' is missing; is this an analyzer results folder?");
        }
        return value;
    }

    private static Iterable<JsonNode> array(JsonNode node, String field, Path file) {
        JsonNode value = required(node, field, file);
        if (!value.isArray()) {
            throw new BadInputException(file + ": field '" + field + "' must be a list, got " + value.getNodeType());
        }
        return value;
    }

    private static int integer(JsonNode node, String field, Path file) {
        JsonNode value = required(node, field, file);
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new BadInputException(file + ": field '" + field + "' must be a whole number, got " + value);
        }
        return value.asInt();
    }

    private static String text(JsonNode node, String field, Path file) {
        JsonNode value = required(node, field, file);
        if (!value.isTextual()) {
            throw new BadInputException(file + ": field '" + field + "' must be text, got " + value);
        }
        return value.asText();
    }

    /** @return a number, also as the strings "NaN", "Infinity", "-Infinity" the analyzer writes; NaN when absent */
    private static double number(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return Double.NaN;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        switch (value.asText()) {
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.NaN;
        }
    }

    private static Double nullableNumber(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? null : value.asDouble();
    }
}
