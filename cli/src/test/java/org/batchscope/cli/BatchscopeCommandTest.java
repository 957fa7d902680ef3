package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void verboseIsOneOptionInheritedByEverySubcommand(@TempDir Path tmp) {
        String missing = tmp.resolve("missing").toString();
        String[][] commands = {
            {"-v", "report", missing},
            {"report", missing, "--verbose"},
            {"generate", "images", "--out", tmp.resolve("g").toString(), "--size", "3", "-v"},
            {"bench", "images", "--size", "3", "-v"},
        };
        for (String[] args : commands) {
            CliRunner.Result result = CliRunner.run(args);
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(result.err()).as(String.join(" ", args)).startsWith("error: ").contains("\tat ");
        }
        CliRunner.Result quiet = CliRunner.run("report", missing);
        assertThat(quiet.err()).doesNotContain("\tat ");
    }
}
