package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchEnginesCommandTest {

    @Test
    void printsARowPerEngineModelAndBatchSize() {
        CliRunner.Result result = CliRunner.run("bench", "engines", "--models", "mlp", "--batch-sizes", "1,4",
                "--seconds", "0.05");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("model", "steps/s", "samples/s");
        assertThat(result.out().lines().filter(l -> l.matches("mlp\\s+1\\s+lean\\s+\\d+\\.\\d\\s+\\d+\\.\\d"))).hasSize(1);
        assertThat(result.out().lines().filter(l -> l.matches("mlp\\s+4\\s+lean\\s+.*"))).hasSize(1);
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
