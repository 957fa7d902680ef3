package org.batchscope.analyzer.sweep;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.batchscope.analyzer.data.LoadedDataset;
import org.batchscope.analyzer.engine.BatchPlan;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainedModel;

/**
 * How much a trained model relies on the background rather than the feature, measured on a
 * generated dataset's extra evaluation sets. Accuracies are fractions; "test" is the test split (the
 * validation split when there is none).
 * <ul>
 *   <li>Images with counterfactual splits (class folders hold the class the eyes show):
 *       {@code feature_reliance} = accuracy on {@code test-swap-feature}, the share of images whose
 *       prediction follows the swapped eye colour; {@code bg_only_accuracy} = accuracy on
 *       {@code test-only-background} against the class of the sample the background came from (chance
 *       means the background alone carries no class); {@code bg_gap} = accuracy(test) -
 *       accuracy({@code test-swap-background}).</li>
 *   <li>Tables with column roles: {@code informative_permutation_drop} = accuracy(test) - accuracy(test
 *       with the informative columns' rows permuted), and {@code noise_permutation_drop} the same for the
 *       structured and iid noise columns. Informative columns are those with role {@code informative},
 *       {@code redundant} or {@code repeated}; noise columns those whose role starts with {@code noise}.
 *       A group's columns are permuted together by one permutation of the rows drawn from
 *       {@code BatchPlan.epochOrder(PERMUTATION_SEED, 0, n)} (a fixed seed), which breaks their link to the label and keeps
 *       their joint distribution. A large informative drop and a small noise drop mean the model uses the
 *       feature.</li>
 * </ul>
 */
public final class ShortcutReliance {

    public static final String FEATURE_RELIANCE = "feature_reliance";
    public static final String BG_ONLY_ACCURACY = "bg_only_accuracy";
    public static final String BG_GAP = "bg_gap";
    public static final String INFORMATIVE_PERMUTATION_DROP = "informative_permutation_drop";
    public static final String NOISE_PERMUTATION_DROP = "noise_permutation_drop";

    static final String SWAP_FEATURE = "test-swap-feature";
    static final String SWAP_BACKGROUND = "test-swap-background";
    static final String ONLY_BACKGROUND = "test-only-background";
    private static final long PERMUTATION_SEED = 0x5045524dL;

    private ShortcutReliance() {
    }

    /** @return the measures that {@code data} allows, by name (empty for a user's dataset) */
    public static Map<String, Double> measure(TrainedModel model, LoadedDataset data) {
        Map<String, Double> out = new TreeMap<>();
        TensorData test = data.evaluationSet();
        Map<String, TensorData> extra = data.extraSets();
        if (extra.containsKey(SWAP_FEATURE)) {
            out.put(FEATURE_RELIANCE, model.accuracy(extra.get(SWAP_FEATURE)));
        }
        if (extra.containsKey(ONLY_BACKGROUND)) {
            out.put(BG_ONLY_ACCURACY, model.accuracy(extra.get(ONLY_BACKGROUND)));
        }
        if (extra.containsKey(SWAP_BACKGROUND)) {
            out.put(BG_GAP, model.accuracy(test) - model.accuracy(extra.get(SWAP_BACKGROUND)));
        }
        if (!data.columnRoles().isEmpty()) {
            double accuracy = model.accuracy(test);
            putDrop(out, INFORMATIVE_PERMUTATION_DROP, model, test, accuracy, data,
                    role -> role.equals("informative") || role.equals("redundant") || role.equals("repeated"));
            putDrop(out, NOISE_PERMUTATION_DROP, model, test, accuracy, data, role -> role.startsWith("noise"));
        }
        return out;
    }

    private static void putDrop(Map<String, Double> out, String name, TrainedModel model, TensorData test,
            double accuracy, LoadedDataset data, Predicate<String> inGroup) {
        boolean[] columns = new boolean[data.columnRoles().size()];
        boolean any = false;
        for (int c = 0; c < columns.length; c++) {
            columns[c] = inGroup.test(data.columnRoles().get(c));
            any |= columns[c];
        }
        if (any) {
            out.put(name, accuracy - model.accuracy(permuteColumns(test, columns)));
        }
    }

    /** @return {@code data} with the marked columns' values taken from rows in a seeded permuted order */
    static TensorData permuteColumns(TensorData data, boolean[] columns) {
        int n = data.count();
        int d = data.sampleSize();
        int[] order = BatchPlan.epochOrder(PERMUTATION_SEED, 0, n);
        float[] x = data.features().clone();
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                if (columns[c]) {
                    x[i * d + c] = data.features()[order[i] * d + c];
                }
            }
        }
        return new TensorData(x, data.labels(), data.sampleShape(), data.classes());
    }
}
