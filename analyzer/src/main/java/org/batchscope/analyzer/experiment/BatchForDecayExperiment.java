package org.batchscope.analyzer.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.batchscope.analyzer.engine.EpochMilestones;
import org.batchscope.analyzer.sweep.BatchSize;
import org.batchscope.analyzer.sweep.RunMetrics;

/**
 * {@code batch-for-decay}: instead of dividing the learning rate by F at milestones, multiply the batch
 * size by F at the same milestones; the run ends about as accurate in the same epochs, with far fewer
 * parameter updates (Smith et al. 2018). SGD's noise scale is about lr N / B (their eq. 6, N the training
 * set), so both schedules shrink it by the same factor at the same epochs; the growing batch makes
 * S_e = ceil(N / B_e) updates per epoch, fewer each time it grows. MLP on a noise-over-feature table
 * (r = 3, where the noise of small batches is felt), SGD at lr {@value #LR}, B = {@value #BATCH}, F = {@value #FACTOR} at a third and two thirds of
 * the epochs. Arms:
 * <ul>
 *   <li>{@code lr-decay}: B fixed, the rate divided by F at the milestones;</li>
 *   <li>{@code batch-increase}: the rate fixed, B multiplied by F at the same milestones;</li>
 *   <li>{@code constant} (control): B and rate fixed, so the schedules can be seen to matter;</li>
 *   <li>{@code final-batch} (control): the batch-increase arm's last batch size from the start, so it can be
 *       seen that the update saving needs the small early batches.</li>
 * </ul>
 * The claims: the batch-increase arm's final accuracy equals the lr-decay arm's within
 * {@value #MARGIN} (equivalence); both beat the constant control, and the batch-increase arm beats the
 * final-batch control (directions). The update counts are the
 * same in every seed (they follow from N, B and the schedule), so they are reported as a ratio, not tested.
 */
final class BatchForDecayExperiment implements Experiment {

    static final double LR = 0.1;
    static final int BATCH = 32;
    static final int FACTOR = 4;
    /** Accuracy difference that counts as "about the same" (2 points). */
    static final double MARGIN = 0.02;

    @Override
    public String name() {
        return "batch-for-decay";
    }

    @Override
    public String summary() {
        return "multiplying the batch size at milestones instead of dividing the lr: same accuracy, far fewer updates";
    }

    @Override
    public String claim() {
        return "Multiplying the batch size by a factor at milestones, instead of dividing the learning rate by it,"
                + " reaches about the same accuracy in the same epochs with far fewer parameter updates.";
    }

    @Override
    public String source() {
        return "Smith, Kindermans, Ying and Le 2018, Don't Decay the Learning Rate, Increase the Batch Size";
    }

    /** @return the epochs of a run at {@code scale} (a multiple of 3) */
    static long epochs(Scale scale) {
        return scale.pick(6, 12, 24);
    }

    /** @return F at a third and at two thirds of the epochs */
    static EpochMilestones milestones(Scale scale) {
        long third = epochs(scale) / 3;
        return new EpochMilestones(FACTOR, List.of(third, 2 * third));
    }

    /** @return the batch-increase arm's last batch size, B F^2 */
    static int finalBatch() {
        return BATCH * FACTOR * FACTOR;
    }

    @Override
    public List<Arm> arms(Scale scale, int threads) {
        DatasetRecipe data = TabularRecipes.table("table-r3", 3, scale.pick(1024, 4096, 16384));
        long epochs = epochs(scale);
        EpochMilestones milestones = milestones(scale);
        ArmSweeps base = ArmSweeps.of("mlp", List.of(BATCH), scale.pick(8, 10, 20), epochs, LR, threads)
                .withEvaluation(2, null, 0);
        String at = " at the start of epochs " + milestones.epochs().get(0) + " and " + milestones.epochs().get(1)
                + " (of " + epochs + ")";
        return List.of(
                new Arm("lr-decay", "B = " + BATCH + ", lr " + LR + " divided by " + FACTOR + at, data,
                        base.withSchedules(EpochMilestones.NONE, milestones).spec()),
                new Arm("batch-increase", "lr " + LR + ", B = " + BATCH + " multiplied by " + FACTOR + at, data,
                        base.withSchedules(milestones, EpochMilestones.NONE).spec()),
                new Arm("constant", "B = " + BATCH + ", lr " + LR + " throughout (control)", data, base.spec()),
                new Arm("final-batch", "B = " + finalBatch() + ", lr " + LR + " throughout (control)", data,
                        base.withBatchSizes(List.of(BatchSize.parse(String.valueOf(finalBatch())))).spec()));
    }

