package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batchscope.common.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateTabularCommandTest {

    @TempDir
    Path temp;

    @Test
    void generatesAndPrintsASummary() throws IOException {
        Path out = temp.resolve("t");
        CliRunner.Result result = CliRunner.run("generate", "tabular", "--out", out.toString(), "--train", "400",
                "--val", "100", "--test", "100", "--flip", "0.1", "--threads", "2");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("30 columns + label; train 400, val 100, test 100 rows",
                "ratio r: requested 3.0, achieved", "flipped labels: train 40, val 10, test 10", "content_sha256 ");
        assertThat(result.err()).contains("train: 400/400 rows (100%)");
        assertThat(Files.readString(out.resolve("test.csv"))).startsWith("inf_0,inf_1,");
    }

    @Test
    void optionsOverrideTheSpecFileAndPresetsSetTheRatio() throws IOException {
        Path out = temp.resolve("t");
        CliRunner.Result result = CliRunner.run("generate", "tabular", "--out", out.toString(),
                "--spec", "../samples/specs/tabular-feature-dominant.yaml", "--preset", "noise-dominant",
                "--train", "300", "--val", "0", "--test", "0", "--classes", "3", "--anonymous", "--format", "npy");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        JsonNode manifest = Json.mapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.get("spec").get("ratio").asDouble()).isEqualTo(30.0);
        assertThat(manifest.get("spec").get("n_classes").asInt()).isEqualTo(3);
        assertThat(manifest.get("achieved_ratio").get("mean").asDouble()).isCloseTo(30.0, within(6.0));
        assertThat(manifest.get("roles").has("x0")).isTrue();
        assertThat(out.resolve("train_X.npy")).exists();
        assertThat(out.resolve("train.csv")).doesNotExist();
    }

    @Test
    void badValueIsOneLineExitTwoAndWritesNothing() {
        Path out = temp.resolve("t");
        CliRunner.Result result = CliRunner.run("generate", "tabular", "--out", out.toString(), "--flip", "2");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).isEqualTo("error: flip_y must be a fraction in [0, 1] (got 2.0)" + System.lineSeparator());
        assertThat(out).doesNotExist();
    }

    @Test
    void presetAndRatioTogetherAndUnknownPresetsAreBadInput() {
        String out = temp.resolve("t").toString();
        assertThat(CliRunner.run("generate", "tabular", "--out", out, "--preset", "noise-dominant", "--ratio", "2")
                .err()).contains("--preset and --ratio both set the ratio");
        CliRunner.Result unknown = CliRunner.run("generate", "tabular", "--out", out, "--preset", "loud");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("--preset must be one of feature-dominant, noise-over-feature, noise-dominant");
    }

    @Test
    void refusesAForeignFolderEvenWithOverwrite() throws IOException {
        Path out = temp.resolve("t");
        Files.createDirectories(out);
        Files.writeString(out.resolve("mine.txt"), "keep");
        CliRunner.Result refused = CliRunner.run("generate", "tabular", "--out", out.toString(), "--train", "100");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(out.resolve("mine.txt")).exists();
        CliRunner.Result overwrite = CliRunner.run("generate", "tabular", "--out", out.toString(), "--train", "100",
                "--overwrite");
        assertThat(overwrite.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(overwrite.err()).contains("holds files that batchscope did not write");
        assertThat(out.resolve("mine.txt")).hasContent("keep");
    }

    @Test
    void missingSpecFileIsBadInput() {
        CliRunner.Result result = CliRunner.run("generate", "tabular", "--out", temp.resolve("t").toString(),
                "--spec", temp.resolve("none.yaml").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("does not exist");
    }

    @Test
    void benchPrintsRowsPerSecondAndExplainsAMissingPython() {
        CliRunner.Result result = CliRunner.run("bench", "tabular", "--rows", "2000", "--threads", "2", "--python",
                "--python-exe", temp.resolve("no-python").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).startsWith("batchscope: 2000 rows x 20 columns to CSV in ").contains("rows/s (2 threads)");
        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            assertThat(result.out()).as("Linux: where the CPU went").containsPattern("\n  of which JIT compilers \\d+\\.\\d\\d s, "
                    + "GC \\d+\\.\\d\\d s, workers \\d+\\.\\d\\d s, main thread and other JVM threads \\d+\\.\\d\\d s\n");
        }
        assertThat(result.err()).contains("python peer skipped", "apt-get install -y python3-sklearn python3-pandas");
        assertThat(CliRunner.run("bench", "tabular", "--columns", "3").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }
}
