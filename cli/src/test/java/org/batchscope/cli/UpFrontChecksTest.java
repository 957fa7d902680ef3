package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.batchscope.generator.output.DatasetFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything a command can know at its start is checked before it trains or writes: an altered or
 * unfinished dataset, an output folder that holds other results or is a file, numbers out of range, a
 * model file that is no model, unreadable inputs. Each gives exit code 2, one line in the user's words,
 * and leaves {@code --out} as it was (here: not created).
 */
class UpFrontChecksTest {

    @TempDir
    Path dir;

    private Path data;

    @BeforeEach
    void generate() {
        data = dir.resolve("table");
        CliRunner.Result made = CliRunner.run("generate", "tabular", "--out", data.toString(), "--train", "120", "--val",
                "40", "--test", "40", "--ratio", "3", "--seed", "5", "--threads", "1");
        assertThat(made.exitCode()).as(made.err()).isEqualTo(ExitCodes.OK);
    }

    private CliRunner.Result analyze(Path dataset, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("analyze", "--data", dataset.toString(), "--out", out.toString(),
                "--seeds", "1", "--probes-per-run", "0", "--no-report"));
        args.addAll(List.of(extra));
        // small defaults for the options a test does not set itself
        String[][] defaults = {{"--batch-sizes", "8"}, {"--epochs", "1"}, {"--threads", "1"}};
        for (String[] option : defaults) {
            if (!args.contains(option[0])) {
                args.addAll(List.of(option));
            }
        }
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static void assertOneLine(CliRunner.Result result, String... parts) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).startsWith("error: ").endsWith("\n").contains(parts);
        assertThat(result.err().strip().lines().count()).as(result.err()).isEqualTo(1);
    }

    private Path copyOfData(String name) throws IOException {
        Path copy = dir.resolve(name);
        Files.createDirectories(copy);
        try (var files = Files.list(data)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    @Test
    void anAlteredOrUnfinishedDatasetIsRefusedBeforeTraining() throws IOException {
        Path out = dir.resolve("never");
        Path edited = copyOfData("edited");
        try (RandomAccessFile file = new RandomAccessFile(edited.resolve("train_X.npy").toFile(), "rw")) {
            file.seek(file.length() - 1);
            int last = file.read();
            file.seek(file.length() - 1);
            file.write(last ^ 1);
        }
        assertOneLine(analyze(edited, out), "--data " + edited + " differs from its manifest: train_X.npy has changed"
                + " (its SHA-256 differs)", "--no-verify");
        assertThat(out).doesNotExist();

        Path shortened = copyOfData("shortened");
        Files.writeString(shortened.resolve("val.csv"), "x0,label\n");
        assertOneLine(analyze(shortened, out, "--no-verify"), "val.csv has 9 bytes, the manifest says");

        Path missing = copyOfData("missing");
        Files.delete(missing.resolve("test_y.npy"));
        assertOneLine(analyze(missing, out), "--data " + missing + " differs from its manifest: test_y.npy is missing");

        Path unfinished = copyOfData("unfinished");
        Files.delete(unfinished.resolve(DatasetFolder.MANIFEST));
        Files.writeString(unfinished.resolve(DatasetFolder.IN_PROGRESS), "abc\n");
        assertOneLine(analyze(unfinished, out), "--data " + unfinished + " is an unfinished dataset");
        assertThat(out).doesNotExist();

        Files.writeString(data.resolve("notes.txt"), "a stray file at the top does not change the dataset");
        CliRunner.Result fine = analyze(data, dir.resolve("fine"));
        assertThat(fine.exitCode()).as(fine.err()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void aSecondSweepOnOtherDataIsRefusedBeforeTrainingAndTheFolderStaysReadable() throws IOException {
        Path out = dir.resolve("results");
        assertThat(analyze(data, out).exitCode()).isEqualTo(ExitCodes.OK);
        Path other = dir.resolve("other");
        assertThat(CliRunner.run("generate", "tabular", "--out", other.toString(), "--train", "120", "--val", "40",
                "--test", "40", "--ratio", "30", "--seed", "5", "--threads", "1").exitCode()).isEqualTo(ExitCodes.OK);
        long runs;
        try (var files = Files.list(out.resolve("runs"))) {
            runs = files.count();
        }
        assertOneLine(analyze(other, out), "--out " + out + " holds sweep results of other input; choose another folder"
                + " or pass --overwrite");
        try (var files = Files.list(out.resolve("runs"))) {
            assertThat(files.count()).as("nothing trained").isEqualTo(runs);
        }
        CliRunner.Result report = CliRunner.run("report", out.toString(), "--out", dir.resolve("report").toString());
        assertThat(report.exitCode()).as(report.err()).isEqualTo(ExitCodes.OK);
        CliRunner.Result replaced = analyze(other, out, "--overwrite");
        assertThat(replaced.exitCode()).as(replaced.err()).isEqualTo(ExitCodes.OK);
        Path second = dir.resolve("results2");
        assertThat(analyze(data, second).exitCode()).isEqualTo(ExitCodes.OK);
        CliRunner.Result otherReport = CliRunner.run("report", second.toString(), "--out", dir.resolve("report").toString());
        assertOneLine(otherReport, "--out " + dir.resolve("report") + " holds a sweep report of other input");
    }

    @Test
    void optionsOutOfRangeAreNamedBeforeAnythingIsWritten() throws IOException {
        Path out = dir.resolve("never");
        assertOneLine(analyze(data, out, "--epochs", "1000000000"),
                "--epochs must be an integer in [1, 100000] (got 1000000000)");
        assertOneLine(analyze(data, out, "--hidden", "2000000000"),
                "--hidden must be integers in [1, 16384] (got [2000000000])");
        assertOneLine(analyze(data, out, "--hidden", "16384,16384"), "--hidden [16384, 16384] gives a model of");
        assertOneLine(analyze(data, out, "--threads", "10000"), "--threads must be an integer in [1, 256] (got 10000)");
        assertOneLine(analyze(data, out, "--batch-sizes", "500"),
                "--batch-sizes: 500 is larger than the training set of " + data + " (120 samples)");
        assertOneLine(analyze(data, out, "--batch-sizes", "8,100", "--epochs", "3", "--batch-schedule", "2@2"),
                "--batch-schedule: 2@2 grows batch size 100 to 200, larger than the training set of " + data
                        + " (120 samples)");
        assertOneLine(analyze(data, out, "--batch-schedule", "2@5,3"), "--batch-schedule must be FACTOR@EPOCH");
        assertOneLine(analyze(data, out, "--budget", "steps", "--steps", "2000000000"),
                "--steps must be an integer in [1, 1000000000] (got 2000000000)");
        assertOneLine(CliRunner.run("analyze", "--spec", "x.yaml", "--ratios", "3,3", "--out", out.toString()),
                "--ratios must be distinct values (got [3.0, 3.0])");
        assertThat(out).doesNotExist();
    }

    @Test
    void aModelFileThatIsNoModelIsRefusedBeforeTraining() throws IOException {
        Path out = dir.resolve("never");
        Path model = dir.resolve("model.json");
        Files.writeString(model, "{\"confs\": 3}");
        assertOneLine(analyze(data, out, "--model", model.toString(), "--engine", "dl4j"),
                "--model: " + model + " could not be read as a DL4J MultiLayerConfiguration JSON file");
        assertThat(out).doesNotExist();
    }

    @Test
    void outputFoldersThatAreFilesAndUnreadableInputsAreOneLine() throws IOException {
        Path file = dir.resolve("file");
        Files.writeString(file, "x");
        assertOneLine(analyze(data, file), "--out " + file + " is a file; it must be a folder");
        assertOneLine(analyze(data, file.resolve("sub")), "--out " + file.resolve("sub") + " cannot be made: " + file
                + " is a file");
        assertOneLine(CliRunner.run("analyze", "--spec", dir.toString(), "--out", dir.resolve("never").toString()),
                "--spec: " + dir + " is a folder; expected a file");
        Path binary = dir.resolve("binary.csv");
        Files.write(binary, new byte[] {'a', ',', 'b', '\n', (byte) 0xC3, (byte) 0x28, ',', '1', '\n'});
        assertOneLine(analyze(binary, dir.resolve("never")), binary + ": not UTF-8 text (is it a binary file?)");
        assertOneLine(CliRunner.run("diagnose", "/dev/zero", "--out", dir.resolve("never").toString()),
                "LOG: /dev/zero is not a regular file");
        Path log = dir.resolve("bs8.csv");
        Files.writeString(log, "epoch,loss\n0,1\n1,0.5\n2,0.4\n");
        assertOneLine(CliRunner.run("diagnose", log.toString(), "--batch-size", "-4", "--out",
                dir.resolve("never").toString()), "--batch-size must be positive integers (got [-4])");
        assertThat(dir.resolve("never")).doesNotExist();
    }
}
