package org.batchscope.reports.sweep;

import java.util.ArrayList;
import java.util.List;
import org.batchscope.analyzer.sweep.ShortcutReliance;
import org.batchscope.reports.charts.RelianceChart;
import org.batchscope.reports.charts.ReliancePanel;
import org.batchscope.reports.results.Numbers;
import org.batchscope.reports.results.ResultCell;
import org.batchscope.reports.results.SweepResults;

/**
 * Chart 5: reliance on the shortcut per cell. When the training data tied a shortcut to the class
 * (rho &gt; 0), first the shortcut groups: aligned, conflicting and worst-group accuracy and the shortcut
 * agreement ({@link ShortcutReliance}). Then background sensitivity (images: feature_reliance,
 * bg_only_accuracy and bg_gap with chance marked) or the column permutation drops (tables).
 */
final class RelianceSection implements ReportSection {

    /** File stem of the shortcut-group chart. */
    static final String GROUPS_NAME = "shortcut-groups";
    private static final List<String> GROUP_METRICS = List.of(ShortcutReliance.ALIGNED_ACCURACY,
            ShortcutReliance.CONFLICTING_ACCURACY, ShortcutReliance.WORST_GROUP_ACCURACY,
            ShortcutReliance.SHORTCUT_AGREEMENT);
    private static final List<String> IMAGE_METRICS = List.of(ShortcutReliance.FEATURE_RELIANCE,
            ShortcutReliance.BG_ONLY_ACCURACY, ShortcutReliance.BG_GAP);
    private static final List<String> TABLE_METRICS = List.of(ShortcutReliance.INFORMATIVE_PERMUTATION_DROP,
            ShortcutReliance.NOISE_PERMUTATION_DROP);

    @Override
    public String title() {
        return "Reliance on the background";
    }

    @Override
    public SectionOutcome build(SweepResults results) {
        boolean images = results.cells().stream().anyMatch(c -> IMAGE_METRICS.stream().anyMatch(c::has));
        List<String> metrics = images ? IMAGE_METRICS : TABLE_METRICS;
        boolean groups = results.cells().stream().anyMatch(c -> c.has(ShortcutReliance.ALIGNED_ACCURACY));
        List<CaptionedFigure> figures = new ArrayList<>();
        double chance = results.datasets().stream().mapToDouble(d -> d.chance()).average().orElse(Double.NaN);
        if (groups) {
            figures.add(new CaptionedFigure(RelianceChart.figure(GROUPS_NAME,
                    "Shortcut groups per cell", panel(results, GROUP_METRICS, chance)), images
                    ? "The training split tied a background family to each class (rho > 0). Per cell, the mean over"
                            + " seeds (whisker: lowest to highest seed) of the test accuracy on images whose"
                            + " background is their own class's family (aligned) and another class's family"
                            + " (conflicting), the lowest accuracy over the (class, background's class) groups, and,"
                            + " on backgrounds alone, the share of predictions naming the class the family is tied to"
                            + " (shortcut_agreement: 1 = the background alone decides, 1/k = no shortcut). A model"
                            + " that uses the eyes has aligned = conflicting; one that takes the shortcut has"
                            + " conflicting far below aligned."
                    : "The training split's shortcut block carried the label (rho > 0). Per cell, the mean over seeds"
                            + " (whisker: lowest to highest seed) of the test accuracy with each row's shortcut"
                            + " block taken from a training row of its own class (aligned) or of another class"
                            + " (conflicting), the lowest accuracy over the (class, block's class) groups, and, with"
                            + " the informative columns permuted, the share of predictions naming the block's class"
                            + " (shortcut_agreement: 1 = the block alone decides, 1/k = no shortcut)."));
        }
        List<ResultCell> cells = results.cells().stream().filter(c -> metrics.stream().anyMatch(c::has)).toList();
        if (cells.isEmpty() && figures.isEmpty()) {
            return SectionOutcome.skipped("No background reliance: the datasets have no counterfactual test sets"
                    + " (generated images) and no column roles (generated tables).");
        }
        if (!cells.isEmpty()) {
            String noShortcut = groups ? "" : " No group accuracies: the training split tied no shortcut to the"
                    + " class (rho = 0), so there was none to learn and these bars measure sensitivity only.";
            String caption = images
                    ? "Per cell, the mean over seeds (whisker: lowest to highest seed). feature_reliance: share of"
                            + " test images with the eye colour swapped whose prediction follows the eyes (1 = the"
                            + " feature is used). bg_only_accuracy: accuracy on the backgrounds alone, without the"
                            + " dog, against the class of the image the background came from (chance when the test"
                            + " split's backgrounds are independent of the class, even for a model that reads only the"
                            + " background). bg_gap: accuracy lost when the background is swapped (0 = the background"
                            + " does not matter)." + noShortcut
                    : "Per cell, the mean over seeds (whisker: lowest to highest seed) of the test-accuracy drop when"
                            + " the informative columns are permuted across rows, and when the noise columns are. A"
                            + " model that uses the features loses much more with the informative columns permuted."
                            + noShortcut;
            figures.add(new CaptionedFigure(RelianceChart.figure(RelianceChart.NAME, images
                    ? "Background sensitivity per cell" : "Column reliance per cell",
                    panel(results, metrics, images ? chance : Double.NaN)), caption));
        }
        return SectionOutcome.of(figures);
    }

    private static ReliancePanel panel(SweepResults results, List<String> metrics, double chance) {
        List<ResultCell> cells = results.cells().stream().filter(c -> metrics.stream().anyMatch(c::has)).toList();
        double[][] means = new double[metrics.size()][cells.size()];
        double[][] lows = new double[metrics.size()][cells.size()];
        double[][] highs = new double[metrics.size()][cells.size()];
        for (int m = 0; m < metrics.size(); m++) {
            for (int c = 0; c < cells.size(); c++) {
                String metric = metrics.get(m);
                means[m][c] = cells.get(c).mean(metric);
                double[] seeds = results.completedRuns(cells.get(c)).stream().mapToDouble(r -> r.metric(metric))
                        .filter(Double::isFinite).toArray();
                lows[m][c] = seeds.length < 2 ? Double.NaN : java.util.Arrays.stream(seeds).min().getAsDouble();
                highs[m][c] = seeds.length < 2 ? Double.NaN : java.util.Arrays.stream(seeds).max().getAsDouble();
            }
        }
        List<String> labels = new ArrayList<>();
        for (ResultCell c : cells) {
            labels.add("B=" + c.batchSize() + (c.ratio() == null ? "" : " r=" + Numbers.compact(c.ratio()))
                    + (results.settings().lrs().size() > 1 ? " lr=" + Numbers.compact(c.lr()) : ""));
        }
        return new ReliancePanel(metrics, labels, means, lows, highs, chance);
    }
}
