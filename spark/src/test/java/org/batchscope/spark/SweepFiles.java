package org.batchscope.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.batchscope.analyzer.sweep.CellSummary;
import org.batchscope.analyzer.sweep.ResultsStore;
import org.batchscope.analyzer.sweep.Verdict;
import org.batchscope.cli.BatchscopeMain;
import org.batchscope.common.Json;
import picocli.CommandLine;

/** Test helpers: the CLI in-process, a results folder's files without their wall-clock fields, and folders compared byte for byte. */
final class SweepFiles {

    /** One CLI invocation's outcome. */
    record Cli(int exitCode, String out, String err) {
    }

    private SweepFiles() {
    }

    static Cli run(String... args) {
        CommandLine cli = BatchscopeMain.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** @return config hash -> run file without {@code timing}, for every run file of {@code out} */
    static Map<String, JsonNode> runsWithoutTiming(Path out) {
        Map<String, JsonNode> runs = new TreeMap<>();
        try (Stream<Path> files = Files.list(out.resolve(ResultsStore.RUNS))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                ObjectNode node = (ObjectNode) Json.mapper().readTree(file.toFile());
                node.remove("timing");
                runs.put(node.path("config_hash").asText(), node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return runs;
    }

    /**
     * @return summary.json without what depends on wall-clock time: the cells' {@link CellSummary#TIME_DEPENDENT}
     *         columns and the verdict's cost line
     */
    static JsonNode summaryWithoutTiming(Path out) throws IOException {
        JsonNode node = Json.mapper().readTree(out.resolve("summary.json").toFile());
        for (JsonNode cell : node.path("cells")) {
            List<String> timed = new ArrayList<>();
            cell.fieldNames().forEachRemaining(name -> {
                if (CellSummary.TIME_DEPENDENT.stream().anyMatch(name::startsWith)) {
                    timed.add(name);
                }
            });
            ((ObjectNode) cell).remove(timed);
        }
        ArrayNode verdict = (ArrayNode) node.path("verdict");
        for (int i = verdict.size() - 1; i >= 0; i--) {
            if (verdict.get(i).asText().startsWith(Verdict.COST_PREFIX)) {
                verdict.remove(i);
            }
        }
        return node;
    }

    /** Generates a small table (120 train, 40 val, 40 test, r = 3) into {@code folder} with the CLI. */
    static void generateTable(Path folder) {
        Cli generated = run("generate", "tabular", "--out", folder.toString(), "--train", "120", "--val", "40",
                "--test", "40", "--ratio", "3", "--threads", "1");
        if (generated.exitCode() != 0) {
            throw new IllegalStateException(generated.err());
        }
    }

    /**
     * Asserts that {@code actual} holds exactly the files of {@code expected}, byte for byte (the folder's
     * lock file, which records a process id, aside), manifest included.
     */
    static void assertSameFiles(Path actual, Path expected) throws IOException {
        Map<String, byte[]> want = filesWithoutLock(expected);
        Map<String, byte[]> got = filesWithoutLock(actual);
        org.assertj.core.api.Assertions.assertThat(got.keySet()).isEqualTo(want.keySet()).contains("manifest.json");
        want.forEach((name, bytes) -> org.assertj.core.api.Assertions.assertThat(got.get(name)).as(name).isEqualTo(bytes));
    }

    private static Map<String, byte[]> filesWithoutLock(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String name = root.relativize(p).toString();
                if (!name.equals(org.batchscope.common.OutputFolder.LOCK)) {
                    files.put(name, Files.readAllBytes(p));
                }
            }
        }
        return files;
    }
}
