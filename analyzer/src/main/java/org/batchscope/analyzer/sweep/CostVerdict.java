package org.batchscope.analyzer.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.batchscope.analyzer.sharpness.Sharpness;
import org.batchscope.common.files.RunFile;

/**
 * The verdict's cost line: at each learning rate, the largest batch size L against the smallest S, with
 * cell means over completed seeds. Each clause appears only when both cells have its numbers:
 * <ul>
 *   <li>speed: spe_S / spe_L (seconds per epoch), "x faster per epoch" (or slower; "about as fast" within
 *       {@value #SAME_SPEED});</li>
 *   <li>time to target (the first evaluation at or above it), when every completed seed of both cells
 *       reaches it: (sec_L - sec_S) / sec_S in percent, "fewer/more seconds", and the same for steps;
 *       when only one cell's seeds all reach it, which one. Reaching it once is not keeping it: when
 *       seeds of such a cell end below the target (a collapse, a fall), the clause says how many;</li>
 *   <li>generalization gap: (gap_L - gap_S) in accuracy points, "larger/smaller" from
 *       {@value #GAP_POINTS} point, otherwise "about the same";</li>
 *   <li>sharpness: lambda_L / lambda_S of the largest Hessian eigenvalues, when both are positive.</li>
 * </ul>
 * A second line says what the measuring cost ({@link #measuringLine}). Both depend on wall-clock time, so
 * they start with {@value #PREFIX} (a rerun may change them).
 */
final class CostVerdict {

    /** Start of the cost line. */
    static final String PREFIX = "  cost: ";
    /** Speed ratios within this factor of 1 read "about as fast". */
    static final double SAME_SPEED = 1.1;
    /** Gap differences below this many accuracy points read "about the same". */
    static final double GAP_POINTS = 1;

    private CostVerdict() {
    }

    /** @return the cost lines of one dataset's cells (one per learning rate with two or more batch sizes) */
    static List<String> lines(List<CellSummary> cells, double target) {
        Map<Double, List<CellSummary>> byLr = new LinkedHashMap<>();
        cells.stream().filter(c -> !c.completed().isEmpty())
                .forEach(c -> byLr.computeIfAbsent(c.lr(), k -> new ArrayList<>()).add(c));
        List<String> lines = new ArrayList<>();
        byLr.forEach((lr, group) -> {
            CellSummary small = group.stream().min(Comparator.comparingInt(CellSummary::batchSize)).orElseThrow();
            CellSummary large = group.stream().max(Comparator.comparingInt(CellSummary::batchSize)).orElseThrow();
            if (small != large) {
                List<String> clauses = clauses(small, large, target);
                if (!clauses.isEmpty()) {
                    lines.add(PREFIX + (byLr.size() > 1 ? "at lr " + num(lr) + ", " : "") + String.join(", ", clauses) + ".");
                }
            }
        });
        return lines;
    }

    /** A measuring phase in words, and the options that make it cheaper. */
    private record PhaseWords(String name, String cheaperWith) {
    }

    /** The measuring phases ({@link RunCost.Phase}) in the order the line names them. */
    private static final Map<String, PhaseWords> PHASES = new LinkedHashMap<>();

    static {
        PHASES.put(RunCost.Phase.EVALUATIONS, new PhaseWords("evaluations during training",
                "--validation-samples, --train-eval-samples or a lower --evals-per-epoch"));
        PHASES.put(RunCost.Phase.GRADIENT_PROBES, new PhaseWords("gradient probes", "--probe-size or a lower --probes-per-run"));
        PHASES.put(RunCost.Phase.LANCZOS, new PhaseWords("Lanczos", "--sharpness-samples or --lanczos-iterations"));
        PHASES.put(RunCost.Phase.EPS_SHARPNESS, new PhaseWords("epsilon-sharpness", "a lower --eps-steps"));
        PHASES.put(RunCost.Phase.SCORING, new PhaseWords("end-of-run scoring",
                "--gap-samples (the test split and its counterfactual versions are always scored whole)"));
    }

