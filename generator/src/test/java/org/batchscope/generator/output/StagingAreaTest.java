package org.batchscope.generator.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.batchscope.common.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingAreaTest {

    @TempDir
    Path root;

    @Test
    void filesAppearAtTheirFinalPathOnlyWhenTheirFolderIsPublished() throws IOException {
        try (StagingArea staging = new StagingArea(root)) {
            staging.write("train/blue/0000000.png", new byte[] {1, 2, 3});
            staging.write("train/amber/0000001.png", new byte[] {4});
            assertThat(root.resolve("train")).doesNotExist();
            assertThat(staging.hashes()).containsOnly(
                    Map.entry("train/blue/0000000.png", Sha256.of(new byte[] {1, 2, 3})),
                    Map.entry("train/amber/0000001.png", Sha256.of(new byte[] {4})));
            staging.publish("train");
            assertThat(Files.readAllBytes(root.resolve("train/blue/0000000.png"))).containsExactly(1, 2, 3);
            assertThat(Files.readAllBytes(root.resolve("train/amber/0000001.png"))).containsExactly(4);
        }
        assertThat(root.resolve(StagingArea.FOLDER)).doesNotExist();
        try (var entries = Files.list(root)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("train");
        }
    }

    @Test
    void aRerunReplacesTheEarlierFolderAndClearsLeftoverStaging() throws IOException {
        Files.createDirectories(root.resolve("train/blue"));
        Files.write(root.resolve("train/blue/stale.png"), new byte[] {9});
        Files.createDirectories(root.resolve(StagingArea.FOLDER + "/val"));
        Files.write(root.resolve(StagingArea.FOLDER + "/val/half.png"), new byte[] {7});
        try (StagingArea staging = new StagingArea(root)) {
            assertThat(root.resolve(StagingArea.FOLDER + "/val")).doesNotExist();
            staging.write("train/blue/0000000.png", new byte[] {5});
            staging.publish("train");
        }
        assertThat(root.resolve("train/blue/stale.png")).doesNotExist();
        assertThat(Files.readAllBytes(root.resolve("train/blue/0000000.png"))).containsExactly(5);
        assertThat(root.resolve(StagingArea.FOLDER)).doesNotExist();
    }
}
