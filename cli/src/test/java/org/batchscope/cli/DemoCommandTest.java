package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.batchscope.reports.results.ResultCell;
import org.batchscope.reports.results.ResultsReader;
import org.batchscope.reports.results.SweepResults;
import org.batchscope.reports.sweep.SummaryTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path dir;

    private static final String[] TINY = {"--image-size", "16", "--train", "24", "--epochs", "2", "--seeds", "1",
        "--batch-sizes", "4,8", "--threads", "2"};

    private static CliRunner.Result demo(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("demo", "--out", out.toString()));
        args.addAll(List.of(TINY));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static long runFiles(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out.resolve("runs"))) {
            return files.filter(p -> p.toString().endsWith(".json")).count();
        }
    }

    @Test
    void tinyDemoTrainsThreeRatiosAndPrintsTableVerdictAndReport() throws IOException {
        Path out = dir.resolve("demo");
        CliRunner.Result result = demo(out);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.err()).contains("demo: batchscope analyze --sweep " + out.resolve(DemoCommand.SWEEP_FILE));
        assertThat(Files.readString(out.resolve(DemoCommand.SWEEP_FILE))).contains("spec: demo-spec.yaml\n",
                "ratios: [0.3, 3, 30]\n", "out: .\n", "model: cnn\n", "batch_sizes: [4, 8]\n", "seeds: 1\n",
                "epochs: 2\n");
        assertThat(Files.readString(out.resolve(DemoCommand.SPEC_FILE))).contains("size: 16\n", "train: 24\n",
                "val: 12\n", "test: 12\n");
        // 3 ratios x 2 batch sizes x 1 seed
        assertThat(runFiles(out)).isEqualTo(6);
        assertThat(out.resolve("report/report.pdf")).isRegularFile();
        assertThat(result.out()).contains("report: " + out.resolve("report/report.pdf"));

        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0).trim()).matches(
                "r\\s+B\\s+final accuracy\\s+amplitude\\s+reversal\\s+feature_reliance\\s+bg_gap\\s+runs by state");
        SweepResults results = ResultsReader.read(out);
        assertThat(results.cells()).hasSize(6);
        for (int i = 0; i < 6; i++) {
            ResultCell cell = results.cells().get(i);
            String[] row = lines.get(1 + i).trim().split("\\s+");
            assertThat(row[0]).isEqualTo(List.of("0.3", "3", "30").get(i / 2));
            assertThat(row[1]).isEqualTo(String.valueOf(List.of(4, 8).get(i % 2)));
            assertThat(lines.get(1 + i)).contains(SummaryTable.finalAccuracy(cell)).endsWith(SummaryTable.states(cell));
        }
        // the verdict follows the table: one paragraph per dataset
        assertThat(result.out()).contains("Dataset 0 (", "Dataset 1 (", "Dataset 2 (");
        assertThat(result.out().indexOf("Dataset 0 (")).isGreaterThan(result.out().indexOf("bg_gap"));

        // a rerun resumes: no run is trained again, the same table is printed
        Path firstRun;
        try (Stream<Path> files = Files.list(out.resolve("runs"))) {
            firstRun = files.sorted().findFirst().orElseThrow();
        }
        long modified = Files.getLastModifiedTime(firstRun).toMillis();
        CliRunner.Result again = demo(out);
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.getLastModifiedTime(firstRun).toMillis()).isEqualTo(modified);
        assertThat(again.out().lines().limit(7).toList()).isEqualTo(lines.subList(0, 7));
    }

    @Test
    void aDemoWithOtherSettingsIsRefusedUnlessOverwrite() throws IOException {
        Path out = Files.createDirectories(dir.resolve("demo"));
        Files.writeString(out.resolve(DemoCommand.SPEC_FILE), "# batchscope analyze --epochs 99\n");
        Files.createDirectories(out.resolve("runs"));
        Files.writeString(out.resolve("runs/old.json"), "{}");

        CliRunner.Result other = demo(out);
        assertThat(other.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(other.err()).contains("--out " + out + " holds sweep results of other input", "--overwrite");
        assertThat(out.resolve("runs/old.json")).exists();

        CliRunner.Result overwritten = demo(out, "--overwrite");
        assertThat(overwritten.exitCode()).as(overwritten.err()).isEqualTo(ExitCodes.OK);
        assertThat(out.resolve("runs/old.json")).doesNotExist();
        assertThat(runFiles(out)).isEqualTo(6);
        assertThat(Files.readString(out.resolve(DemoCommand.SPEC_FILE))).contains("size: 16\n");
        assertThat(Files.readString(out.resolve(DemoCommand.SWEEP_FILE))).contains("epochs: 2\n");

        // --overwrite with the same settings starts afresh instead of resuming
        Files.writeString(out.resolve("runs/stale.json"), "{}");
        CliRunner.Result again = demo(out, "--overwrite");
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.OK);
        assertThat(out.resolve("runs/stale.json")).doesNotExist();
        assertThat(runFiles(out)).isEqualTo(6);
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
    void rhoOutsideZeroToOneIsRefusedBeforeAnythingIsWritten() {
        Path out = dir.resolve("rho");

        CliRunner.Result result = demo(out, "--rho", "1.5");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("--rho").contains("[0, 1]");
        assertThat(out).doesNotExist();
    }

    @Test
    void aBadValueWritesNothingSoTheCorrectedCommandRuns() {
        Path out = dir.resolve("demo");
        CliRunner.Result bad = CliRunner.run("demo", "--out", out.toString(), "--image-size", "8");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).isEqualTo("error: --image-size must be an integer in [16, 512] (got 8)\n");
        assertThat(out).doesNotExist();
        CliRunner.Result epochs = CliRunner.run("demo", "--out", out.toString(), "--epochs", "1000000000");
        assertThat(epochs.err()).isEqualTo("error: --epochs must be an integer in [1, 100000] (got 1000000000)\n");
        assertThat(out).as("checked before the spec is written").doesNotExist();
    }
}
