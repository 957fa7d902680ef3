package org.batchscope.generator.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.batchscope.common.BadInputException;
import org.batchscope.common.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSpecTest {

    @TempDir
    Path dir;

    @Test
    void theKindKeyChoosesTheSpecType() throws Exception {
        DatasetSpec images = DatasetSpec.read(file("i.yaml", "kind: images\nsize: 32\nratio: 3\n"), (DatasetSpec.Kind) null, "analyze --spec");
        assertThat(images).isEqualTo(ImageSpec.defaults().with(Map.of("size", 32, "ratio", 3.0)));
        DatasetSpec table = DatasetSpec.read(file("t.json", "{\"kind\": \"tabular\", \"n_classes\": 3}"), (DatasetSpec.Kind) null,
                "analyze --spec");
        assertThat(table).isEqualTo(TabularSpec.defaults().with(Map.of("n_classes", 3)));
        assertThat(table.requestedRatio()).isEqualTo(3.0);
    }

    @Test
    void aSpecWithoutKindIsReadAsTheKindTheCommandImplies() throws Exception {
        assertThat(DatasetSpec.read(file("i.yaml", "size: 32\n"), ImageSpec.class, "generate images").size()).isEqualTo(32);
        assertThat(DatasetSpec.read(file("t.yaml", "n_classes: 4\n"), TabularSpec.class, "generate tabular").nClasses())
                .isEqualTo(4);
    }

    @Test
    void everySpecTheToolWritesCarriesItsKindAndReadsBack() throws Exception {
        for (DatasetSpec spec : new DatasetSpec[] {ImageSpec.defaults(), TabularSpec.defaults()}) {
            JsonNode tree = Json.mapper().readTree(Json.toBytes(spec));
            assertThat(tree.get("kind").asText()).isEqualTo(spec instanceof ImageSpec ? "images" : "tabular");
            Path written = dir.resolve(spec.kind().specName() + ".json");
            Json.write(written, spec);
            assertThat(DatasetSpec.read(written, (DatasetSpec.Kind) null, "analyze --spec")).isEqualTo(spec);
            assertThat(DatasetSpec.read(written, spec.getClass(), "generate")).isEqualTo(spec);
            assertThat(spec.with(Map.of())).isEqualTo(spec);
        }
    }

    @Test
    void aKindThatContradictsTheCommandIsOneLine() throws Exception {
        Path tabular = file("t.yaml", "kind: tabular\n");
        assertThatThrownBy(() -> DatasetSpec.read(tabular, ImageSpec.class, "generate images"))
                .isInstanceOf(BadInputException.class)
                .hasMessage(tabular + ": kind tabular does not fit generate images, which reads kind images (or no kind)");
        Path images = file("i.yaml", "kind: images\n");
        assertThatThrownBy(() -> DatasetSpec.read(images, TabularSpec.class, "generate tabular"))
                .isInstanceOf(BadInputException.class)
                .hasMessage(images + ": kind images does not fit generate tabular, which reads kind tabular (or no kind)");
    }

    @Test
    void anUnknownOrMissingKindIsOneLine() throws Exception {
        Path unknown = file("u.yaml", "kind: audio\n");
        assertThatThrownBy(() -> DatasetSpec.read(unknown, (DatasetSpec.Kind) null, "analyze --spec"))
                .isInstanceOf(BadInputException.class)
                .hasMessage(unknown + ": kind must be images or tabular (got \"audio\")");
        Path none = file("n.yaml", "size: 32\n");
        assertThatThrownBy(() -> DatasetSpec.read(none, (DatasetSpec.Kind) null, "analyze --spec"))
                .isInstanceOf(BadInputException.class)
                .hasMessage(none + ": no 'kind' key; analyze --spec needs 'kind: images' or 'kind: tabular' in the spec");
    }

    @Test
    void keysOfTheOtherKindAreUnknownKeys() throws Exception {
        Path mixed = file("m.yaml", "kind: images\nn_classes: 3\n");
        assertThatThrownBy(() -> DatasetSpec.read(mixed, (DatasetSpec.Kind) null, "analyze --spec"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(mixed + ": unknown key 'n_classes'");
    }

    private Path file(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
