package org.batchscope.analyzer.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.batchscope.analyzer.data.LoadedDataset;
import org.batchscope.analyzer.metrics.BreakdownRatio;
import org.batchscope.analyzer.metrics.CriticalBatchFit;
import org.batchscope.analyzer.metrics.OscillationMetrics;

/**
 * A verdict per dataset in plain words, with the numbers behind it:
 * <ul>
 *   <li>which batch sizes train steadily: a cell is steady when its mean validation-accuracy amplitude
 *       is below {@value #STEADY_AMPLITUDE} (one accuracy point) and none of its seeds diverged;</li>
 *   <li>whether the oscillation comes with the step size: Spearman's rank correlation between
 *       lr_effective / B and the amplitude over the dataset's cells, "yes" at {@value #STRONG_CORRELATION}
 *       or more (at least 3 cells);</li>
 *   <li>whether it comes with learning the background: images, when the mean {@code bg_gap} or
 *       {@code bg_only_accuracy} - chance exceeds {@value #RELIANCE_MARGIN}; tables, when permuting the
 *       noise columns costs more than half of what permuting the informative columns costs;</li>
 *   <li>whether any cell learned at all: a warning when the best mean final accuracy is within
 *       {@link BreakdownRatio#CHANCE_MARGIN} of chance;</li>
 *   <li>the gradient noise scale beside the batch sizes tried;</li>
 *   <li>what the largest batch size costs and gains against the smallest: speed per epoch, time and steps
 *       to the target accuracy, generalization gap and sharpness ({@link CostVerdict});</li>
 *   <li>and what to try.</li>
 * </ul>
 */
public final class Verdict {

    /** Amplitude (accuracy fraction) below which a cell counts as steady. */
    public static final double STEADY_AMPLITUDE = 0.01;
    /** Spearman correlation from which the oscillation is said to follow lr / B. */
    public static final double STRONG_CORRELATION = 0.7;
    /** Start of the cost line, the only verdict line that depends on wall-clock time. */
    public static final String COST_PREFIX = CostVerdict.PREFIX;
    /** Accuracy margin (fraction) from which background reliance counts as high. */
    public static final double RELIANCE_MARGIN = 0.1;

    private Verdict() {
    }

    /** @return the verdict lines of every dataset */
    public static List<String> of(SweepSummary summary) {
        List<String> lines = new ArrayList<>();
        for (int d = 0; d < summary.datasets().size(); d++) {
            lines.addAll(ofDataset(summary, d));
        }
        return lines;
    }

    private static List<String> ofDataset(SweepSummary summary, int d) {
        SweepDataset dataset = summary.datasets().get(d);
        LoadedDataset data = dataset.data();
        List<CellSummary> cells = summary.cellsOf(d).stream()
                .filter(c -> c.values(OscillationMetrics.AMPLITUDE).length > 0).toList();
        List<String> lines = new ArrayList<>();
        lines.add("Dataset " + d + " (" + data.source() + (dataset.ratio() == null ? "" : ", r = " + num(dataset.ratio()))
                + ", chance " + num(data.chance()) + "):");
        if (cells.isEmpty()) {
            lines.add("  no completed run has enough evaluations to measure oscillation.");
            return lines;
        }
        List<String> steady = new ArrayList<>();
        List<String> unsteady = new ArrayList<>();
        for (CellSummary c : cells) {
            String text = "B=" + c.batchLabel() + " lr=" + num(c.lrEffective()) + " (amplitude "
                    + num(c.mean(OscillationMetrics.AMPLITUDE)) + ", final accuracy " + num(c.mean(RunMetrics.FINAL_ACCURACY))
                    + (c.count(RunResult.DIVERGED) > 0 ? ", " + c.count(RunResult.DIVERGED) + " diverged" : "") + ")";
            boolean isSteady = c.mean(OscillationMetrics.AMPLITUDE) < STEADY_AMPLITUDE && c.count(RunResult.DIVERGED) == 0;
            (isSteady ? steady : unsteady).add(text);
        }
        lines.add("  trains steadily: " + (steady.isEmpty() ? "none" : String.join("; ", steady)));
        lines.add("  oscillates: " + (unsteady.isEmpty() ? "none" : String.join("; ", unsteady)));
        double best = cells.stream().mapToDouble(c -> c.mean(RunMetrics.FINAL_ACCURACY)).filter(Double::isFinite)
                .max().orElse(Double.NaN);
        boolean learned = best > data.chance() + BreakdownRatio.CHANCE_MARGIN;
        if (!learned) {
            lines.add("  no cell learned the task: the best final accuracy " + num(best) + " is within "
                    + num(BreakdownRatio.CHANCE_MARGIN) + " of chance, so the oscillation is noise around chance.");
        }
        boolean stepSize = false;
        if (cells.size() >= 3) {
            double rho = new SpearmansCorrelation().correlation(
                    cells.stream().mapToDouble(c -> c.lrEffective() / c.batchSize()).toArray(),
                    cells.stream().mapToDouble(c -> c.mean(OscillationMetrics.AMPLITUDE)).toArray());
            stepSize = rho >= STRONG_CORRELATION;
            lines.add("  step size: amplitude against lr/B has Spearman correlation " + num(rho) + " over "
                    + cells.size() + " cells" + (stepSize ? ": the oscillation grows with the step size." : "."));
        }
        boolean background = backgroundLine(cells, data, lines);
        double noiseScale = summary.gradientNoiseScale(d);
        if (Double.isFinite(noiseScale)) {
            String below = cells.stream().filter(c -> c.batchSize() < noiseScale).map(CellSummary::batchLabel).distinct()
                    .collect(Collectors.joining(", "));
            lines.add("  gradient noise scale B_simple ~ " + num(noiseScale) + " examples (critical batch size);"
                    + " batch sizes below it: " + (below.isEmpty() ? "none" : below) + ".");
        }
        if (learned) {
            summary.measuredCriticalBatch(d).forEach((lr, fit) -> lines.add(measuredCriticalBatchLine(lr, fit, noiseScale)));
        }
        // a target accuracy at chance says nothing about speed to a result: leave it out when nothing was learned
        lines.addAll(CostVerdict.lines(cells, learned ? summary.targetAccuracy(d) : Double.NaN));
        lines.add("  try: " + advice(stepSize, background, !steady.isEmpty(), data.kind()));
        return lines;
    }