    /**
     * @return over the completed runs of {@code cells} that record their training seconds and measuring phases:
     *         each phase's seconds ({@code timing.analysis_seconds}, {@link RunCost.Phase}) summed over the runs
     *         and divided by their summed training seconds, the total first, phases under 0.005 left out, and the
     *         options that make the largest phase cheaper (unless it too is under 0.005); empty when no run
     *         records both
     */
    static Optional<String> measuringLine(List<CellSummary> cells) {
        double training = 0;
        int runs = 0;
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (CellSummary cell : cells) {
            for (RunFile<RunSpec, Sharpness> run : cell.completed()) {
                RunFile.Timing timing = run.timing();
                if (timing == null || !(timing.trainingSeconds() > 0) || timing.analysisSeconds().isEmpty()) {
                    continue;
                }
                runs++;
                training += timing.trainingSeconds();
                PHASES.keySet().forEach(phase -> seconds.merge(phase, timing.analysisSeconds().getOrDefault(phase, 0.0),
                        Double::sum));
            }
        }
        if (runs == 0) {
            return Optional.empty();
        }
        double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum() / training;
        List<String> shares = new ArrayList<>();
        String largest = null;
        for (Map.Entry<String, Double> phase : seconds.entrySet()) {
            double share = phase.getValue() / training;
            if (share >= 0.005) {
                shares.add(PHASES.get(phase.getKey()).name() + " " + String.format(Locale.ROOT, "%.2f", share));
            }
            if (largest == null || phase.getValue() > seconds.get(largest)) {
                largest = phase.getKey();
            }
        }
        return Optional.of(PREFIX + "measuring took " + num(total) + "x the training seconds of the " + runs
                + " completed run" + (runs == 1 ? "" : "s") + (shares.isEmpty() ? "" : " (" + String.join(", ", shares) + ")")
                + (seconds.get(largest) / training < 0.005 ? "."
                        : "; the largest share, " + PHASES.get(largest).name() + ", shrinks with "
                                + PHASES.get(largest).cheaperWith() + "."));
    }

    private static List<String> clauses(CellSummary s, CellSummary l, double target) {
        String nameS = "B=" + s.batchLabel();
        String nameL = "B=" + l.batchLabel();
        List<String> out = new ArrayList<>();
        double ratio = CellSummary.mean(s.timingValues(RunCost.SECONDS_PER_EPOCH))
                / CellSummary.mean(l.timingValues(RunCost.SECONDS_PER_EPOCH));
        if (Double.isFinite(ratio) && ratio > 0) {
            out.add(nameL + (ratio >= SAME_SPEED ? " is " + num(ratio) + "x faster per epoch than "
                    : ratio <= 1 / SAME_SPEED ? " is " + num(1 / ratio) + "x slower per epoch than "
                    : " is about as fast per epoch as ") + nameS);
        }
        if (Double.isFinite(target)) {
            boolean reachS = allReach(s, target);
            boolean reachL = allReach(l, target);
            String reach = "reaches " + num(target) + " validation accuracy";
            if (reachS && reachL) {
                out.add(reach + " in " + change(CellSummary.mean(l.toTarget(target, true)),
                        CellSummary.mean(s.toTarget(target, true)), "seconds") + " ("
                        + change(CellSummary.mean(l.toTarget(target, false)), CellSummary.mean(s.toTarget(target, false)),
                        "steps") + endingBelow(s, nameS, target) + endingBelow(l, nameL, target) + ")");
            } else if (reachS != reachL) {
                String name = reachS ? nameS : nameL;
                String below = endingBelow(reachS ? s : l, name, target);
                out.add("only " + name + " " + reach + " in every seed" + (below.isEmpty() ? "" : " (at some evaluation"
                        + below + ")"));
            }
        }
        double gap = 100 * (l.mean(GeneralizationGap.GAP_ACCURACY) - s.mean(GeneralizationGap.GAP_ACCURACY));
        if (Double.isFinite(gap)) {
            out.add("with " + (Math.abs(gap) < GAP_POINTS ? "about the same generalization gap"
                    : "a " + num(Math.abs(gap)) + "-point " + (gap > 0 ? "larger" : "smaller") + " generalization gap")
                    + " (train - held-out accuracy)");
        }
        double sharpS = s.mean(Sharpness.HESSIAN_MAX_EIG);
        double sharpL = l.mean(Sharpness.HESSIAN_MAX_EIG);
        if (sharpS > 0 && sharpL > 0) {
            out.add("and " + num(sharpL / sharpS) + "x the sharpness (largest Hessian eigenvalue)");
        }
        return out;
    }

    /** @return whether every completed seed of {@code cell} reaches {@code target}, with a training-time record */
    private static boolean allReach(CellSummary cell, double target) {
        return cell.toTarget(target, true).length == cell.completed().size();
    }

    /**
     * @return "; 2 of 3 seeds of B=1 end below it" when completed seeds of {@code cell} end (final
     *         validation accuracy) below {@code target}, else ""
     */
    private static String endingBelow(CellSummary cell, String name, double target) {
        double[] finals = cell.values(RunMetrics.FINAL_ACCURACY);
        long below = java.util.Arrays.stream(finals).filter(a -> a < target).count();
        return below == 0 ? "" : "; " + below + " of " + finals.length + " seeds of " + name + " end below it";
    }

    /** @return "40% fewer seconds" for large 6 against small 10 */
    private static String change(double large, double small, String unit) {
        double pct = 100 * (large - small) / small;
        return String.format(Locale.ROOT, "%.0f%% %s %s", Math.abs(pct), pct <= 0 ? "fewer" : "more", unit);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
