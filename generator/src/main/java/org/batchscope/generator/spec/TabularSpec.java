package org.batchscope.generator.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchscope.common.BadInputException;
import org.batchscope.common.Json;
import org.batchscope.generator.tabular.NoiseBlockSpec;
import org.batchscope.generator.tabular.Split;

/**
 * What {@code batchscope generate tabular} makes ({@code kind: tabular}): a fully resolved, validated
 * table spec; read spec files with {@link DatasetSpec#read}, which checks {@code kind}. Field names in
 * YAML/JSON follow scikit-learn's {@code make_classification} where one exists; every field is optional
 * and a missing one takes the default shown. The compact constructor fills defaults and throws a
 * {@link BadInputException} naming the field and its allowed range.
 *
 * <ul>
 *   <li>{@code seed} (0): master seed of every random stream.</li>
 *   <li>{@code train} (1000), {@code val} (200), {@code test} (200): rows per split.</li>
 *   <li>{@code n_classes} (2), {@code n_clusters_per_class} (2), {@code n_informative} (4),
 *       {@code n_redundant} (2), {@code n_repeated} (0), {@code class_sep} (1.0), {@code weights}
 *       (absent = balanced; n_classes proportions, normalised to sum 1, or n_classes - 1 summing below 1
 *       with the last class taking the rest, as in scikit-learn):
 *       the informative part, as in make_classification.</li>
 *   <li>{@code flip_y} (0): the fraction of each split's labels changed to another class, exactly
 *       (see {@link org.batchscope.generator.tabular.LabelFlips}; unlike scikit-learn, which re-draws that fraction at random).</li>
 *   <li>{@code ratio} (3): the requested r = total variance of the structured-noise columns / total
 *       variance of the informative columns.</li>
 *   <li>{@code noise_blocks} (factor 8x2, periodic 4, cluster 4x3, drift 2, categorical 4): the
 *       structured-noise blocks ({@link NoiseBlockSpec}).</li>
 *   <li>{@code rho} (0), {@code rho_eval} (0), {@code shortcut_block} (0): the shortcut; block
 *       {@code shortcut_block} carries the label with strength rho in train and rho_eval in val and
 *       test (see {@link org.batchscope.generator.tabular.TabularModel}).</li>
 *   <li>{@code n_noise} (2), {@code noise_std} (1.0): unstructured iid Gaussian columns.</li>
 *   <li>{@code rotate} (false): apply a random orthogonal rotation to whole rows.</li>
 *   <li>{@code anonymous} (false): name the columns x0, x1, ... in a random order.</li>
 *   <li>{@code formats} ([csv, npy]): which files to write.</li>
 * </ul>
 */
