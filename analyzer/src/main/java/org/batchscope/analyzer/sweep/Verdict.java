package org.batchscope.analyzer.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.batchscope.analyzer.data.LoadedDataset;
import org.batchscope.analyzer.metrics.CriticalBatchFit;
import org.batchscope.analyzer.metrics.OscillationMetrics;
import org.batchscope.analyzer.metrics.RankCorrelation;
import org.batchscope.analyzer.metrics.RunState;
import org.batchscope.analyzer.metrics.RunStateRule;
import org.batchscope.analyzer.metrics.SeedStatistics;

/**
 * A verdict per dataset in plain words, with the numbers behind it:
 * <ul>
 *   <li>the chance level (share of the most frequent class in the training labels) and the validation set's
 *       resolution (one sample = 1 / N);</li>
 *   <li>per cell: how many runs are in each {@link RunState} (diverged and failed runs counted, never
 *       dropped silently) and the final accuracy's mean with its Student-t 95% interval (clipped to [0, 1],
 *       where the mean lies), range and seed count ({@link SeedStatistics});</li>
 *   <li>per state, the batch sizes with runs in it: still improving at the end, validation accuracy falling
 *       at the end, oscillating, collapsed to one class, at or below chance, diverged, steady;</li>
 *   <li>whether any cell learned: "not above chance" when the best mean final accuracy is within
 *       {@value RunStateRule#Z} binomial spreads sqrt(c (1 - c) / N) above chance c, "below chance" when
 *       it is that far below;</li>
 *   <li>which batch sizes are steadier, by the exact Mann-Whitney test on per-seed amplitude
 *       ({@link SweepSummary#comparisons()}): the pairs that differ at the {@value SweepSummary#ALPHA}
 *       level, and how many are inconclusive (and when the seeds cannot reach that level at all);</li>
 *   <li>the step size: only when the sweep varies the learning rate independently of the batch size
 *       (some batch size runs at two or more learning rates), Spearman's rho of amplitude against
 *       lr_effective / B over the cells with its permutation p-value ({@link RankCorrelation}), "yes" at
 *       rho >= {@value #STRONG_CORRELATION} and p <= {@value SweepSummary#ALPHA}; otherwise what the sweep
 *       held fixed and which option would separate the two;</li>
 *   <li>whether oscillating runs sit at the edge of stability or well below it ({@link OscillationCause});</li>
 *   <li>whether the model takes a shortcut (the background, the nuisance columns): {@link RelianceVerdict};</li>
 *   <li>the gradient noise scale beside the batch sizes tried; the cost lines ({@link CostVerdict}: batch sizes
 *       against each other, and what the measuring cost against the training);</li>
 *   <li>and what to try, from the states and findings above and the learning-rate scaling actually used.</li>
 * </ul>
 */
public final class Verdict {

    /** Spearman correlation from which the oscillation is said to follow lr / B. */
    public static final double STRONG_CORRELATION = 0.7;
    /** Start of the cost lines, the only verdict lines that depend on wall-clock time. */
    public static final String COST_PREFIX = CostVerdict.PREFIX;
    /** Accuracy margin (fraction) from which background reliance counts as high. */
    public static final double RELIANCE_MARGIN = 0.1;

    /** How each state is said in the per-state lines, in the order they are printed. */
    private static final Map<RunState, String> STATE_LINES = new LinkedHashMap<>();

