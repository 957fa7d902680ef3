package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The images benchmark's output and bad input; no timing is asserted (figures are in bench/README.md). */
class BenchImagesCommandTest {

    /**
     * The figures after images/s; a run shorter than one tick of the process CPU clock (10 ms) prints bounds
     * ("under" a time, "over" a rate) instead of 0 ms and an infinite rate.
     */
    private static final String FIGURES = "images/s; CPU (under )?\\d+\\.\\d{3} ms/image = (over )?[\\d,]+ images/CPU-s"
            + "( \\(of which kernel \\d+\\.\\d{3} ms/image\\))?";

    @TempDir
    Path temp;

    @Test
    void writtenAndInMemoryRunsPrintImagesPerSecondAndCpuPerImage() {
        CliRunner.Result written = CliRunner.run("bench", "images", "--count", "70", "--size", "16", "--threads", "2");
        assertThat(written.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(written.out().strip()).matches("batchscope: 70 images of 16x16 written on 2 threads in \\d+\\.\\d\\d s: "
                + "[\\d,]+ " + FIGURES);
        if (java.nio.file.Files.exists(Path.of("/proc/self/stat"))) {
            assertThat(written.out()).as("Linux: the kernel's share is printed").contains("(of which kernel ");
        }
        CliRunner.Result inMemory = CliRunner.run("bench", "images", "--count", "70", "--size", "16", "--threads", "2",
                "--in-memory");
        assertThat(inMemory.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(inMemory.out().strip()).matches("batchscope: 70 images of 16x16 generated in memory on 2 threads in "
                + "\\d+\\.\\d\\d s: [\\d,]+ " + FIGURES);
    }

    @Test
    void aMissingPythonIsExplainedAndTheBatchscopeFigureStillPrinted() {
        CliRunner.Result result = CliRunner.run("bench", "images", "--count", "5", "--size", "16", "--python",
                "--python-exe", temp.resolve("no-python").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).startsWith("batchscope: 5 images of 16x16 written");
        assertThat(result.err()).contains("PIL peer skipped", "apt-get install -y python3-pil python3-numpy");
    }

    /** Runs the bundled PIL peer itself when Debian's python3 has PIL and numpy (skipped otherwise). */
    @Test
    void thePilPeerRunsAndTheRatioIsPrinted() throws IOException, InterruptedException {
        assumeTrue(new ProcessBuilder("/usr/bin/python3", "-c", "import PIL, numpy").start().waitFor() == 0,
                "needs /usr/bin/python3 with python3-pil and python3-numpy");
        CliRunner.Result result = CliRunner.run("bench", "images", "--count", "12", "--size", "64", "--python");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).containsPattern("PIL peer: 12 images of 64x64 written on 1 thread in \\d+\\.\\d\\d s: "
                + "[\\d,]+ " + FIGURES);
        assertThat(result.out()).containsPattern("ratio batchscope / PIL: (over )?\\d+\\.\\dx per CPU-second; \\d+\\.\\dx wall-clock");
        CliRunner.Result inMemory = CliRunner.run("bench", "images", "--count", "12", "--size", "64", "--python",
                "--in-memory");
        assertThat(inMemory.exitCode()).as(inMemory.err()).isEqualTo(ExitCodes.OK);
        assertThat(inMemory.out()).contains("PIL peer: 12 images of 64x64 drawn into a numpy array on 1 thread",
                "ratio batchscope / PIL (both in memory): ");
    }

    @Test
    void badCountAndThreadsAreRefused() {
        CliRunner.Result count = CliRunner.run("bench", "images", "--count", "0");
        assertThat(count.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(count.err()).startsWith("error: --count must be an integer in [1, 2147483647] (got 0)");
        assertThat(CliRunner.run("bench", "images", "--threads", "0").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }
}
