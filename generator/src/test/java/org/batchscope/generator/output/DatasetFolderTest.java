package org.batchscope.generator.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.batchscope.common.BadInputException;
import org.batchscope.common.Json;
import org.batchscope.common.OutputFolder;
import org.batchscope.common.Sha256;
import org.batchscope.generator.SummaryStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFolderTest {

    @TempDir
    Path tmp;

    @Test
    void manifestListsTheWrittenFilesOnlyAndIsWrittenLast() throws Exception {
        Path out = tmp.resolve("ds");
        try (DatasetFolder folder = DatasetFolder.open(out, "abc", false, "--out")) {
            assertThat(out.resolve(DatasetFolder.IN_PROGRESS)).exists();
            assertThat(out.resolve(OutputFolder.LOCK)).exists();
            Files.writeString(out.resolve("a.txt"), "hello\n");
            folder.wrote("a.txt");
            Files.writeString(out.resolve("stray.txt"), "not the generator's");
            Manifest.write(folder, "tabular", Map.of("ratio", 3.0), 7L, Map.of("train", 1L),
                    SummaryStats.of(2.0, 4.0), Map.of("x0", "informative"), Map.of());
        }
        assertThat(out.resolve(DatasetFolder.IN_PROGRESS)).doesNotExist();
        String manifest = Files.readString(out.resolve("manifest.json"));
        // sha256("hello\n") as printed by sha256sum
        String helloSha = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
        assertThat(Sha256.of("hello\n")).isEqualTo(helloSha);
        assertThat(manifest).contains("\"a.txt\" : \"" + helloSha + "\"", "\"spec_sha256\" : \"abc\"",
                "\"rng\" : \"XO_RO_SHI_RO_128_PP\"", "\"mean\" : 3.0", "\"a.txt\" : 6").doesNotContain("stray");
        assertThat(manifest).contains("\"content_sha256\" : \"" + Sha256.of(helloSha + "  a.txt\n") + "\"");
        assertThat(Json.mapper().readTree(out.resolve(OutputFolder.RECORD).toFile()).path("kind").asText())
                .isEqualTo("dataset");
    }

    @Test
    void foreignNonEmptyFolderIsRefusedEvenWithOverwriteAndLeftUntouched() throws Exception {
        Path out = tmp.resolve("ds");
        Files.createDirectories(out);
        Files.writeString(out.resolve("thesis.tex"), "precious");
        for (boolean overwrite : new boolean[] {false, true}) {
            assertThatThrownBy(() -> DatasetFolder.open(out, "abc", overwrite, "--out"))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("--out").hasMessageContaining("files that batchscope did not write");
        }
        assertThat(out.resolve("thesis.tex")).hasContent("precious");
        try (var entries = Files.list(out)) {
            assertThat(entries).containsExactly(out.resolve("thesis.tex"));
        }
    }

    @Test
    void sameSpecFolderIsReusedAndOverwriteReplacesAnotherSpecsDataset() throws Exception {
        Path out = tmp.resolve("ds");
        DatasetFolder.open(out, "abc", false, "--out").close();
        Files.writeString(out.resolve("partial.png"), "x");
        DatasetFolder.open(out, "abc", false, "--out").close();
        assertThat(out.resolve("partial.png")).exists();
        assertThatThrownBy(() -> DatasetFolder.open(out, "other", false, "--out"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--overwrite");
        DatasetFolder.open(out, "other", true, "--out").close();
        assertThat(out.resolve("partial.png")).doesNotExist();
        assertThat(out.resolve(DatasetFolder.IN_PROGRESS)).hasContent("other\n");
    }

    @Test
    void aSecondOwnerIsRefusedWhileTheFirstHoldsTheFolder() {
        Path out = tmp.resolve("ds");
        try (DatasetFolder first = DatasetFolder.open(out, "abc", false, "--out")) {
            assertThatThrownBy(() -> DatasetFolder.open(out, "abc", false, "--out"))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("in use by another batchscope command (pid " + ProcessHandle.current().pid());
        }
        DatasetFolder.open(out, "abc", false, "--out").close();
    }

    @Test
    void aStaleLockFileAndAKilledRunsTemporaryFilesAreRemovedOnReopen() throws Exception {
        Path out = tmp.resolve("ds");
        DatasetFolder.open(out, "abc", false, "--out").close();
        // what a SIGKILLed generator leaves: its lock file (no OS lock any more), temporary files, staging
        Files.writeString(out.resolve(OutputFolder.LOCK), "pid 999999\n");
        Files.writeString(out.resolve(".train.csv.tmp-123456"), "half");
        Files.createDirectories(out.resolve("sub"));
        Files.writeString(out.resolve("sub/.metadata.csv.tmp-42"), "half");
        Files.createDirectories(out.resolve(StagingArea.FOLDER).resolve("train"));
        try (DatasetFolder again = DatasetFolder.open(out, "abc", false, "--out")) {
            assertThat(out.resolve(".train.csv.tmp-123456")).doesNotExist();
            assertThat(out.resolve("sub/.metadata.csv.tmp-42")).doesNotExist();
            assertThat(out.resolve(StagingArea.FOLDER)).doesNotExist();
            assertThat(out.resolve(OutputFolder.LOCK)).content().contains("pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void summaryStatsCombineEqualsOnePass() {
        SummaryStats left = SummaryStats.of(1, 2);
        left.combine(SummaryStats.of(3, 4, 10));
        // mean 4, squared deviations 9+4+1+0+36 = 50, sample variance 50/4 = 12.5
        assertThat(left.mean()).isCloseTo(4.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(left.std()).isCloseTo(Math.sqrt(12.5), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(left.min()).isEqualTo(1.0);
        assertThat(left.max()).isEqualTo(10.0);
    }
}
