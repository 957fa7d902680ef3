package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.batchscope.analyzer.sweep.LocalRunExecutor;
import org.batchscope.common.AtomicFiles;
import org.batchscope.common.Sha256;
import org.batchscope.generator.output.DatasetFolder;
import org.batchscope.generator.ranges.LocalRangeRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that fails for lack of space (ENOSPC) leaves nothing that looks complete and ends the command
 * with one line naming the file and the cause. The disk is a real one: a small tmpfs mounted on a
 * temporary folder, so every layer (staging, atomic rename, the OS) sees the genuine "No space left on
 * device". Mounting needs root (or CAP_SYS_ADMIN), as in CI; where the mount is refused the tests are
 * skipped with the reason.
 */
class DiskFullTest {

    /** The tmpfs allocation unit. */
    private static final int PAGE = 4096;

    @TempDir
    Path dir;

    private Path disk;

    /** Mounts a tmpfs of {@code kib} KiB on {@code <dir>/disk}, or skips the test with the reason. */
    private Path mount(int kib) throws IOException, InterruptedException {
        Path target = Files.createDirectories(dir.resolve("disk"));
        String refused = system("mount", "-t", "tmpfs", "-o", "size=" + kib + "k", "tmpfs", target.toString());
        Assumptions.assumeTrue(refused.isEmpty(), () -> "cannot mount a small tmpfs (needs root or CAP_SYS_ADMIN): "
                + refused + "; disk-full test skipped");
        disk = target;
        return disk;
    }

    /**
     * Checks that the command left nothing behind on the disk (no worker thread, no open file), then
     * unmounts it. A plain unmount that the system refuses although this process holds nothing there is
     * retried as a lazy one (detached now, freed when the last user lets go), so a slow system does not
     * fail a test whose claims held.
     */
    @AfterEach
    void unmount() throws IOException, InterruptedException {
        if (disk == null) {
            return;
        }
        List<String> workers = workersAlive();
        List<String> open = filesOpenOn(disk);
        String plain = system("umount", disk.toString());
        String lazy = plain.isEmpty() ? "" : system("umount", "-l", disk.toString());
        assertThat(workers).as("worker threads still running after the command ended").isEmpty();
        assertThat(open).as("files this JVM still holds open on the full disk").isEmpty();
        assertThat(lazy).as("umount " + disk + " said: " + plain + "; umount -l said").isEmpty();
    }

