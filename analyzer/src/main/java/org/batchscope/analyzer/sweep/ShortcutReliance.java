package org.batchscope.analyzer.sweep;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.batchscope.analyzer.data.ColumnPermutation;
import org.batchscope.analyzer.data.LoadedDataset;
import org.batchscope.analyzer.data.ShortcutSets;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainedModel;

/**
 * How much a trained model relies on a shortcut rather than the feature, measured on a generated
 * dataset's extra evaluation sets. Accuracies are fractions; "test" is the test split (the validation
 * split when there is none).
 *
 * <p><b>Shortcut groups</b> (when the training split tied the shortcut to the class, rho &gt; 0;
 * {@link ShortcutSets}), as in the spurious-correlation literature (Sagawa et al. 2020, "Distributionally
 * robust neural networks", Waterbirds; Xiao et al. 2021, "Noise or signal: the role of image backgrounds
 * in object recognition", the Backgrounds Challenge). Each grouped sample has a class y and a shortcut
 * class a (images: the class its background family is tied to in training; tables: the class of the
 * training row its shortcut block came from):
 * <ul>
 *   <li>{@code aligned_accuracy}: accuracy over the samples with a = y;</li>
 *   <li>{@code conflicting_accuracy}: accuracy over the samples with a != y (a family or block tied to
 *       another class);</li>
 *   <li>{@code shortcut_gap} = aligned_accuracy - conflicting_accuracy (0 = the shortcut does not
 *       matter, 1 = the shortcut alone decides);</li>
 *   <li>{@code worst_group_accuracy}: the lowest accuracy over the groups (y, a) that have samples;</li>
 *   <li>{@code shortcut_agreement}: on the featureless samples (images: backgrounds alone, no dog;
 *       tables: the informative columns permuted across rows), the share whose prediction equals the
 *       shortcut class: 1 = the shortcut alone decides, about 1/k (k classes) = no shortcut.</li>
 * </ul>
 * Samples whose background family is tied to no class (more families than classes) are in no group.
 * With rho = 0 the training data carry no shortcut and none of these is measured.
 *
 * <p><b>Background sensitivity</b> (images with counterfactual splits; class folders hold the class the
 * eyes show), measured whatever rho: {@code feature_reliance} = accuracy on {@code test-swap-feature},
 * the share of images whose prediction follows the swapped eye colour; {@code bg_only_accuracy} =
 * accuracy on {@code test-only-background} against the class of the sample the background came from
 * (with the test split's own rho at 0 this is chance even for a model that reads only the background:
 * the background's family no longer predicts the source's class); {@code bg_gap} = accuracy(test) -
 * accuracy({@code test-swap-background}).
 *
 * <p><b>Column permutation</b> (tables with column roles): {@code informative_permutation_drop} =
 * accuracy(test) - accuracy(test with the informative, redundant and repeated columns permuted across
 * rows), and {@code noise_permutation_drop} the same for the columns whose role starts with
 * {@code noise} ({@link ColumnPermutation}, a fixed seed).
 */
public final class ShortcutReliance {

    public static final String FEATURE_RELIANCE = "feature_reliance";
    public static final String BG_ONLY_ACCURACY = "bg_only_accuracy";
    public static final String BG_GAP = "bg_gap";
    public static final String INFORMATIVE_PERMUTATION_DROP = "informative_permutation_drop";
    public static final String NOISE_PERMUTATION_DROP = "noise_permutation_drop";
    public static final String ALIGNED_ACCURACY = "aligned_accuracy";
    public static final String CONFLICTING_ACCURACY = "conflicting_accuracy";
    public static final String SHORTCUT_GAP = "shortcut_gap";
    public static final String WORST_GROUP_ACCURACY = "worst_group_accuracy";
    public static final String SHORTCUT_AGREEMENT = "shortcut_agreement";

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
            putDrop(out, INFORMATIVE_PERMUTATION_DROP, model, test, accuracy, data, ColumnPermutation::isInformative);
            putDrop(out, NOISE_PERMUTATION_DROP, model, test, accuracy, data, role -> role.startsWith("noise"));
        }
        ShortcutSets shortcut = data.shortcut();
        if (shortcut != null && shortcut.grouped() != null) {
            putGroups(out, model.predict(shortcut.grouped()), shortcut.grouped().labels(), shortcut.groupedShortcutClass());
        }
        if (shortcut != null && shortcut.featureless() != null) {
            putAgreement(out, model.predict(shortcut.featureless()), shortcut.featurelessShortcutClass());
        }
        return out;
    }

    /** Puts aligned, conflicting and worst-group accuracy and the gap, for the groups that have samples. */
    static void putGroups(Map<String, Double> out, int[] predicted, int[] labels, int[] shortcutClass) {
        int[] aligned = new int[2];
        int[] conflicting = new int[2];
        Map<Long, int[]> groups = new HashMap<>();
        for (int i = 0; i < predicted.length; i++) {
            if (shortcutClass[i] < 0) {
                continue;
            }
            int right = predicted[i] == labels[i] ? 1 : 0;
            int[] side = shortcutClass[i] == labels[i] ? aligned : conflicting;
            side[0] += right;
            side[1]++;
            int[] group = groups.computeIfAbsent(((long) labels[i] << 32) | shortcutClass[i], g -> new int[2]);
            group[0] += right;
            group[1]++;
        }
        if (aligned[1] > 0) {
            out.put(ALIGNED_ACCURACY, (double) aligned[0] / aligned[1]);
        }
        if (conflicting[1] > 0) {
            out.put(CONFLICTING_ACCURACY, (double) conflicting[0] / conflicting[1]);
        }
        if (aligned[1] > 0 && conflicting[1] > 0) {
            out.put(SHORTCUT_GAP, out.get(ALIGNED_ACCURACY) - out.get(CONFLICTING_ACCURACY));
        }
        groups.values().stream().mapToDouble(g -> (double) g[0] / g[1]).min()
                .ifPresent(worst -> out.put(WORST_GROUP_ACCURACY, worst));
    }

    /** Puts the share of predictions equal to the shortcut class, over the samples that have one. */
    static void putAgreement(Map<String, Double> out, int[] predicted, int[] shortcutClass) {
        int agree = 0;
        int counted = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (shortcutClass[i] >= 0) {
                counted++;
                agree += predicted[i] == shortcutClass[i] ? 1 : 0;
            }
        }
        if (counted > 0) {
            out.put(SHORTCUT_AGREEMENT, (double) agree / counted);
        }
    }

    private static void putDrop(Map<String, Double> out, String name, TrainedModel model, TensorData test,
            double accuracy, LoadedDataset data, Predicate<String> inGroup) {
        boolean[] columns = ColumnPermutation.columns(data.columnRoles(), inGroup);
        boolean any = false;
        for (boolean c : columns) {
            any |= c;
        }
        if (any) {
            out.put(name, accuracy - model.accuracy(ColumnPermutation.permute(test, columns, PERMUTATION_SEED)));
        }
    }
}
