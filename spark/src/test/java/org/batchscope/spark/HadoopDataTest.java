package org.batchscope.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.batchscope.analyzer.data.DatasetLoader;
import org.batchscope.analyzer.data.LoadOptions;
import org.batchscope.common.Json;
import org.batchscope.common.OutputFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --data URI --executor spark} with a Hadoop FileSystem that is not Java's
 * ({@link LocalPathsFileSystem}, scheme {@code testfs}, registered through {@code spark.hadoop.fs.testfs.impl}
 * as a cluster registers hdfs or s3a): the same run files and summary as the same sweep given the plain
 * path, the dataset fetched once into the host's cache byte for byte, a copy that differs from its manifest
 * or from the driver's content failing the executor's task, and the refusals in one line.
 */
class HadoopDataTest {

    @TempDir
    static Path dir;

    private static Path table;
    private static String tableUri;

    @BeforeAll
    static void tableOnTheStore() {
        System.setProperty(LocalPathsFileSystem.SETTING, LocalPathsFileSystem.class.getName());
        System.setProperty(ExecutorDatasets.CACHE_PROPERTY, dir.resolve("cache").toString());
        table = dir.resolve("store").resolve("table");
        SweepFiles.generateTable(table);
        tableUri = LocalPathsFileSystem.uri(table);
    }

    @AfterAll
    static void clearSettings() {
        System.clearProperty(LocalPathsFileSystem.SETTING);
        System.clearProperty(ExecutorDatasets.CACHE_PROPERTY);
    }