    /** @return "" when the system command succeeded, else why not: its exit code and output, or why it did not run */
    private static String system(String... command) throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return "cannot run " + command[0] + " (" + e.getMessage() + ")";
        }
        String said;
        try {
            said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            said = e.getMessage();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return command[0] + " gave no answer in 30 s";
        }
        return process.exitValue() == 0 ? "" : "exit " + process.exitValue() + ": " + said;
    }

    /** @return the generator's and the sweep's worker threads that are still alive */
    private static List<String> workersAlive() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.equals(LocalRangeRunner.THREAD_NAME) || name.equals(LocalRunExecutor.THREAD_NAME))
                .toList();
    }

    /** @return the files under {@code root} that this process has open, read from /proc/self/fd */
    private static List<String> filesOpenOn(Path root) throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return List.of();
        }
        List<String> open = new ArrayList<>();
        try (Stream<Path> list = Files.list(fds)) {
            for (Path fd : (Iterable<Path>) list::iterator) {
                try {
                    Path target = Files.readSymbolicLink(fd);
                    if (target.startsWith(root)) {
                        open.add(target.toString());
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while listing (the listing's own, for one) holds nothing open
                }
            }
        }
        return open;
    }

    /**
     * Fills the disk but one page: writes one file until the write fails for lack of space, then gives
     * back {@link #PAGE} bytes, room for the small files a command rewrites when it starts (its folder
     * record) but not for a run file or summary (both larger than a page).
     */
    private static void fill(Path disk) throws IOException {
        Path filler = disk.resolve("filler");
        byte[] block = new byte[PAGE];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException e) {
            assertThat(e.getMessage()).contains("No space left on device");
        }
        try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - PAGE);
        }
    }

    /** Exit code 1 and one line that names the file or files under {@code out} and the cause. */
    private static void assertOneLineAboutSpace(CliRunner.Result result, Path out) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.FAILURE);
        List<String> lines = result.err().strip().lines().filter(l -> l.startsWith("error: ")).toList();
        assertThat(lines).as(result.err()).hasSize(1);
        assertThat(lines.get(0)).startsWith("error: cannot write ").contains(out.toString())
                .endsWith(": No space left on device").doesNotContain("Exception");
    }

    /**
     * A generator that ran out of space: one line about it, the dataset left marked unfinished with no
     * manifest and no temporary file, and analyze refusing it.
     */
    private void assertUnfinishedAndRefused(CliRunner.Result result, Path out) throws IOException {
        assertOneLineAboutSpace(result, out);
        assertThat(out.resolve(DatasetFolder.MANIFEST)).doesNotExist();
        assertThat(out.resolve(DatasetFolder.IN_PROGRESS)).exists();
        assertNoTemporaryFiles(out);
        CliRunner.Result analyze = CliRunner.run("analyze", "--data", out.toString(), "--out",
                dir.resolve("never").toString());
        assertThat(analyze.exitCode()).as(analyze.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(analyze.err()).contains("unfinished dataset");
    }

    /** @return relative path -> SHA-256 of every regular file under {@code root} */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(p).toString(), Sha256.of(Files.readAllBytes(p)));
            }
        }
        return files;
    }

    private static void assertNoTemporaryFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            assertThat(walk.filter(AtomicFiles::isTemporary).toList()).isEmpty();
        }
    }

    @Test
    void imagesThatDoNotFitLeaveNoManifest() throws Exception {
        Path out = mount(256).resolve("images");
        CliRunner.Result result = CliRunner.run("generate", "images", "--out", out.toString(), "--train", "400",
                "--val", "50", "--test", "50", "--size", "64", "--threads", "2");
        assertUnfinishedAndRefused(result, out);
    }

    @Test
    void aTableThatDoesNotFitLeavesNoManifest() throws Exception {
        Path out = mount(256).resolve("table");
        CliRunner.Result result = CliRunner.run("generate", "tabular", "--out", out.toString(), "--train", "20000",
                "--val", "100", "--test", "100", "--threads", "1");
        assertUnfinishedAndRefused(result, out);
    }

    @Test
    void aSweepOnAFullDiskKeepsItsFinishedRunFilesAndWritesNoPartialFile() throws Exception {
        Path data = dir.resolve("table");
        CliRunner.Result made = CliRunner.run("generate", "tabular", "--out", data.toString(), "--train", "120",
                "--val", "40", "--test", "40", "--seed", "5", "--threads", "1");
        assertThat(made.exitCode()).as(made.err()).isEqualTo(ExitCodes.OK);
        Path out = mount(1024).resolve("results");
        String[] sweep = {"analyze", "--data", data.toString(), "--out", out.toString(), "--batch-sizes", "8,32",
            "--seeds", "1", "--epochs", "1", "--probes-per-run", "0", "--threads", "1", "--no-report"};
        CliRunner.Result first = CliRunner.run(sweep);
        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.OK);
        Path runs = out.resolve("runs");
        List<Path> runFiles;
        try (Stream<Path> list = Files.list(runs)) {
            runFiles = list.sorted().toList();
        }
        assertThat(runFiles).hasSize(2);

        // a run's file cannot be written: the other run's file stays as it was, no partial file appears
        Files.delete(runFiles.get(1));
        Files.delete(out.resolve("summary.json"));
        Map<String, String> before = files(out);
        fill(disk);
        assertOneLineAboutSpace(CliRunner.run(sweep), runFiles.get(1));
        assertNoTemporaryFiles(out);
        assertThat(runFiles.get(1)).doesNotExist();
        assertThat(out.resolve("summary.json")).doesNotExist();
        assertThat(files(out)).containsAllEntriesOf(before);

        // the summary cannot be written: no partial summary, the run files intact
        Files.delete(disk.resolve("filler"));
        assertThat(Files.size(runFiles.get(0))).as("a run file is larger than the page fill() leaves").isGreaterThan(PAGE);
        CliRunner.Result resumed = CliRunner.run(sweep);
        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.size(out.resolve("summary.json"))).isGreaterThan(PAGE);
        Files.delete(out.resolve("summary.json"));
        Map<String, String> finished = files(out);
        fill(disk);
        assertOneLineAboutSpace(CliRunner.run(sweep), out.resolve("summary.json"));
        assertNoTemporaryFiles(out);
        assertThat(out.resolve("summary.json")).doesNotExist();
        assertThat(files(out)).containsAllEntriesOf(finished);
    }
}
