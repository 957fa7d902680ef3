package org.batchscope.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.batchscope.common.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate images|tabular --executor spark} with Spark's local master writes exactly the files of
 * a local run, byte for byte (the manifest with its content_sha256 included), into a folder named by a
 * file:// URI; the sizes span several ranges per split (images: 64 per range; tables: 1000 rows per
 * chunk here), so range order matters.
 */
class SparkGenerateTest {

    @TempDir
    Path dir;

    static SweepFiles.Cli generate(String kind, Path out, List<String> sizes, String... extra) {
        List<String> args = new ArrayList<>(List.of("generate", kind, "--out", out.toString(), "--seed", "11"));
        args.addAll(sizes);
        args.addAll(List.of(extra));
        return SweepFiles.run(args.toArray(String[]::new));
    }

    @Test
    void imagesMadeBySparkTasksAreByteIdenticalToALocalRun() throws IOException {
        List<String> sizes = List.of("--train", "150", "--val", "20", "--test", "70", "--size", "16");
        Path local = dir.resolve("local");
        SweepFiles.Cli byThreads = generate("images", local, sizes, "--threads", "3");
        assertThat(byThreads.exitCode()).as(byThreads.err()).isZero();
        Path spark = dir.resolve("spark");
        SweepFiles.Cli bySpark = generate("images", Path.of(spark.toUri().toString()), sizes, "--executor", "spark",
                "--master", "local[2]", "--threads", "1");
        assertThat(bySpark.exitCode()).as(bySpark.err()).isZero();
        assertThat(bySpark.err()).contains("spark: 150 samples as 3 tasks", "spark: 70 samples as 2 tasks");
        SweepFiles.assertSameFiles(spark, local);
        assertThat(spark.resolve(".batchscope-staging")).doesNotExist();
        JsonNode manifest = Json.mapper().readTree(spark.resolve("manifest.json").toFile());
        assertThat(manifest.get("content_sha256").asText()).hasSize(64);
    }

    @Test
    void aTableMadeBySparkTasksIsByteIdenticalToALocalRun() throws IOException {
        List<String> sizes = List.of("--train", "2500", "--val", "300", "--test", "300");
        Path local = dir.resolve("local");
        SweepFiles.Cli byThreads = generate("tabular", local, sizes, "--threads", "2");
        assertThat(byThreads.exitCode()).as(byThreads.err()).isZero();
        Path spark = dir.resolve("spark");
        SweepFiles.Cli bySpark = generate("tabular", Path.of(spark.toUri().toString()), sizes, "--executor", "spark",
                "--master", "local[2]");
        assertThat(bySpark.exitCode()).as(bySpark.err()).isZero();
        assertThat(bySpark.err()).contains("spark: 2500 samples as 3 tasks");
        SweepFiles.assertSameFiles(spark, local);
    }

    @Test
    void anUnsupportedStoreOrAMissingMasterIsRefusedBeforeAnythingIsWritten() {
        Path out = dir.resolve("never");
        SweepFiles.Cli hdfs = generate("tabular", Path.of("hdfs://namenode:8020/data/t"), List.of(), "--executor",
                "spark", "--master", "local[2]");
        assertThat(hdfs.exitCode()).isEqualTo(2);
        assertThat(hdfs.err()).startsWith("error: --out: hdfs:// is not supported");
        SweepFiles.Cli master = generate("images", out, List.of(), "--master", "local[2]");
        assertThat(master.exitCode()).isEqualTo(2);
        assertThat(master.err()).startsWith("error: --master must be used with --executor spark");
        assertThat(out).doesNotExist();
    }
}
