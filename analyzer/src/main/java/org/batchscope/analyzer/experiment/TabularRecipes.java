package org.batchscope.analyzer.experiment;

import java.util.HashMap;
import java.util.Map;

/** The generated tables the tabular experiments train on: the generator's defaults at a given r and size. */
final class TabularRecipes {

    private TabularRecipes() {
    }

    /**
     * @param name  the folder name
     * @param ratio r
     * @param train training rows (validation and test get a quarter each, at least 64)
     */
    static DatasetRecipe table(String name, double ratio, int train) {
        return table(name, ratio, train, Map.of());
    }

    /**
     * @param more further spec fields (for example {@code flip_y}, the share of training labels flipped)
     * @see #table(String, double, int)
     */
    static DatasetRecipe table(String name, double ratio, int train, Map<String, Object> more) {
        int held = Math.max(64, train / 4);
        Map<String, Object> fields = new HashMap<>(Map.of("ratio", ratio, "train", train, "val", held,
                "test", held, "seed", 1));
        fields.putAll(more);
        return new DatasetRecipe(name, "tabular", fields);
    }
}
