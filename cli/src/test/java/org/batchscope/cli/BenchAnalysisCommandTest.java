package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchAnalysisCommandTest {

    @Test
    void printsTrainingAndEveryAnalysisPhasePerRun() {
        // the demo's data, shortened by trailing analyze options so that the test stays quick
        CliRunner.Result result = CliRunner.run("bench", "analysis", "--cases", "demo", "--batch-sizes", "32", "--",
                "--epochs", "1", "--evals-per-epoch", "1", "--probes-per-run", "1", "--probe-size", "8",
                "--sharpness-samples", "16", "--lanczos-iterations", "3");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("training", "evaluations", "gradient_probes", "scoring", "eps_sharpness",
                "lanczos", "analysis", "ratio");
        String number = "\\s+\\d+\\.\\d\\d";
        assertThat(result.out().lines().filter(l -> l.matches("demo\\s+32" + number.repeat(8)))).hasSize(1);
    }

    @Test
    void unknownCaseIsBadInput() {
        CliRunner.Result result = CliRunner.run("bench", "analysis", "--cases", "resnet");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).startsWith("error: --cases must be a list of demo, cnn64 (got resnet)");
    }
}
