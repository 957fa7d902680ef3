package org.batchscope.common;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one registry of metric names, units, directions and definitions, read from the resource
 * {@code org/batchscope/common/metrics.yaml}. The analyzer's tests check that every metric it writes is
 * registered (and every registered metric is written); the report's glossary and the metric table of
 * README.md ({@link #markdownTable()}) are made from it.
 */
public final class MetricRegistry {

    /** The prefixes under which the series metrics of the validation loss and the minibatch loss are written. */
    public static final List<String> SERIES_PREFIXES = List.of("validation_loss_", "minibatch_loss_");
    /** The suffixes a cell summary adds to every metric. */
    public static final List<String> CELL_SUFFIXES = List.of("_mean", "_std", "_ci_low", "_ci_high");

    private static final String RESOURCE = "metrics.yaml";
    private static final Registry REGISTRY = load();
    private static final Map<String, MetricDefinition> BY_NAME = index(REGISTRY);

    /**
     * A term the definitions rely on (the window, the statistics across seeds).
     *
     * @param name       what it is called
     * @param definition what it is
     * @param formula    its formula, in ASCII
     */
    public record Term(@JsonProperty("name") String name, @JsonProperty("definition") String definition,
            @JsonProperty("formula") String formula) {
    }

    private record Registry(@JsonProperty("terms") List<Term> terms,
            @JsonProperty("metrics") List<MetricDefinition> metrics) {
    }

    private MetricRegistry() {
    }

    /** @return every registered metric, in registry order */
    public static List<MetricDefinition> metrics() {
        return REGISTRY.metrics();
    }

    /** @return the terms the definitions rely on, in registry order */
    public static List<Term> terms() {
        return REGISTRY.terms();
    }

    /**
     * @param written a name as written in a result file: a registered name, a series metric with one of
     *                {@link #SERIES_PREFIXES}, either with one of {@link #CELL_SUFFIXES} or without
     * @return its definition, or empty when it is not a registered metric
     */
    public static Optional<MetricDefinition> find(String written) {
        for (String suffix : CELL_SUFFIXES) {
            if (written.endsWith(suffix)) {
                Optional<MetricDefinition> cell = findPerRun(written.substring(0, written.length() - suffix.length()));
                if (cell.isPresent()) {
                    return cell;
                }
            }
        }
        return findPerRun(written);
    }

    /** @return the metric of a name without cell suffix: a registered name, or a series metric with a prefix */
    private static Optional<MetricDefinition> findPerRun(String name) {
        Optional<MetricDefinition> direct = byName(name);
        if (direct.isPresent()) {
            return direct;
        }
        for (String prefix : SERIES_PREFIXES) {
            if (name.startsWith(prefix)) {
                return byName(name.substring(prefix.length())).filter(MetricDefinition::series);
            }
        }
        return Optional.empty();
    }

    /**
     * @return the metric section of the docs, which README.md holds between its markers: the terms as a
     *         list, then one Markdown table row per metric (name, level, unit, better, definition and formula)
     */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder();
        for (Term term : terms()) {
            table.append("- **").append(term.name()).append("**: ").append(term.definition()).append(" `")
                    .append(term.formula()).append("`\n");
        }
        table.append("\n| metric | level | unit | better | definition |\n|---|---|---|---|---|\n");
        for (MetricDefinition m : metrics()) {
            table.append("| `").append(m.name()).append('`').append(m.series() ? " (series)" : "").append(" | ")
                    .append(m.level().text()).append(" | ").append(cell(m.unit())).append(" | ")
                    .append(m.better().text()).append(" | ").append(cell(m.definition())).append(" `")
                    .append(cell(m.formula())).append("` |\n");
        }
        return table.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static Optional<MetricDefinition> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static Map<String, MetricDefinition> index(Registry registry) {
        Map<String, MetricDefinition> index = new LinkedHashMap<>();
        for (MetricDefinition m : registry.metrics()) {
            if (index.put(m.name(), m) != null) {
                throw new IllegalStateException(RESOURCE + " names " + m.name() + " twice");
            }
        }
        return Map.copyOf(index);
    }

    private static Registry load() {
        try (InputStream in = MetricRegistry.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            }
            Registry registry = new YAMLMapper().readValue(in, Registry.class);
            return new Registry(List.copyOf(registry.terms()), List.copyOf(registry.metrics()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
