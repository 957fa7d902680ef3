package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.batchscope.common.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code batchscope demo} is the eye-colour experiment: at {@code --scale small} (6 arms x 4 batch sizes
 * x 2 seeds of a 16-pixel CNN, about 50 CPU-seconds) it prints the claims table and one line per arm and
 * batch size, writes experiment.json and the report, and resumes on a rerun.
 */
class DemoCommandTest {

    @TempDir
    Path dir;

    private static CliRunner.Result demo(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("demo", "--out", out.toString(), "--scale", "small",
                "--threads", "2"));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static List<Path> runFiles(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out.resolve("arms"))) {
            return files.filter(p -> p.getParent().getFileName().toString().equals("runs"))
                    .filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void smallDemoRunsTheEyeColourExperimentAndResumes() throws IOException {
        Path out = dir.resolve("demo");
        CliRunner.Result result = demo(out);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        JsonNode experiment = Json.mapper().readTree(out.resolve("experiment.json").toFile());
        assertThat(experiment.get("name").asText()).isEqualTo("eye-colour");
        assertThat(experiment.get("scale").asText()).isEqualTo("small");
        // 3 ratios x 2 background ties x 4 batch sizes x 2 seeds
        assertThat(runFiles(out)).hasSize(48);
        assertThat(out.resolve("report/report.pdf")).isRegularFile();

        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("experiment eye-colour (scale small)");
        // the claims table: every claim of experiment.json with its verdict, in order
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("claim ")).findFirst().orElseThrow());
        for (int i = 0; i < experiment.get("claims").size(); i++) {
            JsonNode claim = experiment.get("claims").get(i);
            assertThat(lines.get(header + 1 + i)).startsWith(claim.get("id").asText())
                    .contains(claim.get("verdict").asText().replace('_', ' '));
        }
        // then one line per arm and batch size, the shortcut measured only where training tied the background
        int arms = lines.indexOf(lines.stream().filter(l -> l.startsWith("arm ")).findFirst().orElseThrow());
        assertThat(lines.get(arms)).matches("arm\\s+B\\s+final accuracy\\s+detrended_std\\s+reversal\\s+"
                + "feature_reliance\\s+shortcut_agreement\\s+runs by state");
        List<String> rows = lines.subList(arms + 1, arms + 25);
        assertThat(rows).allSatisfy(row -> assertThat(row).matches("r(0\\.3|3|30)-rho(0|0\\.9) +(1|4|8|32) .*"));
        assertThat(rows).filteredOn(row -> row.contains("-rho0 ")).hasSize(12)
                .allSatisfy(row -> assertThat(row.split("\\s+")[8]).isEqualTo("-"));
        assertThat(rows).filteredOn(row -> row.contains("-rho0.9 ")).hasSize(12)
                .allSatisfy(row -> assertThat(row.split("\\s+")[8]).matches("\\d\\.\\d{3}"));
        assertThat(result.out()).contains("each arm's verdict", out.resolve("arms").resolve("<arm>/verdict.txt").toString());

        // a rerun resumes: no run is trained again, the same tables are printed
        Path firstRun = runFiles(out).get(0);
        long modified = Files.getLastModifiedTime(firstRun).toMillis();
        CliRunner.Result again = demo(out, "--no-report");
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.getLastModifiedTime(firstRun).toMillis()).isEqualTo(modified);
        assertThat(again.out().lines().filter(l -> !l.startsWith("report: ")).toList())
                .isEqualTo(lines.stream().filter(l -> !l.startsWith("report: ")).toList());
    }

    @Test
    void refusesAFolderThatHoldsSomethingElse() throws IOException {
        Path out = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(out.resolve("notes.txt"), "mine");

        CliRunner.Result result = demo(out);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("--out " + out + " holds files that batchscope did not write");
        assertThat(out.resolve("notes.txt")).hasContent("mine");
        CliRunner.Result overwrite = demo(out, "--overwrite");
        assertThat(overwrite.exitCode()).as("--overwrite never deletes foreign files").isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(out.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void aBadValueWritesNothing() {
        Path out = dir.resolve("demo");
        CliRunner.Result scale = CliRunner.run("demo", "--out", out.toString(), "--scale", "huge");
        assertThat(scale.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(scale.err()).isEqualTo("error: --scale must be small, default or large, not 'huge'"
                + System.lineSeparator());
        CliRunner.Result threads = CliRunner.run("demo", "--out", out.toString(), "--threads", "0");
        assertThat(threads.err()).isEqualTo("error: --threads must be an integer in [1, 1024] (got 0)"
                + System.lineSeparator());
        assertThat(out).doesNotExist();
    }
}
