package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchscopeCommandTest {

    @Test
    void versionPrintsTheBuildVersion() {
        CliRunner.Result result = CliRunner.run("--version");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).startsWith("batchscope 0.1.0");
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        CliRunner.Result result = CliRunner.run("--help");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("generate", "demo", "Exit codes:", "2   bad input");
    }

    @Test
    void unknownOptionIsBadInputWithOneLineAndNoStackTrace() {
        CliRunner.Result result = CliRunner.run("--no-such-option");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).startsWith("error: Unknown option: '--no-such-option'");
        assertThat(result.err()).doesNotContain("\tat ");
    }

    @Test
    void unknownCommandIsBadInput() {
        CliRunner.Result result = CliRunner.run("frobnicate");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("frobnicate");
    }
}
