package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
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

    /**
     * Every command's help renders cleanly: picocli formats descriptions as format strings, and a bare '%'
     * (as in "95% interval") made it print a warning line to the process's stderr above the help.
     */
    @Test
    void everyCommandsHelpRendersWithoutAWarning() {
        java.io.PrintStream processErr = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        List<List<String>> commands = new java.util.ArrayList<>();
        collect(BatchscopeMain.newCommandLine(), List.of(), commands);
        assertThat(commands).hasSizeGreaterThan(10);
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (List<String> command : commands) {
                List<String> args = new java.util.ArrayList<>(command);
                args.add("--help");
                CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
                assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.OK);
                assertThat(result.out()).as(String.join(" ", args)).contains("Usage: batchscope " + String.join(" ", command));
                assertThat(result.err() + captured).as(String.join(" ", args)).isEmpty();
            }
        } finally {
            System.setErr(processErr);
        }
    }

    private static void collect(picocli.CommandLine line, List<String> path, List<List<String>> into) {
        line.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) { // aliases name the same command
                List<String> child = new java.util.ArrayList<>(path);
                child.add(name);
                into.add(child);
                collect(sub, child, into);
            }
        });
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
