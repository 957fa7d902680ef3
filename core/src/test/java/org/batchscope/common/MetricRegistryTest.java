package org.batchscope.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MetricRegistryTest {

    private static final Path README = Path.of("..", "README.md");
    private static final String BEGIN = "<!-- metrics:begin";
    private static final String END = "<!-- metrics:end -->";

    @Test
    void everyMetricIsCompleteAndNamedOnce() {
        assertThat(MetricRegistry.metrics()).hasSizeGreaterThan(30);
        assertThat(MetricRegistry.metrics()).extracting(MetricDefinition::name).doesNotHaveDuplicates();
        assertThat(MetricRegistry.metrics()).allSatisfy(m -> {
            assertThat(m.unit()).isNotBlank();
            assertThat(m.definition()).isNotBlank();
            assertThat(m.formula()).isNotBlank();
            // the PDF glossary prints them with a Latin-1 font
            assertThat((m.definition() + m.formula() + m.unit()).chars().allMatch(c -> c < 128)).as(m.name()).isTrue();
        });
        assertThat(MetricRegistry.terms()).extracting(MetricRegistry.Term::name).containsExactly("window", "across seeds");
    }

    @Test
    void writtenNamesResolveThroughSeriesPrefixesAndCellSuffixes() {
        assertThat(MetricRegistry.find("amplitude")).map(MetricDefinition::unit).contains("series units");
        assertThat(MetricRegistry.find("validation_loss_amplitude")).map(MetricDefinition::name).contains("amplitude");
        assertThat(MetricRegistry.find("minibatch_loss_max_drawdown_ci_high")).map(MetricDefinition::name)
                .contains("max_drawdown");
        assertThat(MetricRegistry.find("gap_loss_mean")).map(MetricDefinition::better)
                .contains(MetricDefinition.Better.HIGHER);
        assertThat(MetricRegistry.find("breakdown_ratio")).map(MetricDefinition::level)
                .contains(MetricDefinition.Level.SWEEP);
        // only series metrics take the series prefixes
        assertThat(MetricRegistry.find("validation_loss_final_accuracy")).isEmpty();
        assertThat(MetricRegistry.find("amplitude_median")).isEmpty();
        assertThat(MetricRegistry.find("accuracy")).isEmpty();
    }

    /**
     * README.md's metric section is generated from the registry. Run with {@code -Dmetrics.updateReadme=true}
     * to rewrite it after changing metrics.yaml.
     */
    @Test
    void theReadmeMetricSectionIsTheRegistry() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int begin = readme.indexOf('\n', readme.indexOf(BEGIN)) + 1;
        int end = readme.indexOf(END);
        assertThat(begin).as("README.md has the metric markers").isPositive();
        assertThat(end).isGreaterThanOrEqualTo(begin);
        String expected = MetricRegistry.markdownTable();
        if (Boolean.getBoolean("metrics.updateReadme")) {
            Files.writeString(README, readme.substring(0, begin) + expected + readme.substring(end), StandardCharsets.UTF_8);
            return;
        }
        assertThat(readme.substring(begin, end))
                .as("README.md's metric section; rerun this test with -Dmetrics.updateReadme=true to regenerate it")
                .isEqualTo(expected);
    }
}
