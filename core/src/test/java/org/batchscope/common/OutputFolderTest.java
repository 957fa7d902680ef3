package org.batchscope.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {

    @TempDir
    Path tmp;

    @Test
    void recordsTheKindAndRefusesAnotherKindEvenWithOverwrite() throws Exception {
        Path out = tmp.resolve("results");
        OutputFolder.claim(out, OutputFolder.Kind.RESULTS, "data-1", false, "--out").close();
        Files.writeString(out.resolve("summary.json"), "{}");
        assertThatThrownBy(() -> OutputFolder.claim(out, OutputFolder.Kind.DIAGNOSIS, "logs", true, "--out"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("--out " + out + " holds sweep results, not a diagnosis of training logs; choose another"
                        + " folder (--overwrite only replaces a diagnosis of training logs)");
        assertThat(out.resolve("summary.json")).exists();
    }

    @Test
    void sameIdentityResumesOtherIdentityNeedsOverwriteWhichClearsTheFolder() throws Exception {
        Path out = tmp.resolve("results");
        OutputFolder.claim(out, OutputFolder.Kind.RESULTS, "data-1", false, "--out").close();
        Files.writeString(out.resolve("summary.json"), "{}");
        OutputFolder.claim(out, OutputFolder.Kind.RESULTS, "data-1", false, "--out").close();
        assertThat(out.resolve("summary.json")).exists();
        assertThatThrownBy(() -> OutputFolder.claim(out, OutputFolder.Kind.RESULTS, "data-2", false, "--out"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("--out " + out + " holds sweep results of other input; choose another folder or pass"
                        + " --overwrite to replace it");
        OutputFolder.claim(out, OutputFolder.Kind.RESULTS, "data-2", true, "--out").close();
        assertThat(out.resolve("summary.json")).doesNotExist();
    }

    @Test
    void anOlderFolderIsRecognisedByItsFiles() throws Exception {
        Path out = tmp.resolve("old");
        Files.createDirectories(out.resolve("runs"));
        assertThatThrownBy(() -> OutputFolder.claim(out, OutputFolder.Kind.RESULTS, "x", false, "--out"))
                .hasMessageContaining("sweep results of other input (or from an older batchscope)");
        OutputFolder.claim(out, OutputFolder.Kind.RESULTS, "x", true, "--out").close();
        assertThat(out.resolve("runs")).doesNotExist();
    }

    @Test
    void overwriteNeverClearsTheHomeFolderOrTheRoot() throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("runs"));
        String before = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            assertThatThrownBy(() -> OutputFolder.claim(home, OutputFolder.Kind.RESULTS, "x", true, "--out"))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("the home folder or contains it");
            assertThatThrownBy(() -> OutputFolder.claim(tmp, OutputFolder.Kind.RESULTS, "x", true, "--out"))
                    .as("an ancestor of the home folder").hasMessageContaining("the home folder or contains it");
            assertThat(home.resolve("runs")).exists();
        } finally {
            System.setProperty("user.home", before);
        }
        assertThatThrownBy(() -> OutputFolder.claim(Path.of("/"), OutputFolder.Kind.RESULTS, "x", true, "--out"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--out /");
    }

    @Test
    void aFileInTheWayIsOneLineNamingTheOption() throws Exception {
        Path file = tmp.resolve("file");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> OutputFolder.claim(file, OutputFolder.Kind.REPORT, "x", false, "--out"))
                .hasMessage("--out " + file + " is a file; it must be a folder");
        assertThatThrownBy(() -> OutputFolder.claim(file.resolve("sub"), OutputFolder.Kind.REPORT, "x", false, "--out"))
                .hasMessage("--out " + file.resolve("sub") + " cannot be made: " + file + " is a file");
    }

    @Test
    void temporaryNamesAreRecognised() {
        assertThat(AtomicFiles.isTemporary(Path.of("a/.train.csv.tmp-8812736"))).isTrue();
        assertThat(AtomicFiles.isTemporary(Path.of("a/train.csv"))).isFalse();
        assertThat(AtomicFiles.isTemporary(Path.of(".tmp-1"))).isFalse();
    }
}
