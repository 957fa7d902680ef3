package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.batchscope.common.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code batchscope diagnose} end to end on the sample logs, with the numbers worked out by hand.
 *
 * <p>samples/logs/keras/bs8.csv, val_accuracy 0.60 0.70 0.65 0.75 0.70 0.80 0.72 0.82: T = 8, the
 * window is the last 4 points w = 0.70 0.80 0.72 0.82, mean 0.76, deviations -0.06 0.04 -0.04 0.06.
 * <ul>
 *   <li>amplitude = sqrt((0.0036 + 0.0016 + 0.0016 + 0.0036) / 3) = sqrt(0.0104 / 3) = 0.058878</li>
 *   <li>mean_abs_change = (0.10 + 0.08 + 0.10) / 3 = 0.093333</li>
 *   <li>reversal_rate: differences + - +, both adjacent pairs reverse: 1</li>
 *   <li>detrended_std: the line through t = 0..3 has slope 0.14 / 5 = 0.028; residuals -0.018 0.054
 *       -0.054 0.018; sqrt((2 * 0.000324 + 2 * 0.002916) / 3) = sqrt(0.00216) = 0.046476</li>
 *   <li>hf_power_share: K = 4; X_1 = 0.036 - 0.036i, |X_1|^2 = 0.002592; X_2 = -0.144,
 *       |X_2|^2 = 0.020736; share = 0.020736 / 0.023328 = 8/9 = 0.888889</li>
 *   <li>max_drawdown: running maximum 0.70 0.80 0.80 0.82, largest fall 0.80 - 0.72 = 0.08</li>
 * </ul>
 * samples/logs/keras/bs64.csv, val_accuracy window 0.75 0.76 0.77 0.78: amplitude =
 * sqrt((2 * 0.015^2 + 2 * 0.005^2) / 3) = sqrt(0.0005 / 3) = 0.012910; reversal_rate 0; ratio of
 * amplitudes 0.058878 / 0.012910 = 4.56.
 *
 * <p>samples/logs/lightning/bs32/metrics.csv, train_loss per step 1.00 0.90 0.95 0.85 0.80 2.00 ...:
 * m, v start at 1, 0; threshold before step 5 is m_4 + 3 sqrt(v_4) = 0.95516 + 3 * 0.070964 = 1.168,
 * so 2.00 is a spike; every other step stays below its threshold: 1 spike.
 */
class DiagnoseCommandTest {

    private static final Path SAMPLES = Path.of("..", "samples", "logs");

    @TempDir
    Path out;

    @Test
    void twoKerasLogsGiveHandCheckedMetricsReadingChartsJsonAndPdf() throws Exception {
        CliRunner.Result result = CliRunner.run("diagnose", SAMPLES.resolve("keras/bs8.csv").toString(),
                SAMPLES.resolve("keras/bs64.csv").toString(), "--out", out.toString());
        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        // four significant digits: 0.058878 -> 0.05888, 0.093333 -> 0.09333, 0.046476 -> 0.04648
        assertThat(result.out()).contains("bs8  (", "  read as Keras CSVLogger, x: epoch, batch size 8, state oscillating",
                "  compared: val_accuracy",
                "Validation accuracy oscillates most in bs8: amplitude 0.05888 against 0.01291 in bs64"
                        + " (4.6 times as much); reversal rate 1.00 against 0.00",
                // bs64 climbs 0.75, 0.76, 0.77, 0.78 over its last half: improving, not oscillating (DiagnosisStateTest)
                "States of the validation accuracy over the last half: bs8 oscillating, bs64 improving")
                .containsPattern(row("val_accuracy", "epoch", "8", "4", "0.05888", "0.09333", "1.000", "0.04648",
                        "0.8889", "0.08000", "-"))
                .containsPattern(row("val_accuracy", "epoch", "8", "4", "0.01291", "0.01000", "0"));

        JsonNode json = Json.mapper().readTree(out.resolve("diagnose.json").toFile());
        assertThat(json.get("compared_series").asText()).isEqualTo("val_accuracy");
        JsonNode bs8 = json.get("logs").get(0);
        assertThat(bs8.get("label").asText()).isEqualTo("bs8");
        assertThat(bs8.get("batch_size").asInt()).isEqualTo(8);
        assertThat(bs8.get("state").asText()).isEqualTo("oscillating");
        assertThat(json.get("logs").get(1).get("state").asText()).isEqualTo("improving");
        JsonNode metrics = bs8.get("series").get(1).get("metrics");
        assertThat(bs8.get("series").get(1).get("name").asText()).isEqualTo("val_accuracy");
        assertThat(metrics.get("amplitude").asDouble()).isCloseTo(Math.sqrt(0.0104 / 3), within(1e-12));
        assertThat(metrics.get("mean_abs_change").asDouble()).isCloseTo(0.28 / 3, within(1e-12));
        assertThat(metrics.get("reversal_rate").asDouble()).isEqualTo(1.0);
        assertThat(metrics.get("detrended_std").asDouble()).isCloseTo(Math.sqrt(0.00216), within(1e-12));
        assertThat(metrics.get("hf_power_share").asDouble()).isCloseTo(8.0 / 9, within(1e-12));
        assertThat(metrics.get("max_drawdown").asDouble()).isCloseTo(0.08, within(1e-12));
        JsonNode bs64 = json.get("logs").get(1).get("series").get(1).get("metrics");
        assertThat(bs64.get("amplitude").asDouble()).isCloseTo(Math.sqrt(0.0005 / 3), within(1e-12));

        assertThat(out.resolve("seed-picture.png")).exists();
        assertThat(out.resolve("oscillation-metrics.png")).exists();
        assertThat(out.resolve("minibatch-loss.png")).doesNotExist(); // Keras logs have no per-step loss
        try (PDDocument pdf = Loader.loadPDF(out.resolve("diagnose.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("batchscope diagnose", "Reading", "What was read", "Metrics per log", "0.05888",
                    "0.01291", "0.8889", "Training curves per log", "Oscillation of validation accuracy per log",
                    "Appendix: metric definitions", "hf_power_share");
        }
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<h2>Reading</h2>", "0.05888", "<table class=\"sortable\">")
                .containsPattern("(?s)(<svg.*){2}");
    }

