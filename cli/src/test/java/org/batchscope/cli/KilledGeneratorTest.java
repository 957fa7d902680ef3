package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.batchscope.common.AtomicFiles;
import org.batchscope.common.Json;
import org.batchscope.common.OutputFolder;
import org.batchscope.generator.output.DatasetFolder;
import org.batchscope.generator.output.StagingArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generators killed with SIGKILL (no shutdown hook runs) at several moments, and two generators on one
 * folder at once, each in its own JVM: the rerun removes every temporary file and staging folder the
 * killed one left, and ends with the content_sha256 of a run that was never interrupted; the second
 * process is refused with exit code 2 naming the first one's pid, and a killed owner's lock is taken over.
 */
class KilledGeneratorTest {

    @TempDir
    Path dir;

    private static List<String> tabular(Path out) {
        return List.of("generate", "tabular", "--out", out.toString(), "--train", "150000", "--val", "2000",
                "--test", "2000", "--ratio", "3", "--seed", "7", "--threads", "1");
    }

    private static List<String> images(Path out) {
        return List.of("generate", "images", "--out", out.toString(), "--size", "32", "--train", "1500", "--val", "200",
                "--test", "200", "--preset", "noise-over-feature", "--seed", "7", "--threads", "1");
    }

    @Test
    void aKilledTabularGeneratorLeavesNothingThatChangesTheRerun() throws Exception {
        String whole = contentSha(run(tabular(dir.resolve("whole"))));
        List<Predicate<Path>> moments = List.of(
                out -> Files.exists(out.resolve(DatasetFolder.IN_PROGRESS)),
                out -> temporaryBytes(out) > 0,
                out -> temporaryBytes(out) > 20_000_000,
                out -> Files.exists(out.resolve("train.csv")));
        for (int m = 0; m < moments.size(); m++) {
            Path out = dir.resolve("killed-tabular-" + m);
            killWhen(tabular(out), out, moments.get(m));
            assertRerunMatches(tabular(out), out, whole);
        }
    }

    @Test
    void aKilledImageGeneratorLeavesNothingThatChangesTheRerun() throws Exception {
        String whole = contentSha(run(images(dir.resolve("whole"))));
        List<Predicate<Path>> moments = List.of(
                out -> Files.isDirectory(out.resolve(StagingArea.FOLDER).resolve("train")),
                out -> Files.isDirectory(out.resolve("train")),
                out -> Files.isDirectory(out.resolve(StagingArea.FOLDER).resolve("test-swap-feature")));
        for (int m = 0; m < moments.size(); m++) {
            Path out = dir.resolve("killed-images-" + m);
            killWhen(images(out), out, moments.get(m));
            assertRerunMatches(images(out), out, whole);
        }
    }

    @Test
    void aSecondGeneratorIsRefusedWhileTheFirstRunsAndTakesOverAfterItIsKilled() throws Exception {
        Path out = dir.resolve("shared");
        Process first = start(tabular(out), dir.resolve("first.log"));
        try {
            waitFor(first, () -> temporaryBytes(out) > 0);
            CliRunner.Result second = run(tabular(out));
            assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(second.err()).isEqualTo("error: --out " + out + " is in use by another batchscope command (pid "
                    + first.pid() + "); wait for it to finish or choose another folder\n");
            assertThat(second.out()).isEmpty();
        } finally {
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(out.resolve(OutputFolder.LOCK)).as("left by the killed owner").hasContent("pid " + first.pid());
        CliRunner.Result takeOver = run(tabular(out));
        assertThat(takeOver.exitCode()).as(takeOver.err()).isEqualTo(ExitCodes.OK);
        assertThat(out.resolve(OutputFolder.LOCK)).hasContent("pid " + ProcessHandle.current().pid());
    }

    private void assertRerunMatches(List<String> args, Path out, String whole) throws IOException {
        CliRunner.Result rerun = run(args);
        assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(ExitCodes.OK);
        assertThat(contentSha(rerun)).as(out.toString()).isEqualTo(whole);
        try (Stream<Path> walk = Files.walk(out)) {
            assertThat(walk.filter(p -> AtomicFiles.isTemporary(p) || p.getFileName().toString().equals(StagingArea.FOLDER)))
                    .as("leftovers in " + out).isEmpty();
        }
        assertThat(Json.mapper().readTree(out.resolve("manifest.json").toFile()).path("content_sha256").asText())
                .isEqualTo(whole);
    }

    private static String contentSha(CliRunner.Result result) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        String out = result.out();
        int at = out.indexOf("content_sha256 ");
        if (at >= 0) {
            return out.substring(at + "content_sha256 ".length()).strip().split("\\s+")[0];
        }
        String manifest = out.lines().filter(l -> l.startsWith("manifest: ")).findFirst().orElseThrow()
                .substring("manifest: ".length());
        try {
            return Json.mapper().readTree(Path.of(manifest).toFile()).path("content_sha256").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CliRunner.Result run(List<String> args) {
        return CliRunner.run(args.toArray(String[]::new));
    }

    private void killWhen(List<String> args, Path out, Predicate<Path> moment) throws Exception {
        Path log = dir.resolve(out.getFileName() + ".log");
        Process process = start(args, log);
        waitFor(process, () -> moment.test(out));
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    private static Process start(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BatchscopeMain.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void waitFor(Process process, java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            assertThat(process.isAlive()).as("the generator ended before the moment to kill it").isTrue();
            assertThat(System.nanoTime()).as("waited 120 s").isLessThan(deadline);
            Thread.sleep(2);
        }
    }

    private static long temporaryBytes(Path out) {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        try (Stream<Path> entries = Files.list(out)) {
            return entries.filter(AtomicFiles::isTemporary).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
