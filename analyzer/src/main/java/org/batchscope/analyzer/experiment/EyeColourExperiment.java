package org.batchscope.analyzer.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.batchscope.analyzer.metrics.OscillationMetrics;
import org.batchscope.analyzer.sweep.RunMetrics;
import org.batchscope.analyzer.sweep.ShortcutReliance;

/**
 * {@code eye-colour}: the motivating case. Two dog classes that differ only in eye colour, generated at
 * r = 0.3 (feature-dominant), 3 (noise-over-feature) and 30 (noise-dominant), each with the background
 * independent of the class in training (rho = 0) and tied to it (rho = {@value #HIGH_RHO}; the test
 * split keeps rho = 0, so most test images show a background that conflicts with their class); the
 * small CNN at batch sizes 1, 4, 8 and 32. Oscillation is measured by {@code detrended_std} of the
 * validation accuracy (the standard deviation of its residuals around a fitted line over the last half
 * of the run, so a steady climb does not count as oscillation); shortcut reliance by
 * {@code shortcut_agreement} (on background-only test images, the share of predictions naming the class
 * the training split ties the shown background to: 1/k without a shortcut, 1 when the background alone
 * decides), which is measured only where the training split has rho > 0.
 */
final class EyeColourExperiment implements Experiment {

    static final double[] RATIOS = {0.3, 3, 30};
    static final double HIGH_RHO = 0.9;
    static final int[] BATCH_SIZES = {1, 4, 8, 32};

    @Override
    public String name() {
        return "eye-colour";
    }

    @Override
    public String summary() {
        return "dogs that differ only in eye colour: does oscillation grow with r, does batch 32 oscillate more"
                + " than 8, does background reliance grow with r and rho";
    }

    @Override
    public String claim() {
        return "When structured background noise dominates the feature (r >> 1), and more so when the background"
                + " is tied to the class in training (rho > 0), the model leans on the background and accuracy"
                + " swings back and forth; a larger batch does not smooth this (batch 32 oscillated more than batch 8).";
    }

    @Override
    public String source() {
        return "a practitioner's report on VGG16 transfer learning with batch sizes 1, 4, 8 and 32 (the case"
                + " batchscope was built to reproduce)";
    }

    /**
     * The arms' gradient probes, training samples per evaluation and curvature samples: half, a quarter and
     * half of analyze's defaults. No claim of this experiment reads them (its effects are the validation
     * curve's oscillation and the counterfactual scores), so they are lighter to keep the demo near two
     * minutes; each arm's own report still shows them, computed on fewer samples.
     */
    static final int LIGHT_PROBE_SIZE = 32;
    static final int LIGHT_TRAIN_EVAL_SAMPLES = 32;
    static final int LIGHT_CURVATURE_SAMPLES = 64;

    static String armName(double ratio, double rho) {
        return String.format(Locale.ROOT, "r%s-rho%s", compact(ratio), compact(rho));
    }

