package org.batchscope.generator.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.batchscope.common.BadInputException;
import org.batchscope.common.Json;
import org.batchscope.generator.tabular.NoiseBlockSpec;
import org.batchscope.generator.tabular.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TabularSpecTest {

    @TempDir
    Path temp;

    @Test
    void defaultsAreResolved() {
        TabularSpec spec = TabularSpec.defaults();
        assertThat(spec.train()).isEqualTo(1000L);
        assertThat(spec.ratio()).isEqualTo(3.0);
        assertThat(spec.noiseBlocks()).extracting(NoiseBlockSpec::kind)
                .containsExactly("factor", "periodic", "cluster", "drift", "categorical");
        assertThat(spec.columns()).isEqualTo(4 + 2 + 8 + 4 + 4 + 2 + 4 + 2);
        assertThat(spec.classWeights()).containsExactly(0.5, 0.5);
    }

    @Test
    void readsAYamlSpecWithSklearnNamesAndBlocks() throws IOException {
        Path file = temp.resolve("t.yaml");
        Files.writeString(file, """
                n_informative: 3
                class_sep: 2.0
                weights: [0.2, 0.3]
                n_classes: 3
                noise_blocks:
                  - kind: factor
                    columns: 5
                    factors: 1
                  - kind: drift
                    period: 50
                """);
        TabularSpec spec = Json.readSpec(file, TabularSpec.class);
        assertThat(spec.nInformative()).isEqualTo(3);
        assertThat(spec.classWeights()).containsExactly(0.2, 0.3, 0.5);
        assertThat(spec.noiseBlocks()).containsExactly(new NoiseBlockSpec.Factor(5, 1, 1.0),
                new NoiseBlockSpec.Drift(2, 50L, 1.0));
        assertThat(Json.mapper().readValue(Json.toBytes(spec), TabularSpec.class)).isEqualTo(spec);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "n_classes: 1|n_classes must be an integer in [2, 100] (got 1)",
        "flip_y: 1.5|flip_y must be a fraction in [0, 1] (got 1.5)",
        "ratio: -1|ratio must be a number in [0, 10000] (got -1.0)",
        "rho: 2|rho must be a number in [0, 1] (got 2.0)",
        "train: 0|train must be a number of rows in [1, 2000000000] (got 0)",
        "{n_classes: 3, weights: [0.5, 0.6]}|weights must be n_classes - 1 proportions summing below 1 (got [0.5, 0.6])",
        "weights: [0.5, 0.4, 0.1]|weights must be a list of n_classes (2) or n_classes - 1 class proportions (got [0.5, 0.4, 0.1])",
        "n_informative: 1|n_classes * n_clusters_per_class must be at most 2^n_informative = 2 (one hypercube vertex per cluster) (got 4)",
        "formats: [csv, parquet]|formats must be a non-empty list of distinct values from [csv, npy] (got [csv, parquet])",
        "noise_blocks: [{kind: factor, columns: 3, factors: 4}]|noise_blocks[factor].factors must be an integer in [1, columns=3] (got 4)",
        "noise_blocks: [{kind: drift, period: 1}]|noise_blocks[drift].period must be a number of rows in [3, 1000000000] (got 1)",
        "noise_blocks: []|ratio must be 0 when noise_blocks is empty (got 3.0)",
    })
    void rejectsBadValuesNamingTheFieldAndTheRange(String yaml, String message) throws IOException {
        Path file = temp.resolve("bad.yaml");
        Files.writeString(file, yaml + "\n");
        assertThatThrownBy(() -> Json.readSpec(file, TabularSpec.class))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ": " + message);
    }

    @Test
    void rejectsUnknownKeysAndKinds() throws IOException {
        Path file = temp.resolve("bad.yaml");
        Files.writeString(file, "n_informatve: 3\n");
        assertThatThrownBy(() -> Json.readSpec(file, TabularSpec.class))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith(file + ": unknown key 'n_informatve'");
        Files.writeString(file, "noise_blocks: [{kind: stripes}]\n");
        assertThatThrownBy(() -> Json.readSpec(file, TabularSpec.class))
                .isInstanceOf(BadInputException.class).hasMessageContaining("stripes");
    }

    @Test
    void overridesReplaceFieldsAndRevalidate() {
        TabularSpec spec = TabularSpec.defaults().with(Map.of("ratio", 30.0, "n_classes", 3, "rho", 0.5));
        assertThat(spec.ratio()).isEqualTo(30.0);
        assertThat(spec.classWeights()).hasSize(3);
        assertThat(spec.rho(Split.TRAIN)).isEqualTo(0.5);
        assertThat(spec.rho(Split.TEST)).isEqualTo(0.0);
        assertThatThrownBy(() -> spec.with(Map.of("class_sep", -1.0)))
                .isInstanceOf(BadInputException.class).hasMessage("class_sep must be a number in [0, 1000000] (got -1.0)");
        assertThat(TabularSpec.defaults().with(Map.of("formats", List.of("npy"))).formats()).containsExactly("npy");
    }
}
