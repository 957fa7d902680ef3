package org.batchscope.analyzer.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batchscope.analyzer.engine.TensorData;

/**
 * A dataset ready for training: its splits as {@link TensorData}, what it is and where it came from.
 *
 * @param kind          {@link #IMAGES} or {@link #TABULAR}
 * @param source        the path (or URI) the user gave, for messages and reports
 * @param contentSha256 the dataset's identity: a generated dataset's manifest {@code content_sha256},
 *                      otherwise the SHA-256 over the {@code "<sha256>  <path>"} lines of its input files
 * @param classNames    class names in label-index order
 * @param train         the training split
 * @param validation    the validation split (carved from the training data when the source has none)
 * @param test          the test split, or null when the source has none
 * @param extraSets     further evaluation sets by split name, for example the counterfactual image
 *                      splits {@code test-swap-feature}; empty when there are none
 * @param columnRoles   the role of each feature column (tabular data from the generator, for example
 *                      {@code informative} or {@code noise:iid}); empty when unknown
 * @param ratio         the requested noise-to-feature ratio r of a generated dataset, or null
 * @param achievedRatio the mean achieved ratio recorded in a generated dataset's manifest, or null
 * @param shortcut      a generated dataset's training rho and, when it is above 0, the sets that show
 *                      whether a model took the shortcut; null when the source does not say
 */
public record LoadedDataset(String kind, String source, String contentSha256, List<String> classNames,
        TensorData train, TensorData validation, TensorData test, Map<String, TensorData> extraSets,
        List<String> columnRoles, Double ratio, Double achievedRatio, ShortcutSets shortcut) {

    /** Kind of an image dataset (samples are CHW images). */
    public static final String IMAGES = "images";
    /** Kind of a table (samples are feature vectors). */
    public static final String TABULAR = "tabular";

    public LoadedDataset {
        classNames = List.copyOf(classNames);
        extraSets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extraSets));
        columnRoles = List.copyOf(columnRoles);
    }

    /** A dataset without shortcut information (a user's data, or a generator that records none). */
    public LoadedDataset(String kind, String source, String contentSha256, List<String> classNames,
            TensorData train, TensorData validation, TensorData test, Map<String, TensorData> extraSets,
            List<String> columnRoles, Double ratio, Double achievedRatio) {
        this(kind, source, contentSha256, classNames, train, validation, test, extraSets, columnRoles, ratio,
                achievedRatio, null);
    }

    /** @return this dataset with {@code source} as its source (a local copy of a dataset read from a URI) */
    public LoadedDataset withSource(String source) {
        return new LoadedDataset(kind, source, contentSha256, classNames, train, validation, test, extraSets,
                columnRoles, ratio, achievedRatio, shortcut);
    }

    /** @return the number of classes */
    public int classes() {
        return classNames.size();
    }

    /** @return the test split, or the validation split when there is no test split */
    public TensorData evaluationSet() {
        return test != null ? test : validation;
    }

    /**
     * Chance accuracy: the share of the most frequent class in the training labels, the accuracy of
     * always guessing that class (1 / classes for balanced classes). One number for every split: what a
     * model that learned nothing but the class frequencies would be expected to score on data drawn like
     * the training data.
     */
    public double chance() {
        int[] counts = new int[classes()];
        for (int label : train.labels()) {
            counts[label]++;
        }
        int max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        return (double) max / train.count();
    }
}
