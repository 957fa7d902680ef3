package org.batchscope.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path tmp;

    @Test
    void writesContentReadableByOthersAndLeavesNoTemporaryFile() throws IOException {
        Path target = tmp.resolve("sub/report.txt");
        AtomicFiles.write(target, "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(target).hasContent("hello");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFailingWriterLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
        Path target = tmp.resolve("data.csv");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("partial".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessageContaining("disk full");
        assertThat(target).hasContent("old");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).containsExactly(target);
        }
    }
}
