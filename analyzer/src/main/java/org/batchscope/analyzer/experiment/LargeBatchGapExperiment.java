package org.batchscope.analyzer.experiment;

import java.util.List;
import org.batchscope.analyzer.sharpness.Sharpness;
import org.batchscope.analyzer.sweep.GeneralizationGap;
import org.batchscope.analyzer.sweep.LrScaling;

/**
 * {@code large-batch-gap}: large batches generalize worse and end in sharper minima (Keskar et al. 2017);
 * the gap closes when the large batch trains for as many updates as the small one and with a scaled
 * learning rate (Hoffer et al. 2017). MLP on a noise-over-feature table (r = 3). Arms: small batch
 * ({@value #SMALL}), large batch ({@value #LARGE}) for the same epochs, large batch for the small batch's
 * number of steps, and large batch with the learning rate scaled by sqrt(B_large / B_small) (Hoffer et
 * al.'s square-root rule; the linear rule's rate diverges on this model). Generalization gap =
 * {@code gap_accuracy} (training accuracy minus held-out accuracy of the final model); sharpness =
 * {@code hessian_max_eig} (the final training loss's largest Hessian eigenvalue).
 */
final class LargeBatchGapExperiment implements Experiment {

    static final int SMALL = 32;
    static final int LARGE = 512;
    static final double LR = 0.05;

    @Override
    public String name() {
        return "large-batch-gap";
    }

    @Override
    public String summary() {
        return "large batches generalize worse and end sharper; training longer and a scaled lr close the gap";
    }

    @Override
    public String claim() {
        return "Large batches generalize worse and end in sharper minima; the gap closes when the large batch"
                + " trains for as many updates as the small one and with a scaled learning rate.";
    }

    @Override
    public String source() {
        return "Keskar et al. 2017, On Large-Batch Training for Deep Learning: Generalization Gap and Sharp Minima;"
                + " Hoffer et al. 2017, Train longer, generalize better";
    }

    @Override
    public List<Arm> arms(Scale scale, int threads) {
        int train = scale.pick(1024, 2048, 8192);
        long epochs = scale.pick(4, 10, 20);
        DatasetRecipe data = TabularRecipes.table("table-r3", 3, train);
        ArmSweeps small = ArmSweeps.of("mlp", List.of(SMALL), scale.pick(2, 4, 8), epochs, LR, threads)
                .withEvaluation(2, null, 0);
        ArmSweeps large = ArmSweeps.of("mlp", List.of(LARGE), scale.pick(2, 4, 8), epochs, LR, threads)
                .withEvaluation(2, null, 0);
        long smallSteps = epochs * ((train + SMALL - 1) / SMALL);
        return List.of(
                new Arm("small", "B = " + SMALL + ", lr " + LR + ", " + epochs + " epochs", data, small.spec()),
                new Arm("large", "B = " + LARGE + ", lr " + LR + ", " + epochs + " epochs", data, large.spec()),
                new Arm("large-equal-steps", "B = " + LARGE + ", lr " + LR + ", " + smallSteps
                        + " steps (as many as the small batch)", data, large.withSteps(smallSteps).spec()),
                new Arm("large-scaled-lr", "B = " + LARGE + ", lr " + LR + " x sqrt(" + LARGE + "/" + SMALL + "), "
                        + epochs + " epochs", data, large.withLr(LR, LrScaling.SQRT, SMALL).spec()));
    }

    @Override
    public Judgement judge(ArmResults results) {
        String gap = GeneralizationGap.GAP_ACCURACY;
        String sharp = Sharpness.HESSIAN_MAX_EIG;
        List<ClaimResult> claims = List.of(
                ClaimResult.judge("large-batch-larger-gap", "The large batch generalizes worse than the small one.",
                        "gap_accuracy at B = " + LARGE + " minus at B = " + SMALL + " (same epochs, same lr)", "accuracy",
                        Effect.difference(results.values("large", LARGE, gap), results.values("small", SMALL, gap),
                                Effect.LEVEL),
                        new ClaimRule.Sign(true)),
                ClaimResult.judge("large-batch-sharper", "The large batch ends in a sharper minimum.",
                        "hessian_max_eig at B = " + LARGE + " minus at B = " + SMALL, "loss curvature (nats per unit^2)",
                        Effect.difference(results.values("large", LARGE, sharp), results.values("small", SMALL, sharp),
                                Effect.LEVEL),
                        new ClaimRule.Sign(true)),
                ClaimResult.judge("train-longer-closes-gap",
                        "Training the large batch for as many updates as the small one shrinks its gap.",
                        "gap_accuracy of the large batch at equal epochs minus at equal steps", "accuracy",
                        Effect.difference(results.values("large", LARGE, gap),
                                results.values("large-equal-steps", LARGE, gap), Effect.LEVEL),
                        new ClaimRule.Sign(true)),
                ClaimResult.judge("scaled-lr-closes-gap", "Scaling the large batch's learning rate shrinks its gap.",
                        "gap_accuracy of the large batch at lr " + LR + " minus at the scaled lr", "accuracy",
                        Effect.difference(results.values("large", LARGE, gap),
                                results.values("large-scaled-lr", LARGE, gap), Effect.LEVEL),
                        new ClaimRule.Sign(true)));
        double[] small = {SMALL};
        double[] large = {LARGE};
        EffectChart chart = new EffectChart("Generalization gap of each arm", "batch size", "gap_accuracy (train - held-out)",
                true, List.of(
                        EffectChart.Line.of("small batch", small, List.of(results.values("small", SMALL, gap))),
                        EffectChart.Line.of("large, same epochs", large, List.of(results.values("large", LARGE, gap))),
                        EffectChart.Line.of("large, equal steps", large,
                                List.of(results.values("large-equal-steps", LARGE, gap))),
                        EffectChart.Line.of("large, scaled lr", large,
                                List.of(results.values("large-scaled-lr", LARGE, gap)))));
        return new Judgement(claims, chart, List.of());
    }
}