    @Test
    void lightningLogCountsTheLossSpikeAndDrawsTheMinibatchChart() throws Exception {
        CliRunner.Result result = CliRunner.run("diagnose", SAMPLES.resolve("lightning/bs32/metrics.csv").toString(),
                "--label", "lightning-bs32", "--out", out.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("lightning-bs32  (", "lightning-bs32: 1 loss spike in 16 steps of train_loss")
                .containsPattern(row("train_loss", "step", "16"));
        JsonNode log = Json.mapper().readTree(out.resolve("diagnose.json").toFile()).get("logs").get(0);
        assertThat(log.get("batch_size").asInt()).isEqualTo(32);
        assertThat(log.get("series").get(0).get("loss_spikes").asInt()).isEqualTo(1);
        // val_acc 0.60 0.70 0.68 0.74: window 0.68 0.74, amplitude |0.06| / sqrt(2)
        assertThat(log.get("series").get(1).get("metrics").get("amplitude").asDouble())
                .isCloseTo(0.06 / Math.sqrt(2), within(1e-12));
        assertThat(out.resolve("minibatch-loss.png")).exists();
    }

    @Test
    void tensorBoardAndWandbExportsAreReadTogether() throws Exception {
        CliRunner.Result result = CliRunner.run("diagnose",
                SAMPLES.resolve("tensorboard/run-bs16-tag-train_loss.csv").toString(),
                SAMPLES.resolve("wandb/export.csv").toString(), "--out", out.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        // TensorBoard: window 1.0 0.8 0.9 0.7, mean 0.85, amplitude sqrt(0.05 / 3) = 0.1291,
        // mean_abs_change 0.5 / 3 = 0.1667, max_drawdown (loss) 0.9 - 0.8 = 0.1000
        assertThat(result.out()).contains("bs16  (", "TensorBoard scalar export", "bs128  (", "bs256  (", "W&B export")
                .containsPattern(row("train_loss", "step", "8", "4", "0.1291", "0.1667", "1.000"));
    }

    @Test
    void unknownLayoutIsOneLineAndExitCode2AndWritesNothing() throws Exception {
        Path odd = Files.writeString(out.resolve("odd.csv"), "when,how much\n1,2\n");
        Path target = out.resolve("report");
        CliRunner.Result result = CliRunner.run("diagnose", odd.toString(), "--out", target.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).startsWith("error: " + odd + ": unknown log layout").contains("pass --y");
        assertThat(result.err().lines().count()).isEqualTo(1);
        assertThat(target).doesNotExist();
    }

    @Test
    void nonNumericCellIsBadInput() throws Exception {
        Path bad = Files.writeString(out.resolve("bad.csv"), "epoch,val_loss\n0,0.9\n1,oops\n");
        CliRunner.Result result = CliRunner.run("diagnose", bad.toString(), "--out", out.resolve("r").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).isEqualTo("error: " + bad + ": line 3, column 'val_loss': 'oops' is not a number\n");
    }

    @Test
    void wrongNumberOfLabelsIsBadInput() {
        CliRunner.Result result = CliRunner.run("diagnose", SAMPLES.resolve("keras/bs8.csv").toString(),
                "--label", "a", "--label", "b", "--out", out.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("--label was given 2 times for 1 logs");
    }

    @Test
    void genericCsvWithXAndY() throws Exception {
        Path csv = Files.writeString(out.resolve("custom.csv"), "iteration,score\n1,0.5\n2,0.7\n3,0.6\n4,0.8\n");
        CliRunner.Result result = CliRunner.run("diagnose", csv.toString(), "--x", "iteration", "--y", "score",
                "--out", out.resolve("r").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        // window 0.6 0.8: amplitude 0.2 / sqrt(2) = 0.1414
        assertThat(result.out()).containsPattern(row("score", "iteration", "4", "2", "0.1414"));
    }

    @Test
    void everyYColumnIsMeasuredAndTheFirstIsCompared() throws Exception {
        Path csv = Files.writeString(out.resolve("loop.csv"),
                "Epoch,Train Loss,accuracy,Test Accuracy\n1,0.9,0.5,0.4\n2,0.8,0.7,0.5\n3,0.7,0.6,0.6\n4,0.6,0.8,0.55\n");
        CliRunner.Result result = CliRunner.run("diagnose", csv.toString(), "--y", "accuracy", "--y", "Test Accuracy",
                "--out", out.resolve("r").toString());
        assertThat(result.err()).isEmpty();
        // accuracy window 0.6 0.8: amplitude 0.1414; Test Accuracy window 0.6 0.55: amplitude 0.05 / sqrt(2) = 0.03536
        assertThat(result.out()).contains("compared: accuracy (first --y)")
                .containsPattern(row("accuracy", "Epoch", "4", "2", "0.1414"))
                .containsPattern(row("Test Accuracy", "Epoch", "4", "2", "0.03536"));
    }

    @Test
    void validationOnStepLightningLogPrintsLayoutXAndTheChoice() {
        CliRunner.Result result = CliRunner.run("diagnose", SAMPLES.resolve("lightning/val-on-step/metrics.csv").toString(),
                "--out", out.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("read as Lightning metrics.csv, x: epoch, step", "compared: val_acc_epoch",
                "val_acc_epoch compared as the validation accuracy (also logged: val_acc_step; pass --y to choose)");
    }

    @Test
    void divergedRunIsNamedInTheReading() throws Exception {
        CliRunner.Result result = CliRunner.run("diagnose", SAMPLES.resolve("keras/diverged.csv").toString(),
                "--out", out.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("loss: 4 values are not finite, the first (inf) at epoch 8, line 10",
                "diverged diverged at epoch 8: loss is inf there (line 10) and never finite again");
        JsonNode log = Json.mapper().readTree(out.resolve("diagnose.json").toFile()).get("logs").get(0);
        assertThat(log.get("diverged").get("line").asInt()).isEqualTo(10);
        assertThat(log.get("diverged").get("series").asText()).isEqualTo("loss");
    }

    @Test
    void aRerunRemovesTheChartsOfTheEarlierDiagnosis() {
        assertThat(CliRunner.run("diagnose", SAMPLES.resolve("lightning/bs32/metrics.csv").toString(), "--out",
                out.toString()).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(out.resolve("minibatch-loss.png")).exists();
        // other logs into the same folder: refused unless --overwrite (the folder records what it holds)
        assertThat(CliRunner.run("diagnose", SAMPLES.resolve("keras/bs8.csv").toString(), "--out",
                out.toString(), "--overwrite").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(out.resolve("minibatch-loss.png")).doesNotExist();
        assertThat(out.resolve("seed-picture.png")).exists();
    }

    @Test
    void aLogTooShortToMeasureIsBadInputAndWritesNothing() throws Exception {
        Path csv = Files.writeString(out.resolve("short.csv"), "epoch,loss,val_loss\n0,1.0,1.1\n1,0.9,1.0\n");
        Path target = out.resolve("r");
        CliRunner.Result result = CliRunner.run("diagnose", csv.toString(), "--out", target.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).isEqualTo("error: no series has the 3 finite points the metrics need (short loss: 2,"
                + " short val_loss: 2); log more epochs or steps\n");
        assertThat(target).doesNotExist();
    }

    @Test
    void aFileThatIsNotTextIsBadInput() throws Exception {
        Path binary = out.resolve("weights.bin");
        Files.write(binary, new byte[] {0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00});
        CliRunner.Result result = CliRunner.run("diagnose", binary.toString(), "--out", out.resolve("r").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).isEqualTo("error: " + binary + ": not a text file (it holds binary bytes); expected a CSV"
                + " training log\n");
    }

    /** @return a pattern for one table row: the cells in order, separated by blanks */
    private static String row(String... cells) {
        return "(?m)^\\s+" + String.join("\\s+", java.util.Arrays.stream(cells).map(java.util.regex.Pattern::quote).toList())
                + "(\\s|$)";
    }
}
