package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --executor} and {@code --master} in the default build, which has no Spark. */
class ExecutorOptionTest {

    @TempDir
    Path dir;

    private CliRunner.Result analyze(String... executor) {
        String[] args = {"analyze", "--data", dir.resolve("missing").toString(), "--out", dir.resolve("out").toString()};
        String[] all = new String[args.length + executor.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(executor, 0, all, args.length, executor.length);
        return CliRunner.run(all);
    }

    @Test
    void sparkIsNotInTheDefaultBuildAndSaysHowToGetIt() {
        CliRunner.Result result = analyze("--executor", "spark", "--master", "local[2]");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).isEqualTo("error: --executor spark: the spark executor is not in this build; build"
                + " it with 'mvn -B package -pl spark -am' and run spark/target/batchscope-spark.jar with spark-submit"
                + " (README: Running on a Spark cluster)" + System.lineSeparator());
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aHadoopUriIsRefusedInTheDefaultBuildBeforeWriting() {
        CliRunner.Result local = CliRunner.run("analyze", "--data", "s3a://bucket/datasets/table", "--out",
                dir.resolve("out").toString());
        assertThat(local.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(local.err()).isEqualTo("error: --data: s3a:// is read through Hadoop's FileSystem, which only the"
                + " Spark build has: run spark/target/batchscope-spark.jar with --executor spark (README: Running on a"
                + " Spark cluster), or mount the store and give its path" + System.lineSeparator());
        CliRunner.Result spark = CliRunner.run("analyze", "--data", "hdfs://namenode:8020/datasets/table", "--out",
                dir.resolve("out").toString(), "--executor", "spark");
        assertThat(spark.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(spark.err()).startsWith("error: --executor spark: the spark executor is not in this build;")
                .hasLineCount(1);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void unknownExecutorAndMasterWithoutSparkAreBadInput() {
        CliRunner.Result unknown = analyze("--executor", "yarn");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).isEqualTo("error: --executor must be one of [local] (got yarn)" + System.lineSeparator());
        CliRunner.Result master = analyze("--master", "local[2]");
        assertThat(master.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(master.err()).isEqualTo("error: --master must be used with --executor spark (got local[2])"
                + System.lineSeparator());
    }

    @Test
    void generateRefusesSparkInTheDefaultBuildBeforeWriting() {
        for (String kind : new String[] {"images", "tabular"}) {
            CliRunner.Result result = CliRunner.run("generate", kind, "--out", dir.resolve("out").toString(),
                    "--executor", "spark", "--master", "local[2]");
            assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(result.err()).startsWith("error: --executor spark: the spark executor is not in this build;")
                    .hasLineCount(1);
            CliRunner.Result master = CliRunner.run("generate", kind, "--out", dir.resolve("out").toString(),
                    "--master", "local[2]");
            assertThat(master.err()).isEqualTo("error: --master must be used with --executor spark (got local[2])"
                    + System.lineSeparator());
        }
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
