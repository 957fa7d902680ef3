package org.batchscope.generator.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.batchscope.common.BadInputException;
import org.batchscope.common.Sha256;
import org.batchscope.generator.SummaryStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFolderTest {

    @TempDir
    Path tmp;

    @Test
    void manifestIsWrittenLastWithChecksumsAndMarkerRemoved() throws Exception {
        Path out = tmp.resolve("ds");
        DatasetFolder folder = DatasetFolder.open(out, "abc", false, "--out");
        assertThat(out.resolve(DatasetFolder.IN_PROGRESS)).exists();
        Files.writeString(out.resolve("a.txt"), "hello\n");
        Manifest.write(folder, "tabular", Map.of("ratio", 3.0), 7L, Map.of("train", 1L),
                SummaryStats.of(2.0, 4.0), Map.of("x0", "informative"), Map.of());
        assertThat(out.resolve(DatasetFolder.IN_PROGRESS)).doesNotExist();
        String manifest = Files.readString(out.resolve("manifest.json"));
        // sha256("hello\n") as printed by sha256sum
        String helloSha = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
        assertThat(Sha256.of("hello\n")).isEqualTo(helloSha);
        assertThat(manifest).contains("\"a.txt\" : \"" + helloSha + "\"", "\"spec_sha256\" : \"abc\"",
                "\"rng\" : \"XO_RO_SHI_RO_128_PP\"", "\"mean\" : 3.0");
        assertThat(manifest).contains("\"content_sha256\" : \"" + Sha256.of(helloSha + "  a.txt\n") + "\"");
    }

    @Test
    void foreignNonEmptyFolderIsRefusedAndLeftUntouched() throws Exception {
        Path out = tmp.resolve("ds");
        Files.createDirectories(out);
        Files.writeString(out.resolve("thesis.tex"), "precious");
        assertThatThrownBy(() -> DatasetFolder.open(out, "abc", false, "--out"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("--out").hasMessageContaining("--overwrite");
        assertThat(out.resolve("thesis.tex")).hasContent("precious");
        assertThat(out.resolve(DatasetFolder.IN_PROGRESS)).doesNotExist();
    }

    @Test
    void sameSpecFolderIsReusedAndOverwriteClearsForeignContent() throws Exception {
        Path out = tmp.resolve("ds");
        DatasetFolder.open(out, "abc", false, "--out");
        Files.writeString(out.resolve("partial.png"), "x");
        DatasetFolder.open(out, "abc", false, "--out");
        assertThat(out.resolve("partial.png")).exists();
        assertThatThrownBy(() -> DatasetFolder.open(out, "other", false, "--out"))
                .isInstanceOf(BadInputException.class);
        DatasetFolder.open(out, "other", true, "--out");
        assertThat(out.resolve("partial.png")).doesNotExist();
        assertThat(out.resolve(DatasetFolder.IN_PROGRESS)).hasContent("other");
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
