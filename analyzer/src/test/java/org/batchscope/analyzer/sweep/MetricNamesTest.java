package org.batchscope.analyzer.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import org.batchscope.analyzer.metrics.OscillationMetrics;
import org.batchscope.analyzer.sharpness.Sharpness;
import org.batchscope.common.MetricDefinition;
import org.batchscope.common.MetricRegistry;
import org.junit.jupiter.api.Test;

/**
 * The analyzer writes per-run metrics under the names of its public constants; the metric registry in
 * core defines them. Both ways: every written name is registered, and every run-level registry entry is
 * written by some class here (no stale definitions).
 */
class MetricNamesTest {

    /** The classes whose public String constants are the names of the per-run metrics they write. */
    private static final Class<?>[] WRITERS = {OscillationMetrics.class, RunMetrics.class, ShortcutReliance.class,
        GeneralizationGap.class, Sharpness.class, RunCost.class, TargetAccuracy.class, EdgeOfStability.class};

    @Test
    void everyWrittenRunMetricIsRegisteredAndEveryRegisteredOneIsWritten() throws IllegalAccessException {
        Set<String> written = new TreeSet<>();
        for (Class<?> writer : WRITERS) {
            for (Field field : writer.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && field.getType() == String.class
                        && !field.getName().endsWith("_PREFIX")) {
                    String value = (String) field.get(null);
                    if (value.matches("[a-z][a-z0-9_]*")) { // a name, not a text such as the target rule
                        written.add(value);
                    }
                }
            }
        }
        Set<String> registered = new TreeSet<>();
        for (MetricDefinition metric : MetricRegistry.metrics()) {
            if (metric.level() == MetricDefinition.Level.RUN) {
                registered.add(metric.name());
            }
        }
        registered.add(TargetAccuracy.TARGET_REACHED);
        assertThat(written).isEqualTo(registered);
        assertThat(MetricRegistry.find(TargetAccuracy.TARGET_REACHED)).map(MetricDefinition::level)
                .contains(MetricDefinition.Level.CELL);
    }

    @Test
    void theSeriesPrefixesAreTheRegistrys() {
        assertThat(MetricRegistry.SERIES_PREFIXES).containsExactly(RunMetrics.VALIDATION_LOSS_PREFIX,
                RunMetrics.MINIBATCH_LOSS_PREFIX);
        for (String name : OscillationMetrics.of(new double[] {0.1, 0.4, 0.2, 0.5, 0.3},
                org.batchscope.analyzer.metrics.Direction.HIGHER_IS_BETTER).toNamedMap().keySet()) {
            assertThat(MetricRegistry.find(RunMetrics.MINIBATCH_LOSS_PREFIX + name)).map(MetricDefinition::series)
                    .as(name).contains(true);
        }
    }
}
