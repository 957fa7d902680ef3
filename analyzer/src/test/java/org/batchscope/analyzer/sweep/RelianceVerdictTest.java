package org.batchscope.analyzer.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchscope.analyzer.data.LoadedDataset;
import org.batchscope.analyzer.data.ShortcutSets;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.sharpness.Sharpness;
import org.batchscope.common.files.RunFile;
import org.junit.jupiter.api.Test;

/**
 * The reliance lines on cells whose behaviour is known: the metric values are those that
 * {@link ShortcutRelianceTest} measures for a rule reading only the background and one reading only the
 * eyes (rho = 1 in training, 0 in test), with bg_gap and bg_only_accuracy as the background-only rule
 * scored them when only background sensitivity was measured (0.01 and 0.51, chance 0.5).
 */
class RelianceVerdictTest {

    private static final Map<String, Double> BACKGROUND_RULE = Map.of(ShortcutReliance.ALIGNED_ACCURACY, 1.0,
            ShortcutReliance.CONFLICTING_ACCURACY, 0.0, ShortcutReliance.SHORTCUT_GAP, 1.0,
            ShortcutReliance.WORST_GROUP_ACCURACY, 0.0, ShortcutReliance.SHORTCUT_AGREEMENT, 1.0,
            ShortcutReliance.BG_GAP, 0.01, ShortcutReliance.BG_ONLY_ACCURACY, 0.51,
            ShortcutReliance.FEATURE_RELIANCE, 0.0);
    private static final Map<String, Double> EYE_RULE = Map.of(ShortcutReliance.ALIGNED_ACCURACY, 1.0,
            ShortcutReliance.CONFLICTING_ACCURACY, 1.0, ShortcutReliance.SHORTCUT_GAP, 0.0,
            ShortcutReliance.WORST_GROUP_ACCURACY, 1.0, ShortcutReliance.SHORTCUT_AGREEMENT, 0.52,
            ShortcutReliance.BG_GAP, 0.0, ShortcutReliance.BG_ONLY_ACCURACY, 0.5,
            ShortcutReliance.FEATURE_RELIANCE, 1.0);

    @Test
    void aBackgroundOnlyRuleTakesTheShortcut() {
        List<String> lines = new ArrayList<>();
        assertThat(RelianceVerdict.addLines(cells(BACKGROUND_RULE), images(1.0, true), lines)).isTrue();
        assertThat(lines.get(0)).startsWith("  shortcut (training rho 1.00,").contains("accuracy 1.00 on test images"
                + " whose background is their own class's family, 0.00 on those with another class's family (gap 1.00,"
                + " worst group 0.00)").contains("in 1.00 of cases (0.500 = no shortcut").endsWith(": the model takes the shortcut.");
        assertThat(lines.get(1)).isEqualTo("  background sensitivity: bg_gap 0.0100, bg_only_accuracy 0.510 (chance"
                + " 0.500), feature_reliance 0.00.");
    }

    @Test
    void anEyeOnlyRuleDoesNotTakeTheShortcut() {
        List<String> lines = new ArrayList<>();
        assertThat(RelianceVerdict.addLines(cells(EYE_RULE), images(1.0, true), lines)).isFalse();
        assertThat(lines.get(0)).contains("(gap 0.00, worst group 1.00)").endsWith(": the model does not take the shortcut.");
    }

    @Test
    void withRhoZeroThereWasNoShortcutToLearn() {
        Map<String, Double> sensitivity = Map.of(ShortcutReliance.BG_GAP, 0.01, ShortcutReliance.BG_ONLY_ACCURACY, 0.51,
                ShortcutReliance.FEATURE_RELIANCE, 1.0);
        List<String> lines = new ArrayList<>();
        assertThat(RelianceVerdict.addLines(cells(sensitivity), images(0.0, false), lines)).isFalse();
        assertThat(lines).containsExactly("  background: training rho 0, the background carries no class, so there"
                + " was no shortcut to learn; sensitivity: bg_gap 0.0100, bg_only_accuracy 0.510 (chance 0.500),"
                + " feature_reliance 1.00.");
    }

    private static List<CellSummary> cells(Map<String, Double> metrics) {
        List<RunFile<RunSpec, Sharpness>> runs = new ArrayList<>();
        for (int seed = 0; seed < 2; seed++) {
            runs.add(StoredRuns.completed(metrics, 1, Double.NaN, 1.5, Double.NaN, Double.NaN, 0, 1, 0));
        }
        return List.of(new CellSummary(0, 3.0, 0.05, 0.05, 8, "8", runs));
    }

    private static LoadedDataset images(double rho, boolean groups) {
        TensorData two = new TensorData(new float[2], new int[] {0, 1}, new int[] {1}, 2);
        ShortcutSets shortcut = groups ? new ShortcutSets(rho, two, new int[] {0, 1}, two, new int[] {0, 1})
                : ShortcutSets.none(rho);
        return new LoadedDataset(LoadedDataset.IMAGES, "dogs", "ab".repeat(32), List.of("amber", "blue"), two, two,
                two, Map.of(), List.of(), 3.0, 3.0, shortcut);
    }

    /** A table: a rule reading only the shortcut block (ShortcutRelianceTest) loses nothing when the noise columns are permuted. */
    @Test
    void aTableShortcutIsNotHiddenBySmallPermutationDrops() {
        Map<String, Double> blockRule = Map.of(ShortcutReliance.ALIGNED_ACCURACY, 1.0,
                ShortcutReliance.CONFLICTING_ACCURACY, 0.0, ShortcutReliance.SHORTCUT_GAP, 1.0,
                ShortcutReliance.WORST_GROUP_ACCURACY, 0.0, ShortcutReliance.SHORTCUT_AGREEMENT, 1.0,
                ShortcutReliance.INFORMATIVE_PERMUTATION_DROP, 0.0, ShortcutReliance.NOISE_PERMUTATION_DROP, 0.0);
        TensorData two = new TensorData(new float[2], new int[] {0, 1}, new int[] {1}, 2);
        LoadedDataset table = new LoadedDataset(LoadedDataset.TABULAR, "table", "ab".repeat(32), List.of("0", "1"), two,
                two, two, Map.of(), List.of("informative"), 3.0, 3.0,
                new ShortcutSets(0.9, two, new int[] {0, 1}, two, new int[] {0, 1}));
        List<String> lines = new ArrayList<>();
        assertThat(RelianceVerdict.addLines(cells(blockRule), table, lines)).isTrue();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("  shortcut (training rho 0.900, the shortcut block carries the label)")
                .endsWith(": the model takes the shortcut.");
        assertThat(lines.get(1)).doesNotContain("uses the informative columns").contains("cannot show the shortcut");
    }
}
