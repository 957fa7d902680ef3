package org.batchscope.analyzer.experiment;

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
        int held = Math.max(64, train / 4);
        return new DatasetRecipe(name, "tabular", Map.of("ratio", ratio, "train", train, "val", held, "test", held,
                "seed", 1));
    }
}