    private static boolean backgroundLine(List<CellSummary> cells, LoadedDataset data, List<String> lines) {
        double gap = meanOver(cells, ShortcutReliance.BG_GAP);
        double bgOnly = meanOver(cells, ShortcutReliance.BG_ONLY_ACCURACY);
        double feature = meanOver(cells, ShortcutReliance.FEATURE_RELIANCE);
        if (Double.isFinite(gap) || Double.isFinite(bgOnly)) {
            boolean high = gap > RELIANCE_MARGIN || bgOnly - data.chance() > RELIANCE_MARGIN;
            lines.add("  background: bg_gap " + num(gap) + ", bg_only_accuracy " + num(bgOnly) + " (chance "
                    + num(data.chance()) + "), feature_reliance " + num(feature) + (high
                    ? ": the model leans on the background." : ": little reliance on the background."));
            return high;
        }
        double informative = meanOver(cells, ShortcutReliance.INFORMATIVE_PERMUTATION_DROP);
        double noise = meanOver(cells, ShortcutReliance.NOISE_PERMUTATION_DROP);
        if (Double.isFinite(informative) && Double.isFinite(noise)) {
            boolean high = noise > informative / 2;
            lines.add("  columns: accuracy drops " + num(informative) + " with the informative columns permuted, "
                    + num(noise) + " with the noise columns permuted" + (high
                    ? ": the model leans on the noise columns." : ": the model uses the informative columns."));
            return high;
        }
        return false;
    }

    private static String advice(boolean stepSize, boolean background, boolean anySteady, String kind) {
        List<String> tips = new ArrayList<>();
        if (stepSize) {
            tips.add("a larger batch or a smaller learning rate (or --lr-scaling sqrt instead of linear)");
        }
        if (background) {
            tips.add(kind.equals(LoadedDataset.IMAGES)
                    ? "augmenting or randomising backgrounds, or more data, so the eyes carry the signal"
                    : "dropping or regularising the nuisance columns");
        }
        if (!stepSize && !background && !anySteady) {
            tips.add("more epochs (--budget steps) or a smaller learning rate; the oscillation follows neither lr/B nor the background");
        }
        if (tips.isEmpty()) {
            tips.add("the steady batch sizes above");
        }
        return String.join("; ", tips) + ".";
    }

    private static double meanOver(List<CellSummary> cells, String metric) {
        return cells.stream().mapToDouble(c -> c.mean(metric)).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    /** @return the measured critical batch size beside B_simple (only meaningful once the task was learned) */
    private static String measuredCriticalBatchLine(double lr, CriticalBatchFit fit, double bSimple) {
        String head = "  measured critical batch size (lr " + num(lr) + ", steps to the target accuracy at B = "
                + fit.batchSizes() + ", fitted S = S_min (1 + B_noise/B)): ";
        if (Double.isNaN(fit.bNoise())) {
            return head + "none: larger batches took more steps, which the model does not describe.";
        }
        return head + "B_noise ~ " + num(fit.bNoise()) + " examples, 90% interval [" + num(fit.interval().low()) + ", "
                + num(fit.interval().high()) + "] over seeds; B_simple ~ " + num(bSimple) + "; B_noise / B_simple = "
                + num(fit.bNoise() / bSimple) + ".";
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : "n/a";
    }
}
