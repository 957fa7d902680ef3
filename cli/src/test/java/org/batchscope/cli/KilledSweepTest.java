package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.batchscope.common.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep whose process is killed (SIGKILL, no shutdown hooks) loses no finished run: every run file
 * left behind is complete, and rerunning the command ends with the same run files as a sweep that was
 * never interrupted (timing fields aside, the only ones a rerun may change).
 */
class KilledSweepTest {

    @TempDir
    Path dir;

    private List<String> sweepArgs(Path data, Path out) {
        // 8 runs, one at a time, each a few hundred thousand MLP steps: long enough to be killed mid-sweep
        return List.of("analyze", "--data", data.toString(), "--out", out.toString(), "--batch-sizes", "1,2",
                "--seeds", "4", "--epochs", "60", "--threads", "1", "--probes-per-run", "0", "--no-report");
    }

    @Test
    void aKilledSweepKeepsItsFinishedRunsAndResumesToTheUninterruptedResult() throws Exception {
        Path data = dir.resolve("table");
        assertThat(CliRunner.run("generate", "tabular", "--out", data.toString(), "--train", "200", "--val", "40",
                "--test", "40", "--ratio", "3", "--threads", "1").exitCode()).isEqualTo(ExitCodes.OK);
        Path killed = dir.resolve("killed");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BatchscopeMain.class.getName()));
        command.addAll(sweepArgs(data, killed));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (runFiles(killed).isEmpty() && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        List<Path> survivors = runFiles(killed);
        assertThat(survivors).as(Files.readString(dir.resolve("killed.log"))).isNotEmpty().hasSizeLessThan(8);
        assertThat(killed.resolve("summary.json")).doesNotExist();
        for (Path file : survivors) {
            assertThat(Json.mapper().readTree(file.toFile()).path("status").asText()).isEqualTo("completed");
        }

        CliRunner.Result resumed = CliRunner.run(sweepArgs(data, killed).toArray(String[]::new));
        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.err()).contains("sweep: 8 runs, " + survivors.size() + " already done");
        Path whole = dir.resolve("whole");
        assertThat(CliRunner.run(sweepArgs(data, whole).toArray(String[]::new)).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(runFiles(killed)).extracting(Path::getFileName)
                .containsExactlyElementsOf(runFiles(whole).stream().map(Path::getFileName).toList());
        for (Path file : runFiles(whole)) {
            assertThat(withoutTiming(killed.resolve("runs").resolve(file.getFileName()))).isEqualTo(withoutTiming(file));
        }
    }

    private static List<Path> runFiles(Path out) throws IOException {
        Path runs = out.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(runs)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")
                    && !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static JsonNode withoutTiming(Path file) throws IOException {
        JsonNode node = Json.mapper().readTree(file.toFile());
        ((ObjectNode) node).remove("timing");
        return node;
    }
}
