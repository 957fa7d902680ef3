package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path dir;

    @Test
    void reportsASweepIntoResultsReportByDefault() {
        Path data = dir.resolve("table");
        assertThat(CliRunner.run("generate", "tabular", "--out", data.toString(), "--train", "120", "--val", "40",
                "--test", "40", "--ratio", "3", "--threads", "1").exitCode()).isEqualTo(ExitCodes.OK);
        Path results = dir.resolve("results");
        CliRunner.Result analyzed = CliRunner.run("analyze", "--data", data.toString(), "--out", results.toString(),
                "--batch-sizes", "4,16", "--seeds", "2", "--epochs", "2", "--threads", "2", "--no-report");
        assertThat(analyzed.exitCode()).as(analyzed.err()).isEqualTo(ExitCodes.OK);
        assertThat(results.resolve("report")).doesNotExist();

        CliRunner.Result result = CliRunner.run("report", results.toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        Path pdf = results.resolve("report").resolve("report.pdf");
        assertThat(result.out()).startsWith("report: " + pdf + " and " + results.resolve("report").resolve("report.html")
                + " (").contains("charts as PNG in " + results.resolve("report"));
        assertThat(results.resolve("report").resolve("report.html")).isNotEmptyFile();
        assertThat(pdf).isNotEmptyFile();
        assertThat(results.resolve("report").resolve("oscillation-metrics.png")).isNotEmptyFile();
        assertThat(results.resolve("report").resolve("background-reliance.png")).isNotEmptyFile();

        Path elsewhere = dir.resolve("elsewhere");
        assertThat(CliRunner.run("report", results.toString(), "--out", elsewhere.toString()).exitCode())
                .isEqualTo(ExitCodes.OK);
        assertThat(elsewhere.resolve("report.pdf")).isNotEmptyFile();
    }

    @Test
    void badFoldersExitTwoWithOneLineAndWriteNothing() throws Exception {
        Path missing = dir.resolve("missing");
        CliRunner.Result result = CliRunner.run("report", missing.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).isEqualTo("error: " + missing + ": no such results folder\n");

        Path empty = Files.createDirectories(dir.resolve("empty"));
        result = CliRunner.run("report", empty.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).isEqualTo("error: " + empty + ": no summary.json; run batchscope analyze first\n");

        Files.writeString(empty.resolve("summary.json"), "not json");
        result = CliRunner.run("report", empty.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).startsWith("error: " + empty.resolve("summary.json") + ": not valid JSON (line 1)")
                .hasLineCount(1);
        assertThat(empty.resolve("report")).doesNotExist();
    }
}
