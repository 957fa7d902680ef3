package org.batchscope.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --executor spark} with Spark's local master (executors in this JVM): the same run files,
 * summary and report as the local executor, resume without resubmitting, and a task that throws retried
 * by Spark and then recorded as failed while the sweep goes on.
 */
class SparkLocalModeTest {

    @TempDir
    static Path dir;

    private static Path data;

    @BeforeAll
    static void generateTinyTable() {
        data = dir.resolve("table");
        SweepFiles.generateTable(data);
    }

    private static SweepFiles.Cli analyze(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("analyze", "--data", data.toString(), "--out",
                out.toString(), "--batch-sizes", "4,16", "--seeds", "2", "--epochs", "2", "--threads", "2"));
        args.addAll(List.of(extra));
        if (!args.contains("--engine")) {
            // the test engine below comes first on the class path; the default would pick it
            args.addAll(List.of("--engine", "lean"));
        }
        return SweepFiles.run(args.toArray(String[]::new));
    }

    @Test
    void sameResultsAsTheLocalExecutorAndResumeSubmitsNothing() throws IOException {
        Path local = dir.resolve("local");
        SweepFiles.Cli byThreads = analyze(local, "--no-report");
        assertThat(byThreads.exitCode()).as(byThreads.err()).isZero();

        Path spark = dir.resolve("spark");
        SweepFiles.Cli bySpark = analyze(spark, "--executor", "spark", "--master", "local[2]");
        assertThat(bySpark.exitCode()).as(bySpark.err()).isZero();
        assertThat(bySpark.err()).contains("sweep: 4 runs, 0 already done, 4 to run",
                "spark: dataset " + data.toAbsolutePath() + " (content_sha256 ", ": read by path (executors run in this process)",
                "spark: 4 runs as 4 jobs of one task on local[2]", "spark: data on the executors: driver@");
        assertThat(bySpark.err()).containsOnlyOnce("spark: data on the executors:");
        Map<String, JsonNode> expected = SweepFiles.runsWithoutTiming(local);
        assertThat(expected).hasSize(4);
        assertThat(SweepFiles.runsWithoutTiming(spark)).isEqualTo(expected);
        assertThat(SweepFiles.summaryWithoutTiming(spark)).isEqualTo(SweepFiles.summaryWithoutTiming(local));
        assertThat(spark.resolve("report").resolve("report.pdf")).isNotEmptyFile();

        SweepFiles.Cli again = analyze(spark, "--executor", "spark", "--master", "local[2]", "--no-report");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("sweep: 4 runs, 4 already done, 0 to run").doesNotContain("spark:");
    }

    @Test
    void aTaskThatThrowsIsRetriedThenRecordedAsFailedAndTheSweepGoesOn() {
        FlakyEngine.ATTEMPTS.clear();
        Path out = dir.resolve("flaky");
        // local[2,3]: two cores, a task is tried at most 3 times
        SweepFiles.Cli result = analyze(out, "--engine", "flaky-test", "--executor", "spark", "--master", "local[2,3]",
                "--no-report");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.err()).contains("error: 2 of 4 runs failed");
        // seed 0 failed once and succeeded at the second attempt; seed 1 failed at all three
        assertThat(FlakyEngine.ATTEMPTS).containsOnlyKeys("4/0", "4/1", "16/0", "16/1");
        assertThat(FlakyEngine.ATTEMPTS.get("4/0")).hasValue(2);
        assertThat(FlakyEngine.ATTEMPTS.get("16/0")).hasValue(2);
        assertThat(FlakyEngine.ATTEMPTS.get("4/1")).hasValue(3);
        assertThat(FlakyEngine.ATTEMPTS.get("16/1")).hasValue(3);

        Map<String, JsonNode> flaky = SweepFiles.runsWithoutTiming(out);
        assertThat(flaky).hasSize(4);
        // the lean engine's runs of the same grid, trained by threads: the retried runs must match them
        Path lean = dir.resolve("lean-reference");
        assertThat(analyze(lean, "--no-report").exitCode()).isZero();
        Map<String, JsonNode> reference = SweepFiles.runsWithoutTiming(lean);
        for (JsonNode run : flaky.values()) {
            long seed = run.path("config").path("run").path("seed").asLong();
            int batch = run.path("config").path("run").path("batch_size").asInt();
            assertThat(batch).isIn(4, 16);
            if (seed == 1) {
                assertThat(run.path("status").asText()).isEqualTo("failed");
                assertThat(run.path("message").asText()).startsWith("Spark gave up on the run's task: ")
                        .contains("failed 3 times", "flaky engine: attempt 3 of seed 1 fails");
            } else {
                assertThat(run.path("status").asText()).isEqualTo("completed");
                JsonNode same = reference.values().stream()
                        .filter(r -> r.path("config").path("run").path("seed").asLong() == seed
                                && r.path("config").path("run").path("batch_size").asInt() == batch)
                        .findFirst().orElseThrow();
                for (String field : List.of("steps", "evaluations", "gradient_probes", "metrics", "sharpness")) {
                    assertThat(run.path(field)).as(field).isEqualTo(same.path(field));
                }
            }
        }
    }

    @Test
    void masterWithoutTheSparkExecutorIsBadInput() {
        SweepFiles.Cli result = analyze(dir.resolve("bad"), "--master", "local[2]");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: --master must be used with --executor spark (got local[2])"
                + System.lineSeparator());
    }
}