    private static String compact(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    @Override
    public List<Arm> arms(Scale scale, int threads) {
        int size = scale.pick(16, 32, 64);
        int train = scale.pick(64, 256, 1000);
        int held = scale.pick(32, 128, 200);
        ArmSweeps sweep = ArmSweeps.of("cnn", java.util.Arrays.stream(BATCH_SIZES).boxed().toList(),
                scale.pick(2, 3, 5), scale.pick(4, 10, 10), 0.05, threads)
                .withEvaluation(2, null, scale.pick(2, 4, 8))
                // the claims read validation accuracy and the counterfactual scores only
                .withLighterMeasurements(LIGHT_PROBE_SIZE, LIGHT_TRAIN_EVAL_SAMPLES, LIGHT_CURVATURE_SAMPLES);
        List<Arm> arms = new ArrayList<>();
        for (double rho : new double[] {0, HIGH_RHO}) {
            for (double ratio : RATIOS) {
                String name = armName(ratio, rho);
                DatasetRecipe data = new DatasetRecipe(name, "images", Map.of("ratio", ratio, "rho", rho, "size", size,
                        "train", train, "val", held, "test", held, "seed", 1, "counterfactuals", true));
                arms.add(new Arm(name, "r = " + compact(ratio) + ", rho = " + compact(rho) + ", small CNN at batch sizes"
                        + " 1, 4, 8, 32", data, sweep.spec()));
            }
        }
        return arms;
    }

    @Override
    public Judgement judge(ArmResults results) {
        String osc = OscillationMetrics.DETRENDED_STD;
        String low = armName(RATIOS[0], 0);
        String mid = armName(RATIOS[1], 0);
        String high = armName(RATIOS[2], 0);
        String midRho = armName(RATIOS[1], HIGH_RHO);
        String highRho = armName(RATIOS[2], HIGH_RHO);
        String lowRho = armName(RATIOS[0], HIGH_RHO);
        List<ClaimResult> claims = new ArrayList<>();
        claims.add(ClaimResult.judge("oscillation-grows-with-r",
                "Validation accuracy oscillates more when the background dominates (r = 30) than when the eyes do (r = 0.3).",
                "detrended_std at r = 30 minus at r = 0.3 (rho = 0, all batch sizes pooled)", "accuracy",
                Effect.difference(results.pooled(high, osc), results.pooled(low, osc), Effect.LEVEL),
                new ClaimRule.Sign(true)));
        claims.add(ClaimResult.judge("batch-32-not-smoother",
                "At r = 3 with the background tied to the class, batch 32 oscillates more than batch 8.",
                "detrended_std at B = 32 minus at B = 8 (r = 3, rho = " + compact(HIGH_RHO) + ")", "accuracy",
                Effect.difference(results.values(midRho, 32, osc), results.values(midRho, 8, osc), Effect.LEVEL),
                new ClaimRule.Sign(true)));
        String agreement = ShortcutReliance.SHORTCUT_AGREEMENT;
        double none = 1.0 / results.classes(midRho);
        claims.add(ClaimResult.judge("shortcut-taken-at-high-rho",
                "With the background tied to the class in training (rho = " + compact(HIGH_RHO) + ", r = 3), the"
                        + " model's predictions on background-only images follow the tied class more often than the"
                        + " 1/k of a model without a shortcut.",
                "shortcut_agreement minus 1/k = " + compact(none) + " (r = 3, rho = " + compact(HIGH_RHO)
                        + ", all batch sizes pooled)", "fraction",
                Effect.mean(java.util.Arrays.stream(results.pooled(midRho, agreement)).map(v -> v - none).toArray(),
                        Effect.LEVEL),
                new ClaimRule.Sign(true)));
        claims.add(ClaimResult.judge("reliance-grows-with-r",
                "With the background tied to the class, the model leans on it more when it dominates the eyes.",
                "shortcut_agreement at r = 30 minus at r = 0.3 (rho = " + compact(HIGH_RHO)
                        + ", all batch sizes pooled)", "fraction",
                Effect.difference(results.pooled(highRho, agreement), results.pooled(lowRho, agreement), Effect.LEVEL),
                new ClaimRule.Sign(true)));
        List<EffectChart.Line> lines = new ArrayList<>();
        double[] x = java.util.Arrays.stream(BATCH_SIZES).asDoubleStream().toArray();
        for (double rho : new double[] {0, HIGH_RHO}) {
            for (double ratio : RATIOS) {
                String arm = armName(ratio, rho);
                lines.add(EffectChart.Line.of("r = " + compact(ratio) + ", rho = " + compact(rho), x,
                        java.util.Arrays.stream(BATCH_SIZES).mapToObj(b -> results.values(arm, b, osc)).toList()));
            }
        }
        EffectChart chart = new EffectChart("Oscillation by batch size, noise ratio and background tie", "batch size",
                "detrended_std of validation accuracy", true, lines);
        return new Judgement(claims, chart, breakdownNotes(results));
    }

    /**
     * Where each batch size breaks down: the smallest r (rho = 0) at which its mean final validation
     * accuracy is not above chance c (the share of the training split's most frequent class) by more than
     * two binomial spreads on the validation set ({@link ArmResults#chanceMargin}), the sweep verdict's
     * "not learned".
     */
    private static List<String> breakdownNotes(ArmResults results) {
        List<String> notes = new ArrayList<>();
        for (int b : BATCH_SIZES) {
            StringBuilder line = new StringBuilder("B = " + b + ": final accuracy");
            String breaks = "does not break down up to r = " + compact(RATIOS[RATIOS.length - 1]);
            boolean found = false;
            for (double ratio : RATIOS) {
                String arm = armName(ratio, 0);
                double mean = java.util.Arrays.stream(results.values(arm, b, RunMetrics.FINAL_ACCURACY)).average()
                        .orElse(Double.NaN);
                line.append(String.format(Locale.ROOT, " %.3f at r = %s;", mean, compact(ratio)));
                if (!found && Double.isFinite(mean) && mean <= results.chance(arm) + results.chanceMargin(arm)) {
                    breaks = String.format(Locale.ROOT, "breaks down (not above chance %.3f by more than %.3f) at r = %s",
                            results.chance(arm), results.chanceMargin(arm), compact(ratio));
                    found = true;
                }
            }
            notes.add(line + " " + breaks);
        }
        return notes;
    }
}
