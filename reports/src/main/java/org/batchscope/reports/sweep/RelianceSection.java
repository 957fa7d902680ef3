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
 * Chart 5: background reliance per cell. Image sweeps: feature_reliance, bg_only_accuracy and bg_gap
 * with chance marked; table sweeps: the informative and noise permutation drops.
 */
final class RelianceSection implements ReportSection {

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
        List<ResultCell> cells = results.cells().stream().filter(c -> metrics.stream().anyMatch(c::has)).toList();
        if (cells.isEmpty()) {
            return SectionOutcome.skipped("No background reliance: the datasets have no counterfactual test sets"
                    + " (generated images) and no column roles (generated tables).");
        }
        double[][] means = new double[metrics.size()][cells.size()];
        double[][] stds = new double[metrics.size()][cells.size()];
        for (int m = 0; m < metrics.size(); m++) {
            for (int c = 0; c < cells.size(); c++) {
                means[m][c] = cells.get(c).mean(metrics.get(m));
                stds[m][c] = cells.get(c).std(metrics.get(m));
            }
        }
        List<String> labels = new ArrayList<>();
        for (ResultCell c : cells) {
            labels.add("B=" + c.batchSize() + (c.ratio() == null ? "" : " r=" + Numbers.compact(c.ratio()))
                    + (results.settings().lrs().size() > 1 ? " lr=" + Numbers.compact(c.lr()) : ""));
        }
        double chance = images ? results.datasets().stream().mapToDouble(d -> d.chance()).average().orElse(Double.NaN)
                : Double.NaN;
        String caption = images
                ? "Per cell, the mean over seeds (whisker: +- one standard deviation). feature_reliance: share of"
                        + " test images with the eye colour swapped whose prediction follows the eyes (1 = the"
                        + " feature is used). bg_only_accuracy: accuracy on the backgrounds alone, without the dog;"
                        + " near the dashed chance line means no background shortcut. bg_gap: accuracy lost when the"
                        + " background is swapped (0 = the background does not matter)."
                : "Per cell, the mean over seeds (whisker: +- one standard deviation) of the test-accuracy drop when"
                        + " the informative columns are permuted across rows, and when the noise columns are. A model"
                        + " that uses the features loses much more with the informative columns permuted.";
        return SectionOutcome.of(List.of(new CaptionedFigure(RelianceChart.figure(images
                ? "Background reliance per cell" : "Column reliance per cell",
                new ReliancePanel(metrics, labels, means, stds, chance)), caption)));
    }
}
