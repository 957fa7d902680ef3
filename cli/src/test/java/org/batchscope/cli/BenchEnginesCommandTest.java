package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchEnginesCommandTest {

    @Test
    void printsARowPerEngineModelAndBatchSize() {
        CliRunner.Result result = CliRunner.run("bench", "engines", "--models", "mlp", "--batch-sizes", "1,4",
                "--seconds", "0.05");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("model", "steps/s", "samples/s", "GFLOP/s");
        assertThat(result.out().lines().filter(l -> l.matches("mlp\\s+1\\s+lean\\s+\\d+\\.\\d\\s+\\d+\\.\\d\\s+\\d+\\.\\d\\d"))).hasSize(1);
        assertThat(result.out().lines().filter(l -> l.matches("mlp\\s+4\\s+lean\\s+.*"))).hasSize(1);
    }

    /**
     * The FLOP counts by hand: CNN conv 3 to 16 on 64 x 64, 2 * 16 * 27 * 4096 = 3,538,944 per product, two
     * products (no input gradient); conv 16 to 32 on 32 x 32, 2 * 32 * 144 * 1024 = 9,437,184, three;
     * dense 8192 to 64, 1,048,576, three; dense 64 to 2, 256, three: 38,535,936. MLP: dense 64 to 64,
     * 8,192, two; dense 64 to 2, 256, three: 17,152.
     */
    @Test
    void countsTheFlopsOfATrainingStep() {
        assertThat(EngineBenchmark.trainingFlopsPerSample(EngineBenchmark.model("cnn")))
                .isEqualTo(2 * 3_538_944L + 3 * 9_437_184L + 3 * 1_048_576L + 3 * 256L);
        assertThat(EngineBenchmark.trainingFlopsPerSample(EngineBenchmark.model("mlp"))).isEqualTo(2 * 8_192L + 3 * 256L);
    }

    @Test
    void saysSoWhenPythonHasNoTorch() {
        CliRunner.Result result = CliRunner.run("bench", "engines", "--models", "mlp", "--batch-sizes", "2",
                "--seconds", "0.05", "--python", "--python-exe", "/nonexistent/python3");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.err()).contains("PyTorch reference skipped", "apt-get install python3-torch");
    }

    @Test
    void twoThreadsPerRunAreUsedForLeanAndPrinted() {
        CliRunner.Result result = CliRunner.run("bench", "engines", "--models", "mlp", "--batch-sizes", "4",
                "--seconds", "0.05", "--threads-per-run", "2");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("lean threads per run: 2");
        assertThat(result.out().lines().filter(l -> l.matches("mlp\\s+4\\s+lean\\s+.*"))).hasSize(1);
        assertThat(System.getProperty("batchscope.lean.threadsPerRun")).isNull();
    }

    @Test
    void threeThreadsPerRunIsBadInput() {
        CliRunner.Result result = CliRunner.run("bench", "engines", "--threads-per-run", "3");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).startsWith("error: --threads-per-run must be 1 or 2 (got 3)");
    }

    @Test
    void unknownModelIsBadInput() {
        CliRunner.Result result = CliRunner.run("bench", "engines", "--models", "resnet");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).startsWith("error: --models must be a list of mlp, cnn (got resnet)");
    }
}
