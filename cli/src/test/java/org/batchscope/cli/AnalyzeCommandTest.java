package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.batchscope.analyzer.sweep.CellSummary;
import org.batchscope.analyzer.sweep.Verdict;
import org.batchscope.common.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

    @TempDir
    Path dir;

    private Path data;

    @BeforeEach
    void generateTinyTable() {
        data = dir.resolve("table");
        CliRunner.Result generated = CliRunner.run("generate", "tabular", "--out", data.toString(), "--train", "120",
                "--val", "40", "--test", "40", "--ratio", "3", "--threads", "1");
        assertThat(generated.exitCode()).as(generated.err()).isEqualTo(ExitCodes.OK);
    }

    private CliRunner.Result analyze(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("analyze", "--data", data.toString(), "--out",
                out.toString(), "--batch-sizes", "4,16", "--seeds", "2", "--epochs", "2", "--threads", "2"));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static List<Path> runFiles(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out.resolve("runs"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    /**
     * A run file or summary without its time-dependent fields, the only ones a rerun may change: a run's
     * {@code timing}, a cell's columns of the {@link CellSummary#TIME_DEPENDENT} measures, and the verdict's
     * cost line.
     */
    private static JsonNode withoutWallTime(Path file) throws IOException {
        JsonNode node = Json.mapper().readTree(file.toFile());
        if (node.has("timing")) {
            ((ObjectNode) node).remove("timing");
        }
        for (JsonNode cell : node.path("cells")) {
            List<String> timed = new java.util.ArrayList<>();
            cell.fieldNames().forEachRemaining(name -> {
                if (CellSummary.TIME_DEPENDENT.stream().anyMatch(name::startsWith)) {
                    timed.add(name);
                }
            });
            ((ObjectNode) cell).remove(timed);
        }
        if (node.has("verdict")) {
            com.fasterxml.jackson.databind.node.ArrayNode verdict = (com.fasterxml.jackson.databind.node.ArrayNode) node.get("verdict");
            for (int i = verdict.size() - 1; i >= 0; i--) {
                if (verdict.get(i).asText().startsWith(Verdict.COST_PREFIX)) {
                    verdict.remove(i);
                }
            }
        }
        return node;
    }

    @Test
    void smallSweepWritesRunsSummaryAndVerdict() throws IOException {
        Path out = dir.resolve("results");
        CliRunner.Result result = analyze(out);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.err()).contains("sweep: 4 runs, 0 already done, 4 to run", "run 4/4 done");
        assertThat(result.out()).contains("Dataset 0 (" + data + ", r = 3.00", "step size: every batch size ran at one"
                + " learning rate (--lr-scaling fixed)", "results: ");
        assertThat(runFiles(out)).hasSize(4);
        JsonNode run = Json.mapper().readTree(runFiles(out).get(0).toFile());
        assertThat(run.path("status").asText()).isEqualTo("completed");
        assertThat(run.path("state").asText()).isIn("steady", "improving", "oscillating", "collapsed", "chance");
        assertThat(runFiles(out).get(0).getFileName().toString()).isEqualTo(run.path("config_hash").asText() + ".json");
        // the default --gap-samples all is left out of the config, so earlier results keep their hash
        assertThat(run.path("config").has("gap_samples")).isFalse();
        assertThat(run.path("metrics").fieldNames()).toIterable().contains("amplitude", "churn", "loss_spikes",
                "final_accuracy", "minibatch_loss_hf_power_share", "informative_permutation_drop",
                "noise_permutation_drop", "mean_gsnr", "test_accuracy");
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(0).split(",")).contains("batch_size", "ratio", "lr", "seeds", "state", "state_steady", "amplitude_mean",
                "amplitude_std", "final_accuracy_mean", "final_accuracy_std");
        assertThat(csv.get(1)).startsWith("0,3.0,4,4,0.05,0.05,0.0125,2,0,0,");
        assertThat(csv.get(2)).startsWith("0,3.0,16,16,0.05,0.05,0.003125,2,0,0,");
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("cells")).hasSize(2);
        assertThat(summary.path("comparisons")).hasSize(1);
        assertThat(summary.path("datasets").get(0).path("gradient_noise_scale").isNumber()).isTrue();
        assertThat(Files.readString(out.resolve("verdict.txt"))).startsWith("Dataset 0 (");
        assertThat(result.out()).contains("report: " + out.resolve("report").resolve("report.pdf"));
        assertThat(out.resolve("report").resolve("report.pdf")).isNotEmptyFile();
    }

    @Test
    void fullBatchSitsBesideMiniBatchesWithGapSharpnessAndCost() throws IOException {
        Path out = dir.resolve("full");
        CliRunner.Result result = CliRunner.run("analyze", "--data", data.toString(), "--out", out.toString(),
                "--batch-sizes", "4,FULL", "--seeds", "2", "--epochs", "3", "--threads", "2", "--target-accuracy", "0.6",
                "--x-axis", "samples", "--eps-steps", "10", "--sharpness-samples", "512", "--train-eval-samples", "50",
                "--gap-samples", "40", "--validation-samples", "30");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("B=full lr=", "  cost: B=full is ");
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        assertThat(header).contains("batch_label", "gap_accuracy_mean", "gap_loss_mean", "eps_sharpness_mean",
                "hessian_max_eig_mean", "seconds_per_epoch_mean", "samples_per_second_mean", "steps_per_epoch_mean",
                "steps_to_target_mean", "seconds_to_target_mean", "target_reached");
        // 120 training samples: full is B = 120, one step per epoch
        assertThat(csv.get(2)).startsWith("0,3.0,120,full,");
        assertThat(csv.get(2).split(",")[header.indexOf("steps_per_epoch_mean")]).isEqualTo("1.0");
        assertThat(csv.get(1).split(",")[header.indexOf("steps_per_epoch_mean")]).isEqualTo("30.0");
        for (Path file : runFiles(out)) {
            JsonNode run = Json.mapper().readTree(file.toFile());
            JsonNode m = run.path("metrics");
            assertThat(m.path("gap_accuracy").asDouble())
                    .isEqualTo(m.path("final_train_accuracy").asDouble() - m.path("heldout_accuracy").asDouble());
            assertThat(m.path("gap_loss").asDouble())
                    .isEqualTo(m.path("final_train_loss").asDouble() - m.path("heldout_loss").asDouble());
            assertThat(m.path("heldout_accuracy").asDouble()).isEqualTo(m.path("test_accuracy").asDouble());
            assertThat(m.path("eps_sharpness").asDouble()).isGreaterThanOrEqualTo(0);
            assertThat(m.path("hessian_max_eig").isNumber()).isTrue();
            assertThat(run.path("sharpness").path("settings").path("epsilon").asDouble()).isEqualTo(1e-3);
            assertThat(run.path("sharpness").path("samples").asInt()).isEqualTo(120);
            assertThat(run.path("sharpness").path("settings").path("ascent_steps").asInt()).isEqualTo(10);
            assertThat(run.path("config").path("train_eval_samples").asInt()).isEqualTo(50);
            // the end-of-run train accuracy scores 40 of the 120 training samples: a multiple of 1/40
            assertThat(run.path("config").path("gap_samples").asInt()).isEqualTo(40);
            double correct = m.path("final_train_accuracy").asDouble() * 40;
            assertThat(correct).isCloseTo(Math.rint(correct), org.assertj.core.api.Assertions.within(1e-9));
            // each evaluation scores 30 of the 40 validation samples: multiples of 1/30
            assertThat(run.path("config").path("validation_samples").asInt()).isEqualTo(30);
            for (JsonNode evaluation : run.path("evaluations")) {
                double right = evaluation.path("validation_accuracy").asDouble() * 30;
                assertThat(right).isCloseTo(Math.rint(right), org.assertj.core.api.Assertions.within(1e-9));
            }
            assertThat(run.path("timing").path("training_seconds_at_evaluation")).hasSameSizeAs(run.path("evaluations"));
            JsonNode phases = run.path("timing").path("analysis_seconds");
            double sum = 0;
            for (String phase : List.of("evaluations", "gradient_probes", "scoring", "eps_sharpness", "lanczos")) {
                assertThat(phases.path(phase).asDouble()).as(phase).isPositive();
                sum += phases.path(phase).asDouble();
            }
            assertThat(phases.path("total").asDouble()).isCloseTo(sum, org.assertj.core.api.Assertions.within(1e-9));
        }
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("sweep").path("batch_sizes").toString()).isEqualTo("[4,\"full\"]");
        assertThat(summary.path("datasets").get(0).path("gap_split").asText()).isEqualTo("test");
        assertThat(summary.path("datasets").get(0).path("val").asInt()).isEqualTo(40);
        assertThat(summary.path("datasets").get(0).path("val_evaluated").asInt()).isEqualTo(30);
        assertThat(Files.readString(out.resolve("verdict.txt")))
                .contains("; 30 of 40 validation samples per evaluation (--validation-samples), so one sample is 0.0333");
        assertThat(summary.path("datasets").get(0).path("target_accuracy").asDouble()).isEqualTo(0.6);
        for (String chart : List.of("generalization-gap.png", "sharpness.png", "cost.png", "seed-picture.png")) {
            assertThat(ImageIO.read(out.resolve("report").resolve(chart).toFile()).getWidth()).as(chart).isGreaterThan(1000);
        }
    }

    @Test
    void aStoppedSweepResumesToTheUninterruptedResult() throws IOException {
        Path whole = dir.resolve("whole");
        Path resumed = dir.resolve("resumed");
        assertThat(analyze(whole).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(analyze(resumed).exitCode()).isEqualTo(ExitCodes.OK);
        // simulate a sweep killed after two runs: two run files and the summary missing, a stray temp file
        List<Path> files = runFiles(resumed);
        Files.delete(files.get(0));
        Files.delete(files.get(3));
        Files.delete(resumed.resolve("summary.json"));
        Files.delete(resumed.resolve("summary.csv"));
        Files.writeString(resumed.resolve("runs").resolve("." + files.get(0).getFileName() + ".tmp-123"), "{\"half");
        CliRunner.Result rerun = analyze(resumed);
        assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(ExitCodes.OK);
        assertThat(rerun.err()).contains("sweep: 4 runs, 2 already done, 2 to run");
        assertThat(runFiles(resumed)).extracting(Path::getFileName)
                .containsExactlyElementsOf(runFiles(whole).stream().map(Path::getFileName).toList());
        for (Path file : runFiles(whole)) {
            assertThat(withoutWallTime(resumed.resolve("runs").resolve(file.getFileName())))
                    .isEqualTo(withoutWallTime(file));
        }
        assertThat(withoutWallTime(resumed.resolve("summary.json"))).isEqualTo(withoutWallTime(whole.resolve("summary.json")));
        CliRunner.Result again = analyze(resumed);
        assertThat(again.err()).contains("sweep: 4 runs, 4 already done, 0 to run");
    }

    @Test
    void divergedRunsAreReportedNotFatal() throws IOException {
        Path out = dir.resolve("diverged");
        CliRunner.Result result = analyze(out, "--lr", "1e30");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.err()).contains("diverged");
        for (Path file : runFiles(out)) {
            assertThat(Json.mapper().readTree(file.toFile()).path("status").asText()).isEqualTo("diverged");
        }
        assertThat(Files.readAllLines(out.resolve("summary.csv")).get(1)).startsWith("0,3.0,4,4,1.0E30,1.0E30,2.5E29,0,2,0");
    }

    @Test
    void noiseSweepFromASpecGeneratesEachRatio() throws IOException {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, "kind: tabular\ntrain: 100\nval: 40\ntest: 40\nseed: 5\n");
        Path out = dir.resolve("noise");
        CliRunner.Result result = CliRunner.run("analyze", "--spec", spec.toString(), "--ratios", "0.3,30",
                "--out", out.toString(), "--batch-sizes", "8", "--seeds", "2", "--epochs", "2", "--threads", "2");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(out.resolve("datasets/r=0.3/manifest.json")).isRegularFile();
        assertThat(out.resolve("datasets/r=30/manifest.json")).isRegularFile();
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("cells")).extracting(c -> c.path("ratio").asDouble()).containsExactly(0.3, 30.0);
        JsonNode robustness = summary.path("noise_robustness").get(0);
        assertThat(robustness.path("batch_size").asInt()).isEqualTo(8);
        assertThat(robustness.path("ratios")).extracting(JsonNode::asDouble).containsExactly(0.3, 30.0);
        assertThat(robustness.has("breakdown_ratio")).isTrue();
        // a second invocation reuses the generated datasets and the finished runs
        CliRunner.Result again = CliRunner.run("analyze", "--spec", spec.toString(), "--ratios", "0.3,30",
                "--out", out.toString(), "--batch-sizes", "8", "--seeds", "2", "--epochs", "2", "--threads", "2");
        assertThat(again.err()).doesNotContain("generating").contains("4 already done, 0 to run");
    }

    private CliRunner.Result analyzeData(Path input, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("analyze", "--data", input.toString(), "--out",
                dir.resolve("never").toString()));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private void assertBadInput(CliRunner.Result result, String message) {
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).isEqualTo("error: " + message + System.lineSeparator());
        assertThat(dir.resolve("never")).doesNotExist();
    }

    @Test
    void badTablesGiveOneLineAndWriteNothing() throws IOException {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "a,b,y\n1,2,0\n3,x,1\n");
        assertBadInput(analyzeData(csv), csv + ": no label column 'label' (columns: a, b, y); name it with --label-column");
        assertBadInput(analyzeData(csv, "--label-column", "y"),
                csv + ": row 2, column 'b': 'x' is not a finite number (every column but the label column must be numeric)");
        assertBadInput(CliRunner.run("analyze", "--data", csv.toString(), "--spec", csv.toString(), "--out",
                dir.resolve("never").toString()), "give either --data PATH or --spec FILE");
        assertBadInput(analyzeData(dir.resolve("nope.csv")), "--data: " + dir.resolve("nope.csv") + " does not exist");
    }

    @Test
    void badAnalysisSettingsGiveOneLineAndWriteNothing() {
        assertBadInput(analyzeWith("--train-eval-samples", "0"),
                "--train-eval-samples must be a positive integer or all (got 0)");
        assertBadInput(analyzeWith("--gap-samples", "-5"), "--gap-samples must be a positive integer or all (got -5)");
        assertBadInput(analyzeWith("--validation-samples", "0"),
                "--validation-samples must be a positive integer or all (got 0)");
        assertBadInput(analyzeWith("--eps-steps", "-1"),
                "--eps-steps must be an integer in [0, 1000] (got -1)");
        assertBadInput(analyzeWith("--lanczos-iterations", "0"),
                "--lanczos-iterations must be an integer in [1, 1000] (got 0)");
        assertBadInput(analyzeWith("--lanczos-tolerance", "1"),
                "--lanczos-tolerance must be a number in (0, 1) (got 1.0)");
        assertBadInput(analyzeWith("--sharpness-samples", "0"),
                "--sharpness-samples must be a positive integer (got 0)");
        assertBadInput(analyzeWith("--eps", "0"),
                "--eps must be a number in (0, 1) (got 0.0)");
    }

    /** @return analyze on the test data into a folder that must stay unwritten, with one more option */
    private CliRunner.Result analyzeWith(String option, String value) {
        return CliRunner.run("analyze", "--data", data.toString(), "--out", dir.resolve("never").toString(), option, value);
    }

    private static void png(Path file, int side) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    }

    @Test
    void badImageFoldersGiveOneLineAndWriteNothing() throws IOException {
        Path images = dir.resolve("images");
        for (int i = 0; i < 3; i++) {
            png(images.resolve("a/" + i + ".png"), 8);
            png(images.resolve("b/" + i + ".png"), i == 2 ? 10 : 8);
        }
        assertBadInput(analyzeData(images), images.resolve("b/2.png") + " is 10x10 but " + images.resolve("a/0.png")
                + " is 8x8; pass --image-size to resize all images");
        Files.createDirectories(images.resolve("c"));
        assertBadInput(analyzeData(images, "--image-size", "8"),
                images.resolve("c") + ": empty class folder (no .png/.jpg/.jpeg files)");
    }
}
