package org.batchscope.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --executor spark} against a real Spark standalone cluster on 127.0.0.1: a master and
 * workers started as separate JVMs from the Spark jars ({@link StandaloneCluster}); this JVM is the
 * driver and ships batchscope to the executors as the assembly jar (built in the package phase, hence an
 * integration test). A sweep is run through one worker and compared with the local executor's results;
 * then a sweep during which that worker is killed (SIGKILL) and a second one started ends with every run
 * written exactly once and the same results. Everything is stopped at the end; the test is bounded to 9
 * minutes.
 */
@Timeout(value = 9, unit = TimeUnit.MINUTES)
class StandaloneClusterIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Pattern RUN_DONE = Pattern.compile("run (\\d+)/(\\d+) done \\((.*)\\), ");

    @TempDir
    static Path dir;

    private static StandaloneCluster cluster;
    private static Path data;

    @BeforeAll
    static void startCluster() throws Exception {
        String assembly = System.getProperty("batchscope.spark.assembly");
        assertThat(Path.of(assembly)).as("the assembly jar (mvn package)").isRegularFile();
        System.setProperty("spark.jars", assembly);
        System.setProperty("spark.executor.memory", "512m");
        System.setProperty("spark.ui.enabled", "false");
        List<String> jvmOptions = Arrays.asList(System.getProperty("batchscope.spark.jvmOptions").trim().split("\\s+"));
        cluster = new StandaloneCluster(dir, jvmOptions, START);
        data = dir.resolve("table");
        SweepFiles.generateTable(data);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static SweepFiles.Cli analyze(Path out, String seeds, String... executor) {
        List<String> args = new java.util.ArrayList<>(List.of("analyze", "--data", data.toString(), "--out",
                out.toString(), "--batch-sizes", "1,2,4,8", "--seeds", seeds, "--epochs", "3", "--threads", "2",
                "--no-report", "--engine", "lean"));
        args.addAll(List.of(executor));
        return SweepFiles.run(args.toArray(String[]::new));
    }

    @Test
    void sweepThroughTheClusterMatchesTheLocalExecutorAndSurvivesALostWorker() throws Exception {
        Process first = cluster.startWorker("worker-1", 2, dir, START);

        // 1. A small sweep through master and one worker, against the local executor
        SweepFiles.Cli local = analyze(dir.resolve("local-small"), "1");
        assertThat(local.exitCode()).as(local.err()).isZero();
        Path small = dir.resolve("spark-small");
        SweepFiles.Cli spark = analyze(small, "1", "--executor", "spark", "--master", cluster.masterUrl());
        assertThat(spark.exitCode()).as(spark.err()).isZero();
        assertThat(spark.err()).contains("spark: 4 runs as 4 jobs of one task on " + cluster.masterUrl(),
                "read by path where an executor sees this content there, otherwise generated on the executor",
                "spark: data on the executors: 0@");
        assertThat(SweepFiles.runsWithoutTiming(small)).hasSize(4)
                .isEqualTo(SweepFiles.runsWithoutTiming(dir.resolve("local-small")));
        assertThat(SweepFiles.summaryWithoutTiming(small))
                .isEqualTo(SweepFiles.summaryWithoutTiming(dir.resolve("local-small")));

        // 2. The worker dies mid-sweep; a second worker joins; the sweep ends complete and the same
        Path reference = dir.resolve("local-large");
        assertThat(analyze(reference, "4").exitCode()).isZero();
        Path out = dir.resolve("spark-large");
        CompletableFuture<SweepFiles.Cli> sweep = CompletableFuture.supplyAsync(
                () -> analyze(out, "4", "--executor", "spark", "--master", cluster.masterUrl()));
        long doneAtKill = awaitRunFiles(out.resolve("runs"), 2, Duration.ofSeconds(180));
        cluster.kill(first);
        cluster.startWorker("worker-2", 2, dir, START);
        SweepFiles.Cli result = sweep.get(240, TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(doneAtKill).as("runs finished when the worker was killed").isLessThan(16);

        Map<String, JsonNode> expected = SweepFiles.runsWithoutTiming(reference);
        assertThat(expected).hasSize(16);
        assertThat(SweepFiles.runsWithoutTiming(out)).isEqualTo(expected);
        // every run reported (and so written) once: 16 progress lines naming 16 different runs
        Matcher done = RUN_DONE.matcher(result.err());
        java.util.Set<String> runs = new java.util.HashSet<>();
        int lines = 0;
        while (done.find()) {
            lines++;
            runs.add(done.group(3));
        }
        assertThat(lines).as(result.err()).isEqualTo(16);
        assertThat(runs).hasSize(16);
        // the runs were trained by executors of both workers
        assertThat(result.err()).containsPattern("spark: data on the executors: 0@\\S+ path; 1@\\S+ path");
    }

    /** @return the number of run files once at least {@code atLeast} exist */
    private static long awaitRunFiles(Path runs, int atLeast, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(runs)) {
                try (Stream<Path> files = Files.list(runs)) {
                    long count = files.filter(p -> p.toString().endsWith(".json")).count();
                    if (count >= atLeast) {
                        return count;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("fewer than " + atLeast + " runs finished within " + timeout);
    }
}