    @Override
    public Judgement judge(ArmResults results) {
        String acc = RunMetrics.FINAL_ACCURACY;
        double[] decay = results.values("lr-decay", BATCH, acc);
        double[] increase = results.values("batch-increase", BATCH, acc);
        double[] constant = results.values("constant", BATCH, acc);
        double[] large = results.values("final-batch", finalBatch(), acc);
        List<ClaimResult> claims = List.of(
                ClaimResult.judge("increase-matches-decay",
                        "Multiplying the batch size at the milestones ends as accurate as dividing the learning rate"
                                + " (within " + MARGIN + ").",
                        "final accuracy of batch-increase minus lr-decay (same epochs)", "accuracy",
                        Effect.difference(increase, decay, Effect.LEVEL), new ClaimRule.Equivalence(MARGIN, "accuracy")),
                ClaimResult.judge("decay-beats-constant",
                        "Dividing the learning rate at the milestones ends more accurate than keeping it constant.",
                        "final accuracy of lr-decay minus constant", "accuracy",
                        Effect.difference(decay, constant, Effect.LEVEL), new ClaimRule.Sign(true)),
                ClaimResult.judge("increase-beats-constant",
                        "Multiplying the batch size at the milestones ends more accurate than keeping it constant.",
                        "final accuracy of batch-increase minus constant", "accuracy",
                        Effect.difference(increase, constant, Effect.LEVEL), new ClaimRule.Sign(true)),
                ClaimResult.judge("increase-beats-final-batch",
                        "Growing the batch ends more accurate than training at its last size (B = " + finalBatch()
                                + ") from the start, which makes fewer updates still.",
                        "final accuracy of batch-increase minus final-batch", "accuracy",
                        Effect.difference(increase, large, Effect.LEVEL), new ClaimRule.Sign(true)));
        double decaySteps = mean(results.values("lr-decay", BATCH, RunMetrics.STEPS));
        double increaseSteps = mean(results.values("batch-increase", BATCH, RunMetrics.STEPS));
        double largeSteps = mean(results.values("final-batch", finalBatch(), RunMetrics.STEPS));
        String updates = String.format(Locale.ROOT, "Parameter updates per run: lr-decay %.0f, batch-increase %.0f"
                + " (%.2f times fewer), final-batch %.0f; the counts follow from the training-set size, the batch"
                + " sizes and the schedule, so every seed has the same.", decaySteps, increaseSteps,
                decaySteps / increaseSteps, largeSteps);
        double[] x = {decaySteps, increaseSteps, mean(results.values("constant", BATCH, RunMetrics.STEPS)), largeSteps};
        EffectChart chart = new EffectChart("Final accuracy against parameter updates, by schedule",
                "parameter updates per run", "final validation accuracy", true, List.of(
                        EffectChart.Line.of("lr divided by " + FACTOR, new double[] {x[0]}, List.of(decay)),
                        EffectChart.Line.of("batch multiplied by " + FACTOR, new double[] {x[1]}, List.of(increase)),
                        EffectChart.Line.of("constant B = " + BATCH, new double[] {x[2]}, List.of(constant)),
                        EffectChart.Line.of("constant B = " + finalBatch(), new double[] {x[3]}, List.of(large))));
        return new Judgement(claims, chart, List.of(updates));
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }
}
