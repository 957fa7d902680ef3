package org.batchscope.analyzer.data;

import org.batchscope.analyzer.engine.TensorData;

/**
 * What a generated dataset says about its shortcut, and the evaluation sets that show whether a model
 * took it. The shortcut of an image dataset is the background family: with probability rho a training
 * image's background is the family tied to its class. That of a table is its shortcut block, whose
 * values carry the label with strength rho in training.
 *
 * <p>Every sample of the two sets has a shortcut class: the class its shortcut points to (the class
 * whose family its background is, or the class of the training row its shortcut block came from), or
 * -1 when it points to none (a background family tied to no class).
 *
 * @param trainRho                 rho of the training split; 0 means there was no shortcut to learn
 * @param grouped                  samples with the feature and a shortcut (images: the test split;
 *                                 tables: each test row twice, with its shortcut block from a training
 *                                 row of its own class and from one of another class), or null when
 *                                 {@code trainRho} is 0
 * @param groupedShortcutClass     the shortcut class of each sample of {@code grouped}
 * @param featureless              samples without the feature (images: {@code test-only-background};
 *                                 tables: the same-class rows of {@code grouped} with the informative
 *                                 columns permuted across rows), or null
 * @param featurelessShortcutClass the shortcut class of each sample of {@code featureless}
 */
public record ShortcutSets(double trainRho, TensorData grouped, int[] groupedShortcutClass,
        TensorData featureless, int[] featurelessShortcutClass) {

    public ShortcutSets {
        if ((grouped == null) != (groupedShortcutClass == null)
                || grouped != null && grouped.count() != groupedShortcutClass.length
                || (featureless == null) != (featurelessShortcutClass == null)
                || featureless != null && featureless.count() != featurelessShortcutClass.length) {
            throw new IllegalArgumentException("one shortcut class per sample of each set");
        }
    }

    /** @return the shortcut information of a dataset generated with {@code trainRho} = 0: no sets */
    public static ShortcutSets none(double trainRho) {
        return new ShortcutSets(trainRho, null, null, null, null);
    }
}
