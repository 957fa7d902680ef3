package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batchscope.common.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze --sweep FILE}: the options as a file, overridden by the command line. */
class AnalyzeSweepFileTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void theFileGivesTheOptionsAndTheCommandLineOverridesThem() throws IOException {
        write("exp/spec.yaml", "kind: tabular\ntrain: 60\nval: 20\ntest: 20\nseed: 5\n");
        Path sweep = write("exp/sweep.yaml", "# paths relative to this file\nspec: spec.yaml\nratios: [3]\n"
                + "out: results\nbatch_sizes: [8]\nseeds: 1\nepochs: 1\nno_report: true\nthreads: 2\n");

        CliRunner.Result result = CliRunner.run("analyze", "--sweep", sweep.toString(), "--batch-sizes", "4,8");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        Path out = dir.resolve("exp/results");
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("cells")).extracting(c -> c.path("batch_size").asInt()).containsExactly(4, 8);
        assertThat(out.resolve("report")).doesNotExist();
        // the same sweep on the command line alone has the same run configs: nothing left to run
        CliRunner.Result same = CliRunner.run("analyze", "--spec", dir.resolve("exp/spec.yaml").toString(),
                "--ratios", "3", "--out", out.toString(), "--batch-sizes", "4,8", "--seeds", "1", "--epochs", "1",
                "--no-report", "--threads", "2");
        assertThat(same.exitCode()).as(same.err()).isEqualTo(ExitCodes.OK);
        assertThat(same.err()).contains("2 already done, 0 to run");
    }

    @Test
    void dataIsRelativeToTheFileUnlessItIsAUri() throws IOException {
        Path missing = dir.resolve("elsewhere").resolve("missing");
        String[] data = {"table", "file://" + missing, "hdfs://namenode:8020/datasets/table"};
        String[] expected = {
            dir.resolve("exp").resolve("table") + " does not exist",
            missing + " does not exist",
            "hdfs:// is read through Hadoop's FileSystem, which only the Spark build has: run"
                    + " spark/target/batchscope-spark.jar with --executor spark (README: Running on a Spark cluster),"
                    + " or mount the store and give its path"};
        for (int i = 0; i < data.length; i++) {
            Path sweep = write("exp/sweep-" + i + ".yaml", "data: " + data[i] + "\nout: results-" + i + "\n");
            CliRunner.Result result = CliRunner.run("analyze", "--sweep", sweep.toString());
            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(result.err()).as(data[i]).isEqualTo("error: " + sweep + ": data: " + expected[i]
                    + System.lineSeparator());
            assertThat(dir.resolve("exp").resolve("results-" + i)).doesNotExist();
        }
    }

    @Test
    void theSampleSweepFileRuns() throws IOException {
        // samples/sweeps/table-noise-sweep.yaml as the README shows it, made small by the command line
        Path sample = Path.of("..", "samples", "sweeps", "table-noise-sweep.yaml");
        Path out = dir.resolve("sample");
        CliRunner.Result result = CliRunner.run("analyze", "--sweep", sample.toString(), "--out", out.toString(),
                "--ratios", "3", "--batch-sizes", "32", "--seeds", "1", "--epochs", "1", "--no-report", "--threads", "2");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("cells")).extracting(c -> c.path("batch_size").asInt()).containsExactly(32);
    }

    @Test
    void aBadSweepFileIsOneLineNamingTheKeyAndWritesNothing() throws IOException {
        write("spec.yaml", "kind: tabular\n");
        Path unknown = write("unknown.yaml", "spec: spec.yaml\nout: never\nbatch_size: [8]\n");
        assertBad(unknown, unknown + ": unknown key 'batch_size' (allowed: [batch_schedule, batch_sizes, budget, data,"
                + " engine, epochs, eps, eps_steps, eval_every, evals_per_epoch, executor, gap_samples, hidden, image_size,"
                + " label_column, lanczos_iterations, lanczos_tolerance, lr_decay, lr_reference_batch, lr_scaling, lrs,"
                + " master, model, momentum, no_report, no_verify, optimizer, out, overwrite, probe_every, probe_size,"
                + " probes_per_run, ratios, save_weights, seeds, sharpness_samples, spec, steps, target_accuracy, threads,"
                + " train_eval_samples, validation_samples, x_axis])");
        Path list = write("list.yaml", "spec: spec.yaml\nout: never\nseeds: [1, 2]\n");
        assertBad(list, list + ": seeds must be a single value (got [1,2])");
        Path word = write("word.yaml", "spec: spec.yaml\nout: never\nseeds: many\n");
        assertBad(word, word + ": seeds: Invalid value for option '--seeds': 'many' is not an int");
        Path nested = write("nested.yaml", "spec: spec.yaml\nout: never\noptimizer: {name: sgd}\n");
        assertBad(nested, nested + ": optimizer must be a single value (got {\"name\":\"sgd\"})");
        Path schedule = write("schedule.yaml", "spec: spec.yaml\nout: never\nbatch_schedule: 1@3\n");
        assertBad(schedule, schedule + ": batch_schedule must be FACTOR@EPOCH[,EPOCH...] with an integer FACTOR >= 2 and"
                + " increasing epochs in [1, 1000000] (e.g. 2@10,20), or none (got '1@3')");
        Path late = write("late.yaml", "spec: spec.yaml\nout: never\nepochs: 4\nlr_decay: 5@2,4\n");
        assertBad(late, late + ": lr_decay must be milestones below --epochs 4 (milestone e acts at the start of epoch e,"
                + " counting from 0) (got 5@2,4)");
        // the same bad value given on the command line is named as the option
        Path fine = write("fine.yaml", "spec: spec.yaml\nout: never\n");
        CliRunner.Result overridden = CliRunner.run("analyze", "--sweep", fine.toString(), "--batch-schedule", "1@3");
        assertThat(overridden.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(overridden.err()).startsWith("error: --batch-schedule must be FACTOR@EPOCH").hasLineCount(1);
        Path noOut = write("no-out.yaml", "spec: spec.yaml\n");
        assertBad(noOut, "--out must be a results folder (on the command line or in the sweep file) (got nothing)");
        Path syntax = write("syntax.json", "{\"seeds\": 2,}");
        CliRunner.Result bad = CliRunner.run("analyze", "--sweep", syntax.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).startsWith("error: " + syntax + ": not valid JSON at line 1").hasLineCount(1);
        CliRunner.Result missing = CliRunner.run("analyze", "--sweep", dir.resolve("nope.yaml").toString());
        assertThat(missing.err()).isEqualTo("error: --sweep must be an existing YAML or JSON file (got "
                + dir.resolve("nope.yaml") + ")" + System.lineSeparator());
        assertThat(dir.resolve("never")).doesNotExist();
    }

    @Test
    void aSpecWithoutKindIsRefusedByAnalyze() throws IOException {
        Path spec = write("spec.yaml", "train: 60\n");
        CliRunner.Result result = CliRunner.run("analyze", "--spec", spec.toString(), "--out",
                dir.resolve("never").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).isEqualTo("error: " + spec + ": no 'kind' key; analyze --spec needs 'kind: images'"
                + " or 'kind: tabular' in the spec" + System.lineSeparator());
        assertThat(dir.resolve("never")).doesNotExist();
    }

    private void assertBad(Path sweep, String message) {
        CliRunner.Result result = CliRunner.run("analyze", "--sweep", sweep.toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).isEqualTo("error: " + message + System.lineSeparator());
        assertThat(dir.resolve("never")).doesNotExist();
    }
}
