package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.batchscope.common.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateImagesCommandTest {

    @TempDir
    Path dir;

    @Test
    void specFileThenOptionsOverride() throws Exception {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, "ratio: 3\nsize: 16\ntrain: 5\nval: 2\ntest: 2\nseed: 4\n");
        Path out = dir.resolve("out");
        CliRunner.Result result = CliRunner.run("generate", "images", "--spec", spec.toString(), "--out", out.toString(),
                "--preset", "noise-dominant", "--train", "7", "--threads", "2");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("7 train", "2 val", "2 test-swap-feature", "of 16x16", "requested 30.00",
                "preview: " + out.resolve("preview.png"));
        assertThat(result.err()).contains("train: 7/7 images");
        JsonNode manifest = Json.mapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.get("spec").get("ratio").asDouble()).isEqualTo(30.0);
        assertThat(manifest.get("spec").get("seed").asLong()).isEqualTo(4);
        assertThat(manifest.get("counts").get("train").asLong()).isEqualTo(7);
    }

    @Test
    void anImagesSpecIsAcceptedAndAContradictingKindIsRefused() throws Exception {
        Path out = dir.resolve("dogs");
        Path spec = dir.resolve("dogs-spec.yaml");
        Files.writeString(spec, "kind: images\nsize: 16\ntrain: 64\nval: 32\ntest: 32\nseed: 1\nclasses: [blue, amber]\n");

        CliRunner.Result images = CliRunner.run("generate", "images", "--spec", spec.toString(), "--out",
                out.toString(), "--train", "2", "--val", "0", "--test", "0");
        assertThat(images.exitCode()).as(images.err()).isEqualTo(ExitCodes.OK);
        assertThat(images.out()).contains("of 16x16");

        Path table = dir.resolve("table");
        CliRunner.Result tabular = CliRunner.run("generate", "tabular", "--spec", spec.toString(), "--out",
                table.toString());
        assertThat(tabular.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(tabular.err()).isEqualTo("error: " + spec + ": kind images does not fit generate tabular, which"
                + " reads kind tabular (or no kind)" + System.lineSeparator());
        assertThat(Files.exists(table)).isFalse();
    }

    @Test
    void badValuesExitWithTwoAndOneLineAndWriteNothing() {
        Path out = dir.resolve("out");
        assertBad("error: ratio must be a number in (0, 1000] (got -1.0)", "--ratio", "-1", "--out", out.toString());
        assertBad("error: size must be an integer in [16, 512] (got 8)", "--size", "8", "--out", out.toString());
        assertBad("error: classes must be a list of 2 to 7 eye colours (got [blue])", "--classes", "blue",
                "--out", out.toString());
        assertBad("error: classes must be eye colours from blue, amber, green, brown, grey, violet, red (got pink)",
                "--classes", "blue,pink", "--out", out.toString());
        assertBad("error: --preset must be one of feature-dominant, noise-over-feature, noise-dominant (got loud)",
                "--preset", "loud", "--out", out.toString());
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void foreignFolderIsRefusedEvenWithOverwriteWhichOnlyReplacesADataset() throws Exception {
        Files.writeString(dir.resolve("keep.txt"), "x");
        String[] args = {"generate", "images", "--out", dir.toString(), "--size", "16", "--train", "2", "--val", "0",
            "--test", "0"};
        String[] overwrite = java.util.Arrays.copyOf(args, args.length + 1);
        overwrite[args.length] = "--overwrite";
        for (String[] command : List.of(args, overwrite)) {
            CliRunner.Result refused = CliRunner.run(command);
            assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(refused.err()).contains("holds files that batchscope did not write");
        }
        assertThat(Files.exists(dir.resolve("keep.txt"))).isTrue();
        Path data = dir.resolve("data");
        String[] first = {"generate", "images", "--out", data.toString(), "--size", "16", "--train", "2", "--val", "0",
            "--test", "0"};
        assertThat(CliRunner.run(first).exitCode()).isEqualTo(ExitCodes.OK);
        String[] other = {"generate", "images", "--out", data.toString(), "--size", "16", "--train", "3", "--val", "0",
            "--test", "0"};
        CliRunner.Result refused = CliRunner.run(other);
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains("pass --overwrite");
        String[] replace = java.util.Arrays.copyOf(other, other.length + 1);
        replace[other.length] = "--overwrite";
        assertThat(CliRunner.run(replace).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(Files.exists(data.resolve("manifest.json"))).isTrue();
    }

    @Test
    void benchPrintsImagesPerSecond() {
        CliRunner.Result result = CliRunner.run("bench", "images", "--count", "20", "--size", "16", "--threads", "1");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).matches("batchscope: 20 images of 16x16 written on 1 threads in [0-9.]+ s: [0-9,]+ images/s;"
                + " CPU [0-9]+\\.[0-9]{3} ms/image = [0-9,]+ images/CPU-s( \\(of which kernel [0-9]+\\.[0-9]{3} ms/image\\))?\\R");
    }

    private static void assertBad(String line, String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "generate";
        args[1] = "images";
        System.arraycopy(options, 0, args, 2, options.length);
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).isEqualTo(line + System.lineSeparator());
    }
}