public record TabularSpec(
        @JsonProperty("seed") Long seed,
        @JsonProperty("train") Long train,
        @JsonProperty("val") Long val,
        @JsonProperty("test") Long test,
        @JsonProperty("n_classes") Integer nClasses,
        @JsonProperty("n_clusters_per_class") Integer nClustersPerClass,
        @JsonProperty("n_informative") Integer nInformative,
        @JsonProperty("n_redundant") Integer nRedundant,
        @JsonProperty("n_repeated") Integer nRepeated,
        @JsonProperty("class_sep") Double classSep,
        @JsonProperty("weights") List<Double> weights,
        @JsonProperty("flip_y") Double flipY,
        @JsonProperty("ratio") Double ratio,
        @JsonProperty("noise_blocks") List<NoiseBlockSpec> noiseBlocks,
        @JsonProperty("rho") Double rho,
        @JsonProperty("rho_eval") Double rhoEval,
        @JsonProperty("shortcut_block") Integer shortcutBlock,
        @JsonProperty("n_noise") Integer nNoise,
        @JsonProperty("noise_std") Double noiseStd,
        @JsonProperty("rotate") Boolean rotate,
        @JsonProperty("anonymous") Boolean anonymous,
        @JsonProperty("formats") List<String> formats) implements DatasetSpec {

    /** The most rows one split may have. */
    public static final long MAX_ROWS = 2_000_000_000L;
    /** The most columns a rotated table may have (the rotation is a dense d x d matrix). */
    public static final int MAX_ROTATED_COLUMNS = 1000;
    /** The file formats a table can be written in. */
    public static final Set<String> FORMATS = Set.of("csv", "npy");

    public TabularSpec {
        seed = orDefault(seed, 0L);
        train = orDefault(train, 1000L);
        val = orDefault(val, 200L);
        test = orDefault(test, 200L);
        nClasses = orDefault(nClasses, 2);
        nClustersPerClass = orDefault(nClustersPerClass, 2);
        nInformative = orDefault(nInformative, 4);
        nRedundant = orDefault(nRedundant, 2);
        nRepeated = orDefault(nRepeated, 0);
        classSep = orDefault(classSep, 1.0);
        flipY = orDefault(flipY, 0.0);
        ratio = orDefault(ratio, 3.0);
        noiseBlocks = List.copyOf(orDefault(noiseBlocks, defaultBlocks()));
        rho = orDefault(rho, 0.0);
        rhoEval = orDefault(rhoEval, 0.0);
        shortcutBlock = orDefault(shortcutBlock, 0);
        nNoise = orDefault(nNoise, 2);
        noiseStd = orDefault(noiseStd, 1.0);
        rotate = orDefault(rotate, false);
        anonymous = orDefault(anonymous, false);
        formats = List.copyOf(orDefault(formats, List.of("csv", "npy")));

        requireRows("train", train, 1);
        requireRows("val", val, 0);
        requireRows("test", test, 0);
        BadInputException.require(nClasses >= 2 && nClasses <= 100, "n_classes", "an integer in [2, 100]", nClasses);
        BadInputException.require(nInformative >= 1 && nInformative <= 60, "n_informative",
                "an integer in [1, 60]", nInformative);
        BadInputException.require(nClustersPerClass >= 1 && nClustersPerClass <= 100, "n_clusters_per_class",
                "an integer in [1, 100]", nClustersPerClass);
        BadInputException.require((long) nClasses * nClustersPerClass <= (1L << nInformative),
                "n_classes * n_clusters_per_class", "at most 2^n_informative = " + (1L << nInformative)
                        + " (one hypercube vertex per cluster)", (long) nClasses * nClustersPerClass);
        BadInputException.require(nRedundant >= 0 && nRedundant <= 10_000, "n_redundant",
                "an integer in [0, 10000]", nRedundant);
        BadInputException.require(nRepeated >= 0 && nRepeated <= 10_000, "n_repeated",
                "an integer in [0, 10000]", nRepeated);
        BadInputException.require(classSep >= 0 && classSep <= 1e6, "class_sep", "a number in [0, 1000000]", classSep);
        if (weights != null) {
            classWeights(weights, nClasses);
            weights = List.copyOf(weights);
        }
        BadInputException.require(flipY >= 0 && flipY <= 1, "flip_y", "a fraction in [0, 1]", flipY);
        BadInputException.require(ratio >= 0 && ratio <= 10_000, "ratio", "a number in [0, 10000]", ratio);
        BadInputException.require(ratio == 0 || !noiseBlocks.isEmpty(), "ratio",
                "0 when noise_blocks is empty", ratio);
        BadInputException.require(rho >= 0 && rho <= 1, "rho", "a number in [0, 1]", rho);
        BadInputException.require(rhoEval >= 0 && rhoEval <= 1, "rho_eval", "a number in [0, 1]", rhoEval);
        BadInputException.require(noiseBlocks.isEmpty() ? shortcutBlock == 0 || rho + rhoEval == 0 && shortcutBlock >= 0
                        && shortcutBlock < Math.max(1, noiseBlocks.size())
                        : shortcutBlock >= 0 && shortcutBlock < noiseBlocks.size(),
                "shortcut_block", "an index into noise_blocks in [0, " + (noiseBlocks.size() - 1) + "]",
                shortcutBlock);
        BadInputException.require(nNoise >= 0 && nNoise <= 10_000, "n_noise", "an integer in [0, 10000]", nNoise);
        BadInputException.require(noiseStd >= 0 && noiseStd <= 1e6, "noise_std", "a number in [0, 1000000]",
                noiseStd);
        BadInputException.require(!formats.isEmpty() && FORMATS.containsAll(formats)
                && Set.copyOf(formats).size() == formats.size(), "formats",
                "a non-empty list of distinct values from [csv, npy]", formats);
        int columns = totalColumns(nInformative, nRedundant, nRepeated, noiseBlocks, nNoise);
        BadInputException.require(!rotate || columns <= MAX_ROTATED_COLUMNS, "rotate",
                "false for tables of more than " + MAX_ROTATED_COLUMNS + " columns", columns + " columns");
    }

    /** @return a spec with every field at its default */
    public static TabularSpec defaults() {
        return new TabularSpec(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
    }

    /**
     * Returns this spec with some fields replaced, as CLI options override a spec file.
     *
     * @param overrides spec field name (as written in spec files, for example {@code class_sep}) -> value;
     *                  null values are ignored
     * @throws BadInputException naming the field when a value is not allowed
     */
    public TabularSpec with(Map<String, ?> overrides) {
        ObjectNode node = Json.mapper().valueToTree(this);
        overrides.forEach((key, value) -> {
            if (value != null) {
                node.set(key, Json.mapper().valueToTree(value));
            }
        });
        try {
            return Json.mapper().treeToValue(node, TabularSpec.class);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof BadInputException bad) {
                throw bad;
            }
            throw new BadInputException(e.getOriginalMessage(), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot rebuild the spec", e);
        }
    }

    @Override
    public Kind kind() {
        return Kind.TABULAR;
    }

    @Override
    public double requestedRatio() {
        return ratio;
    }

    /** @return the number of columns of the table, label excluded */
    public int columns() {
        return totalColumns(nInformative, nRedundant, nRepeated, noiseBlocks, nNoise);
    }

    @Override
    public long trainCount() {
        return train;
    }

    @Override
    public long valCount() {
        return val;
    }

    /** @return the rows of split {@code split} */
    public long rows(Split split) {
        return switch (split) {
            case TRAIN -> train;
            case VAL -> val;
            case TEST -> test;
        };
    }

    /** @return the shortcut strength in split {@code split}: rho in train, rho_eval elsewhere */
    public double rho(Split split) {
        return split == Split.TRAIN ? rho : rhoEval;
    }

    private static int totalColumns(int informative, int redundant, int repeated, List<NoiseBlockSpec> blocks,
            int noise) {
        long total = (long) informative + redundant + repeated + noise;
        for (NoiseBlockSpec block : blocks) {
            total += block.columns();
        }
        BadInputException.require(total <= 100_000, "columns (n_informative + n_redundant + n_repeated"
                + " + noise block columns + n_noise)", "at most 100000", total);
        return (int) total;
    }

    /** @return the class proportions, n_classes of them summing to 1 */
    public List<Double> classWeights() {
        return classWeights(weights, nClasses);
    }

    private static List<Double> classWeights(List<Double> weights, int classes) {
        if (weights == null) {
            return Collections.nCopies(classes, 1.0 / classes);
        }
        BadInputException.require(weights.size() == classes || weights.size() == classes - 1, "weights",
                "a list of n_classes (" + classes + ") or n_classes - 1 class proportions", weights);
        double sum = 0;
        for (Double w : weights) {
            BadInputException.require(w != null && w > 0 && w <= 1, "weights", "proportions in (0, 1]", weights);
            sum += w;
        }
        List<Double> full = new ArrayList<>(weights);
        if (weights.size() == classes - 1) {
            BadInputException.require(sum < 1, "weights", "n_classes - 1 proportions summing below 1", weights);
            full.add(1 - sum);
            sum = 1;
        }
        List<Double> normalised = new ArrayList<>(classes);
        for (double w : full) {
            normalised.add(w / sum);
        }
        return List.copyOf(normalised);
    }

    private static List<NoiseBlockSpec> defaultBlocks() {
        return List.of(new NoiseBlockSpec.Factor(null, null, null), new NoiseBlockSpec.Periodic(null, null),
                new NoiseBlockSpec.Cluster(null, null, null), new NoiseBlockSpec.Drift(null, null, null),
                new NoiseBlockSpec.Categorical(null, null));
    }

    private static void requireRows(String field, long rows, long min) {
        BadInputException.require(rows >= min && rows <= MAX_ROWS, field,
                "a number of rows in [" + min + ", " + MAX_ROWS + "]", rows);
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
