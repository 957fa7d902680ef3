package org.batchscope.analyzer.sweep;

import java.util.List;
import java.util.Locale;
import org.batchscope.analyzer.data.LoadedDataset;
import org.batchscope.analyzer.data.ShortcutSets;

/**
 * The verdict's lines on shortcut reliance ({@link ShortcutReliance}), from the cells' means over seeds,
 * averaged over the dataset's cells. Which lines depends on what the training data offered:
 * <ul>
 *   <li>training rho &gt; 0 with groups: the group accuracies and the shortcut agreement; the model
 *       "takes the shortcut" when {@code shortcut_gap} or {@code shortcut_agreement - 1/k} exceeds
 *       {@value Verdict#RELIANCE_MARGIN};</li>
 *   <li>training rho = 0: there was no shortcut to learn; images show their background sensitivity
 *       ({@code bg_gap} above the margin = the predictions change with the background);</li>
 *   <li>otherwise (rho unknown): background sensitivity as such, {@code bg_gap} or
 *       {@code bg_only_accuracy - chance} above the margin.</li>
 * </ul>
 * Tables add the column-permutation line: the model leans on the noise columns when permuting them
 * costs more than half of what permuting the informative columns costs. With shortcut groups, a small
 * noise drop is not read as "uses the informative columns": on a test split whose shortcut block
 * carries no label, a model that follows the block loses nothing when the block is permuted.
 */
final class RelianceVerdict {

    private RelianceVerdict() {
    }

    /**
     * Adds the reliance lines of one dataset to {@code lines}.
     *
     * @return whether the model leans on the background or the nuisance columns (for the advice)
     */
    static boolean addLines(List<CellSummary> cells, LoadedDataset data, List<String> lines) {
        ShortcutSets shortcut = data.shortcut();
        boolean images = data.kind().equals(LoadedDataset.IMAGES);
        boolean high = false;
        double aligned = meanOver(cells, ShortcutReliance.ALIGNED_ACCURACY);
        if (shortcut != null && shortcut.trainRho() > 0 && Double.isFinite(aligned)) {
            double gap = meanOver(cells, ShortcutReliance.SHORTCUT_GAP);
            double agreement = meanOver(cells, ShortcutReliance.SHORTCUT_AGREEMENT);
            double none = 1.0 / data.classes();
            high = gap > Verdict.RELIANCE_MARGIN || agreement - none > Verdict.RELIANCE_MARGIN;
            lines.add("  shortcut (training rho " + num(shortcut.trainRho()) + (images
                    ? ", each class tied to a background family): accuracy " + num(aligned)
                            + " on test images whose background is their own class's family, "
                    : ", the shortcut block carries the label): accuracy " + num(aligned)
                            + " with each test row's shortcut block from a training row of its own class, ")
                    + num(meanOver(cells, ShortcutReliance.CONFLICTING_ACCURACY)) + (images
                    ? " on those with another class's family" : " from another class")
                    + " (gap " + num(gap) + ", worst group " + num(meanOver(cells, ShortcutReliance.WORST_GROUP_ACCURACY))
                    + "); " + (images ? "on backgrounds alone" : "with the informative columns permuted")
                    + " the prediction names the shortcut's class in " + num(agreement) + " of cases (" + num(none)
                    + " = no shortcut, 1 = the shortcut alone decides)" + (high
                    ? ": the model takes the shortcut." : ": the model does not take the shortcut."));
        }
        double gap = meanOver(cells, ShortcutReliance.BG_GAP);
        double bgOnly = meanOver(cells, ShortcutReliance.BG_ONLY_ACCURACY);
        double feature = meanOver(cells, ShortcutReliance.FEATURE_RELIANCE);
        if (Double.isFinite(gap) || Double.isFinite(bgOnly)) {
            String numbers = "bg_gap " + num(gap) + ", bg_only_accuracy " + num(bgOnly) + " (chance "
                    + num(data.chance()) + "), feature_reliance " + num(feature);
            if (shortcut != null && shortcut.trainRho() == 0) {
                boolean sensitive = gap > Verdict.RELIANCE_MARGIN;
                lines.add("  background: training rho 0, the background carries no class, so there was no shortcut"
                        + " to learn; sensitivity: " + numbers + (sensitive
                        ? ": the predictions change with the background." : "."));
                high |= sensitive;
            } else if (shortcut == null || shortcut.grouped() == null) {
                boolean sensitive = gap > Verdict.RELIANCE_MARGIN || bgOnly - data.chance() > Verdict.RELIANCE_MARGIN;
                lines.add("  background: " + numbers + (sensitive
                        ? ": the model leans on the background." : ": little reliance on the background."));
                high |= sensitive;
            } else {
                lines.add("  background sensitivity: " + numbers + ".");
            }
        }
        double informative = meanOver(cells, ShortcutReliance.INFORMATIVE_PERMUTATION_DROP);
        double noise = meanOver(cells, ShortcutReliance.NOISE_PERMUTATION_DROP);
        if (Double.isFinite(informative) && Double.isFinite(noise)) {
            boolean leans = noise > informative / 2;
            boolean grouped = shortcut != null && shortcut.grouped() != null;
            lines.add("  columns: accuracy drops " + num(informative) + " with the informative columns permuted, "
                    + num(noise) + " with the noise columns permuted"
                    + (shortcut != null && shortcut.trainRho() == 0 ? " (training rho 0: no shortcut to learn)" : "")
                    + (grouped && !leans ? " (on the test split, whose shortcut block carries the label only with"
                            + " rho_eval, these drops cannot show the shortcut; the line above does)."
                    : leans ? ": the model leans on the noise columns." : ": the model uses the informative columns."));
            high |= leans;
        }
        return high;
    }

    private static double meanOver(List<CellSummary> cells, String metric) {
        return cells.stream().mapToDouble(c -> c.mean(metric)).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : "n/a";
    }
}
