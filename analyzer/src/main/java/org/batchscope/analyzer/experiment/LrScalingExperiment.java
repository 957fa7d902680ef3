package org.batchscope.analyzer.experiment;

import java.util.Arrays;
import java.util.List;
import org.batchscope.analyzer.sweep.LrScaling;
import org.batchscope.analyzer.sweep.RunMetrics;

/**
 * {@code lr-scaling}: with the learning rate fixed, larger batches train worse in the same epochs; with
 * the learning rate scaled linearly with the batch size (Goyal et al. 2017: lr = {@value #BASE_LR} x
 * B / {@value #REFERENCE_BATCH}), batch sizes from {@value #REFERENCE_BATCH} up reach nearly the same
 * accuracy. MLP on a feature-dominant table (r = 0.3), equal epochs.
 */
final class LrScalingExperiment implements Experiment {

    static final double BASE_LR = 0.02;
    static final int REFERENCE_BATCH = 64;
    /** Accuracy difference that counts as "nearly the same" (2 points). */
    static final double MARGIN = 0.02;

    @Override
    public String name() {
        return "lr-scaling";
    }

    @Override
    public String summary() {
        return "fixed lr: larger batches train worse; linearly scaled lr: batch sizes 64 to 1024 reach the same accuracy";
    }

    @Override
    public String claim() {
        return "With the learning rate fixed, larger batches train worse in the same number of epochs; with the"
                + " learning rate scaled linearly with the batch size, the results of batch sizes 64 to 1024 nearly"
                + " coincide.";
    }

    @Override
    public String source() {
        return "Goyal et al. 2017, Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour (linear scaling rule)";
    }

    static int[] batchSizes(Scale scale) {
        return scale == Scale.SMALL ? new int[] {64, 128, 256} : new int[] {64, 128, 256, 512, 1024};
    }

    @Override
    public List<Arm> arms(Scale scale, int threads) {
        DatasetRecipe data = TabularRecipes.table("table-r0.3", 0.3, scale.pick(1024, 4096, 16384));
        ArmSweeps base = ArmSweeps.of("mlp", Arrays.stream(batchSizes(scale)).boxed().toList(), scale.pick(2, 4, 8),
                scale.pick(5, 10, 20), BASE_LR, threads).withEvaluation(2, null, 0);
        return List.of(
                new Arm("fixed", "lr " + BASE_LR + " at every batch size", data,
                        base.withLr(BASE_LR, LrScaling.FIXED, REFERENCE_BATCH).spec()),
                new Arm("linear", "lr " + BASE_LR + " x B / " + REFERENCE_BATCH + " (linear scaling)", data,
                        base.withLr(BASE_LR, LrScaling.LINEAR, REFERENCE_BATCH).spec()));
    }

    @Override
    public Judgement judge(ArmResults results) {
        int[] sizes = results.cells("fixed").stream().mapToInt(c -> c.batchSize()).sorted().toArray();
        int smallest = sizes[0];
        int largest = sizes[sizes.length - 1];
        String acc = RunMetrics.FINAL_ACCURACY;
        ClaimResult worse = ClaimResult.judge("fixed-lr-large-batch-worse",
                "With the learning rate fixed, the largest batch ends less accurate than the smallest.",
                "final accuracy at B = " + smallest + " minus at B = " + largest + " (fixed lr)", "accuracy",
                Effect.difference(results.values("fixed", smallest, acc), results.values("fixed", largest, acc),
                        Effect.LEVEL),
                new ClaimRule.Sign(true));
        ClaimResult coincide = ClaimResult.judge("linear-scaling-coincides",
                "With the learning rate scaled linearly, the largest and the smallest batch end equally accurate"
                        + " (within " + MARGIN + ").",
                "final accuracy at B = " + largest + " minus at B = " + smallest + " (linear scaling)", "accuracy",
                Effect.difference(results.values("linear", largest, acc), results.values("linear", smallest, acc),
                        Effect.LEVEL),
                new ClaimRule.Equivalence(MARGIN, "accuracy"));
        double[] x = Arrays.stream(sizes).asDoubleStream().toArray();
        EffectChart chart = new EffectChart("Final accuracy by batch size, fixed and linearly scaled learning rate",
                "batch size", "final validation accuracy", true, List.of(
                        EffectChart.Line.of("fixed lr", x,
                                Arrays.stream(sizes).mapToObj(b -> results.values("fixed", b, acc)).toList()),
                        EffectChart.Line.of("linear scaling", x,
                                Arrays.stream(sizes).mapToObj(b -> results.values("linear", b, acc)).toList())));
        return new Judgement(List.of(worse, coincide), chart, List.of());
    }
}
