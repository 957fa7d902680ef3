package org.batchscope.analyzer.experiment;

import java.util.Map;
import org.batchscope.generator.spec.DatasetSpec;

/**
 * A dataset an experiment generates: the generator's defaults of {@code kind} with {@code fields}
 * replaced. Arms that name the same recipe share one generated folder, {@code <out>/datasets/<name>}.
 *
 * @param name   the folder name, unique within the experiment
 * @param kind   {@code images} or {@code tabular}
 * @param fields spec fields that differ from the defaults (must include {@code ratio})
 */
public record DatasetRecipe(String name, String kind, Map<String, Object> fields) {

    public DatasetRecipe {
        fields = Map.copyOf(fields);
    }

    /** @return the spec to generate: the defaults of {@link #kind} with {@link #fields} replaced */
    public DatasetSpec spec() {
        DatasetSpec.Kind specKind = DatasetSpec.Kind.bySpecName(kind);
        if (specKind == null) {
            throw new IllegalStateException("recipe " + name + " has kind " + kind + "; must be images or tabular");
        }
        return specKind.defaults().with(fields);
    }

    /** @return the requested noise-to-feature ratio r */
    public double ratio() {
        return ((Number) fields.get("ratio")).doubleValue();
    }
}