    static {
        STATE_LINES.put(RunState.IMPROVING, "still improving at the end");
        STATE_LINES.put(RunState.DECLINING, "validation accuracy falling at the end");
        STATE_LINES.put(RunState.OSCILLATING, "oscillating");
        STATE_LINES.put(RunState.COLLAPSED, "collapsed to predicting one class");
        STATE_LINES.put(RunState.CHANCE, "at or below chance");
        STATE_LINES.put(RunState.DIVERGED, "diverged");
        STATE_LINES.put(RunState.STEADY, "steady");
    }

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
        int validation = summary.validationSamples(d);
        double chance = data.chance();
        List<CellSummary> all = summary.cellsOf(d);
        List<String> lines = new ArrayList<>();
        lines.add("Dataset " + d + " (" + data.source() + (dataset.ratio() == null ? "" : ", r = " + num(dataset.ratio()))
                + "): chance " + num(chance) + " (the share of the most frequent class in the training labels, the"
                + " accuracy of always guessing it); " + (validation < data.validation().count()
                        ? validation + " of " + data.validation().count() + " validation samples per evaluation"
                                + " (--validation-samples)"
                        : validation + " validation samples")
                + ", so one sample is "
                + num(1.0 / validation) + " of accuracy.");
        for (CellSummary c : all) {
            lines.add("  " + cellLine(c));
        }
        List<CellSummary> cells = all.stream().filter(c -> c.values(OscillationMetrics.AMPLITUDE).length > 0).toList();
        for (Map.Entry<RunState, String> entry : STATE_LINES.entrySet()) {
            String which = all.stream().filter(c -> c.count(entry.getKey()) > 0)
                    .map(c -> label(all, c) + " (" + c.count(entry.getKey()) + " of " + c.states().size() + ")")
                    .collect(Collectors.joining(", "));
            if (!which.isEmpty()) {
                lines.add("  " + entry.getValue() + ": " + which);
            }
        }
        if (cells.isEmpty()) {
            lines.add("  no completed run has enough evaluations to measure oscillation.");
            return lines;
        }
        double best = cells.stream().mapToDouble(c -> c.mean(RunMetrics.FINAL_ACCURACY)).filter(Double::isFinite)
                .max().orElse(Double.NaN);
        double margin = RunStateRule.chanceMargin(chance, validation);
        boolean learned = best > chance + margin;
        if (!learned) {
            lines.add("  no cell learned the task: the best mean final accuracy " + num(best)
                    + (best < chance - margin ? " is below chance (" + num(chance) + ")"
                    : " is not above chance (" + num(chance) + ") by more than " + num(margin)
                    + " (two binomial spreads on " + validation + " samples)") + ".");
        }
        lines.add("  " + comparisonLine(summary, d));
        boolean stepSize = stepSizeLine(cells, lines);
        String curvature = OscillationCause.line(all);
        if (curvature != null) {
            lines.add(curvature);
        }
        boolean background = RelianceVerdict.addLines(cells, data, lines);
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
        CostVerdict.measuringLine(all).ifPresent(lines::add);
        lines.add("  try: " + advice(all, stepSize, background, learned, data.kind()));
        return lines;
    }

    /** @return "B=8 lr=0.05: 3 runs: 2 improving, 1 collapsed; final accuracy 0.91 (95% t-interval ..., range ..., 3 seeds)" */
    static String cellLine(CellSummary c) {
        Map<RunState, Long> counts = new LinkedHashMap<>();
        c.states().forEach(s -> counts.merge(s, 1L, Long::sum));
        String states = counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().fileName())
                .collect(Collectors.joining(", "));
        long failed = c.count(RunResult.FAILED);
        StringBuilder line = new StringBuilder("B=" + c.batchLabel() + " lr=" + num(c.lrEffective()) + ": " + c.runs().size()
                + (c.runs().size() == 1 ? " run" : " runs") + (states.isEmpty() ? "" : ": " + states)
                + (failed > 0 ? (states.isEmpty() ? ": " : ", ") + failed + " failed (an error; a rerun retries it)" : ""));
        double[] finals = c.values(RunMetrics.FINAL_ACCURACY);
        if (finals.length > 0) {
            SeedStatistics stats = SeedStatistics.of(finals);
            line.append("; final accuracy ").append(num(stats.mean()));
            if (finals.length > 1) {
                // an accuracy's mean lies in [0, 1], so clipping the interval there loses no coverage
                line.append(" (95% t-interval ").append(num(Math.max(0, stats.ci95().low()))).append(" to ")
                        .append(num(Math.min(1, stats.ci95().high()))).append(", range ").append(num(stats.min())).append(" to ")
                        .append(num(stats.max())).append(", ").append(finals.length).append(" completed seeds)");
            } else {
                line.append(" (1 completed seed)");
            }
        }
        return line.toString();
    }

    private static String comparisonLine(SweepSummary summary, int d) {
        List<Map<String, Object>> rows = summary.comparisons().stream().filter(r -> r.get("dataset").equals(d)).toList();
        if (rows.isEmpty()) {
            return "steadier: no two batch sizes with completed seeds to compare.";
        }
        List<String> separated = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            if (!r.get("conclusion").equals("inconclusive")) {
                boolean aSteadier = r.get("conclusion").equals("a_steadier");
                double p = (double) r.get("p_a_steadier");
                separated.add("B=" + (aSteadier ? r.get("batch_size_a") : r.get("batch_size_b")) + " over B="
                        + (aSteadier ? r.get("batch_size_b") : r.get("batch_size_a")) + " (P " + num(aSteadier ? p : 1 - p)
                        + ", p " + num((double) r.get("p_value")) + ")");
            }
        }
        double reachable = rows.stream().mapToDouble(r -> (double) r.get("smallest_possible_p_value")).min().orElse(1);
        String test = "amplitude per seed, exact two-sided Mann-Whitney test at the " + num(SweepSummary.ALPHA) + " level";
        String inconclusive = (rows.size() - separated.size()) + " of " + rows.size() + " pairs inconclusive";
        if (reachable > SweepSummary.ALPHA) {
            Map<String, Object> r = rows.get(0);
            return "steadier (" + test + "): inconclusive for every pair; with " + r.get("seeds_a") + " against "
                    + r.get("seeds_b") + " seeds the smallest possible p is " + num(reachable)
                    + ", so the seeds cannot separate batch sizes (more --seeds would).";
        }
        return "steadier (" + test + "): " + (separated.isEmpty() ? "none" : String.join("; ", separated)) + "; "
                + inconclusive + ".";
    }

    private static boolean stepSizeLine(List<CellSummary> cells, List<String> lines) {
        Map<Integer, Long> ratesPerBatch = cells.stream().collect(Collectors.groupingBy(CellSummary::batchSize,
                Collectors.mapping(CellSummary::lrEffective, Collectors.collectingAndThen(Collectors.toSet(), s -> (long) s.size()))));
        boolean independent = ratesPerBatch.values().stream().anyMatch(n -> n >= 2);
        String scaling = cells.stream().map(CellSummary::lrScaling).filter(s -> s != null).findFirst().orElse("fixed");
        if (independent && cells.size() >= 3) {
            RankCorrelation link = RankCorrelation.of(
                    cells.stream().mapToDouble(c -> c.lrEffective() / c.batchSize()).toArray(),
                    cells.stream().mapToDouble(c -> c.mean(OscillationMetrics.AMPLITUDE)).toArray());
            boolean yes = link.rho() >= STRONG_CORRELATION && link.pValue() <= SweepSummary.ALPHA;
            lines.add("  step size: amplitude against lr/B has Spearman correlation " + num(link.rho()) + " over "
                    + cells.size() + " cells (permutation p " + num(link.pValue()) + ")"
                    + (yes ? ": the oscillation grows with the step size." : ": no clear link."));
            return yes;
        }
        if (scaling.equals("linear") && cells.stream().mapToDouble(c -> c.lrEffective() / c.batchSize()).distinct().count() == 1) {
            lines.add("  step size: the learning rate was scaled linearly with B (--lr-scaling linear), so lr/B is the"
                    + " same in every cell; differences between batch sizes here are not differences in lr/B.");
        } else {
            lines.add("  step size: every batch size ran at one learning rate (--lr-scaling " + scaling + "), so lr/B"
                    + " changes only with B and the sweep cannot tell the step size from the batch size; to separate"
                    + " them, rerun with several learning rates (e.g. --lr 0.01,0.05,0.2) or with --lr-scaling linear"
                    + " (lr/B held fixed).");
        }
        return false;
    }

    private static String advice(List<CellSummary> cells, boolean stepSize, boolean background, boolean learned,
            String kind) {
        List<String> tips = new ArrayList<>();
        String improving = batchesWith(cells, RunState.IMPROVING);
        if (!improving.isEmpty()) {
            double epochs = cells.stream().mapToDouble(c -> c.mean(RunMetrics.EPOCHS)).filter(Double::isFinite).max()
                    .orElse(Double.NaN);
            tips.add("more epochs (--epochs) for " + improving + ", still improving after " + num(epochs) + " epochs");
        }
        String declining = batchesWith(cells, RunState.DECLINING);
        if (!declining.isEmpty()) {
            tips.add("for " + declining + ", whose validation accuracy falls over the last half: keep the best"
                    + " evaluation (early stopping) or a smaller learning rate");
        }
        String unstable = batchesWith(cells, RunState.COLLAPSED, RunState.DIVERGED);
        if (!unstable.isEmpty()) {
            tips.add("a smaller learning rate for " + unstable + ", where runs collapsed to one class or diverged");
        }
        String oscillating = batchesWith(cells, RunState.OSCILLATING);
        if (!oscillating.isEmpty()) {
            String scaling = cells.stream().map(CellSummary::lrScaling).filter(s -> s != null).findFirst().orElse("fixed");
            if (stepSize) {
                tips.add("a smaller lr/B for " + oscillating + ": a larger batch at the same learning rate or a smaller"
                        + " learning rate" + (scaling.equals("linear") ? " (or --lr-scaling sqrt instead of linear)" : ""));
            } else {
                tips.add("for the oscillation of " + oscillating + ": a smaller learning rate, and several --lr values to"
                        + " see whether it follows the step size");
            }
        }
        if (background) {
            tips.add(kind.equals(LoadedDataset.IMAGES)
                    ? "augmenting or randomising backgrounds, or more data, so the eyes carry the signal"
                    : "dropping or regularising the nuisance columns");
        }
        if (!learned) {
            tips.add("no batch size learned the task here: more training data, more epochs or a lower noise ratio");
        }
        String steady = batchesWith(cells, RunState.STEADY);
        if (tips.isEmpty() && !steady.isEmpty()) {
            tips.add("the batch sizes whose runs are steady: " + steady);
        }
        if (tips.isEmpty()) {
            tips.add("more seeds (--seeds) to tell the batch sizes apart");
        }
        return String.join("; ", tips) + ".";
    }

    /** @return the labels of the cells with a run in any of {@code states}, joined, or "" */
    private static String batchesWith(List<CellSummary> cells, RunState... states) {
        return cells.stream().filter(c -> java.util.Arrays.stream(states).anyMatch(s -> c.count(s) > 0))
                .map(c -> label(cells, c)).distinct().collect(Collectors.joining(", "));
    }

    /** @return "B=8", or "B=8 lr=0.05" when {@code cells} ran at more than one learning rate */
    private static String label(List<CellSummary> cells, CellSummary c) {
        boolean severalRates = cells.stream().mapToDouble(CellSummary::lrEffective).distinct().count() > 1;
        return "B=" + c.batchLabel() + (severalRates ? " lr=" + num(c.lrEffective()) : "");
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