    private static SweepFiles.Cli analyze(String data, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("analyze", "--data", data, "--out", out.toString(),
                "--batch-sizes", "4,16", "--seeds", "2", "--epochs", "2", "--threads", "2", "--engine", "lean",
                "--no-report"));
        args.addAll(List.of(extra));
        return SweepFiles.run(args.toArray(String[]::new));
    }

    @Test
    void aSweepReadThroughTheUriHasTheResultsOfThePlainPath() throws IOException {
        Path plain = dir.resolve("plain");
        SweepFiles.Cli byPath = analyze(table.toString(), plain);
        assertThat(byPath.exitCode()).as(byPath.err()).isZero();

        Path viaUri = dir.resolve("via-uri");
        SweepFiles.Cli byUri = analyze(tableUri, viaUri, "--executor", "spark", "--master", "local[2]");
        assertThat(byUri.exitCode()).as(byUri.err()).isZero();
        String sha = DatasetLoader.load(table, LoadOptions.defaults()).contentSha256();
        Path cached = dir.resolve("cache").resolve(sha);
        assertThat(byUri.err()).contains(
                "spark: dataset " + tableUri + ": fetched " + filesOf(table) + " files (",
                "MB) through Hadoop's FileSystem into " + cached + ", verified",
                "spark: dataset " + tableUri + " (content_sha256 " + sha.substring(0, 12) + "...): fetched through"
                        + " Hadoop's FileSystem once per host");
        assertThat(byUri.err().lines().filter(line -> line.startsWith("spark: data on the executors: ")))
                .singleElement().asString().matches("spark: data on the executors: driver@\\S+ fetched");
        SweepFiles.assertSameFiles(cached, table);
        try (Stream<Path> cache = Files.list(dir.resolve("cache"))) {
            assertThat(cache).as("no temporary copy is left").containsExactly(cached);
        }

        assertThat(SweepFiles.runsWithoutTiming(viaUri)).hasSize(4).isEqualTo(SweepFiles.runsWithoutTiming(plain));
        JsonNode summaryByUri = SweepFiles.summaryWithoutTiming(viaUri);
        JsonNode summaryByPath = SweepFiles.summaryWithoutTiming(plain);
        // the summary names the data as the user gave it (the dataset's source and the verdict's dataset
        // line); with that name replaced by the path, the two summaries are the same
        assertThat(summaryByUri.path("datasets").get(0).path("source").asText()).isEqualTo(tableUri);
        assertThat(summaryByUri.path("verdict").get(0).asText()).startsWith("Dataset 0 (" + tableUri + ", r = 3.00)");
        assertThat(summaryByPath.path("datasets").get(0).path("source").asText()).isEqualTo(table.toString());
        JsonNode renamed = Json.mapper().readTree(Json.mapper().writeValueAsString(summaryByUri)
                .replace(tableUri, table.toString()));
        assertThat(renamed).isEqualTo(summaryByPath);

        SweepFiles.Cli again = analyze(tableUri, viaUri, "--executor", "spark", "--master", "local[2]");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("spark: dataset " + tableUri + ": found in this host's cache " + cached
                + ", verified", "sweep: 4 runs, 4 already done, 0 to run");
    }

    @Test
    void anExecutorRefusesACopyThatDiffersFromItsManifest() throws IOException {
        Path tampered = copyOfTable("tampered");
        // the last byte of the training features changes: same size, another SHA-256
        try (RandomAccessFile file = new RandomAccessFile(tampered.resolve("train_X.npy").toFile(), "rw")) {
            file.seek(file.length() - 1);
            int last = file.read();
            file.seek(file.length() - 1);
            file.write(last ^ 0x01);
        }
        Path cache = dir.resolve("cache-tampered");
        DatasetSource source = remoteSource(LocalPathsFileSystem.uri(tampered));
        withCache(cache, () -> assertThatThrownBy(() -> ExecutorDatasets.obtain(source))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("dataset " + source.path() + " on executor host ")
                .hasMessageContaining(": --data " + source.path() + " differs from its manifest: train_X.npy has"
                        + " changed (its SHA-256 differs)")
                .hasMessageEndingWith("(checked in the copy fetched to this host)"));
        try (Stream<Path> left = Files.list(cache)) {
            assertThat(left).as("the failed copy is deleted, nothing is published").isEmpty();
        }
    }

    @Test
    void anExecutorRefusesOtherDataThanTheDriverPlannedWith() {
        Path other = dir.resolve("store").resolve("other");
        SweepFiles.Cli generated = SweepFiles.run("generate", "tabular", "--out", other.toString(), "--train", "120",
                "--val", "40", "--test", "40", "--ratio", "1", "--threads", "1");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        DatasetSource source = remoteSource(LocalPathsFileSystem.uri(other));
        withCache(dir.resolve("cache-other"), () -> assertThatThrownBy(() -> ExecutorDatasets.obtain(source))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(source.path() + " holds other data than the driver planned with (content_sha256 ")
                .hasMessageEndingWith("); the dataset changed on its store during the sweep"));
    }

    @Test
    void aUriIsRefusedInOneLineWithTheLocalExecutorOrWithoutAConnector() {
        Path out = dir.resolve("refused");
        SweepFiles.Cli local = analyze(tableUri, out);
        assertThat(local.exitCode()).isEqualTo(2);
        assertThat(local.err()).isEqualTo("error: --data: testfs:// is read with --executor spark only (the driver and"
                + " every executor fetch it through Hadoop's FileSystem); for --executor local mount the store and"
                + " give its path" + System.lineSeparator());
        for (String uri : List.of("s3a://bucket/datasets/table", "nosuchfs://host/table")) {
            SweepFiles.Cli noConnector = analyze(uri, out, "--executor", "spark", "--master", "local[2]");
            assertThat(noConnector.exitCode()).isEqualTo(2);
            assertThat(noConnector.err()).startsWith("error: --data: Hadoop's FileSystem has no connector for "
                    + uri.substring(0, uri.indexOf(':')) + ":// on the class path;")
                    .contains("for s3a:// org.apache.hadoop:hadoop-aws:3.4.1 and its AWS SDK bundle").hasLineCount(1);
        }
        SweepFiles.Cli missing = analyze(tableUri + "-missing", out, "--executor", "spark", "--master", "local[2]");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("error: --data: " + tableUri + "-missing does not exist"
                + System.lineSeparator());
        assertThat(out).doesNotExist();
    }

    /** @return a source as the driver sends it for the table at {@code uri}, planned with the table's content */
    private static DatasetSource remoteSource(String uri) {
        String sha = DatasetLoader.load(table, LoadOptions.defaults()).contentSha256();
        return new DatasetSource(uri, sha, 3.0, LoadOptions.DEFAULT_LABEL_COLUMN, null, null, null);
    }

    private static Path copyOfTable(String name) throws IOException {
        Path copy = dir.resolve("store").resolve(name);
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(table)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().equals(OutputFolder.LOCK)) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
        }
        return copy;
    }

    private static long filesOf(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    /** Runs {@code check} with {@code cache} as this host's dataset cache. */
    private static void withCache(Path cache, Runnable check) {
        String before = System.getProperty(ExecutorDatasets.CACHE_PROPERTY);
        System.setProperty(ExecutorDatasets.CACHE_PROPERTY, cache.toString());
        try {
            check.run();
        } finally {
            System.setProperty(ExecutorDatasets.CACHE_PROPERTY, before);
        }
    }
}
