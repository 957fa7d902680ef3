package org.batchscope.analyzer.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.batchscope.analyzer.sharpness.Sharpness;
import org.batchscope.analyzer.sweep.BatchSize;

/**
 * {@code edge-of-stability}: under full-batch gradient descent the top Hessian eigenvalue rises until it
 * reaches 2/lr and then hovers there while the loss keeps falling non-monotonically (Cohen et al. 2021).
 * Full-batch GD of the MLP on a small table at several learning rates; the measure is the ratio of the
 * final sharpness ({@code hessian_max_eig} of the training loss, on the whole training set since it is
 * at most the sharpness sample) to the stability threshold 2/lr: ratio = lambda_max lr / 2. The claim
 * holds when the ratio, pooled over learning rates and seeds, is within {@value #MARGIN} of 1.
 */
final class EdgeOfStabilityExperiment implements Experiment {

    static final double[] LRS = {0.05, 0.1, 0.2};
    static final double MARGIN = 0.2;
    static final int TRAIN = 256;

    @Override
    public String name() {
        return "edge-of-stability";
    }

    @Override
    public String summary() {
        return "full-batch GD: the top Hessian eigenvalue rises to 2/lr and hovers there";
    }

    @Override
    public String claim() {
        return "Under full-batch gradient descent the top Hessian eigenvalue rises until it reaches 2/lr and then"
                + " hovers there while the loss keeps falling non-monotonically.";
    }

    @Override
    public String source() {
        return "Cohen et al. 2021, Gradient Descent on Neural Networks Typically Occurs at the Edge of Stability";
    }

    static String armName(double lr) {
        return "lr" + java.math.BigDecimal.valueOf(lr).stripTrailingZeros().toPlainString();
    }

    @Override
    public List<Arm> arms(Scale scale, int threads) {
        DatasetRecipe data = TabularRecipes.table("table-r0.3-n" + TRAIN, 0.3, TRAIN);
        long epochs = scale.pick(300, 2000, 8000);
        List<Arm> arms = new ArrayList<>();
        for (double lr : LRS) {
            ArmSweeps sweep = ArmSweeps.of("mlp", List.of(1), scale.pick(2, 3, 5), epochs, lr, threads)
                    .withBatchSizes(List.of(BatchSize.FULL)).withEvaluation(1, (int) Math.max(1, epochs / 50), 0);
            arms.add(new Arm(armName(lr), "full-batch GD, lr " + lr + " (2/lr = " + 2 / lr + "), " + epochs + " steps",
                    data, sweep.spec()));
        }
        return arms;
    }

    @Override
    public Judgement judge(ArmResults results) {
        List<Double> ratios = new ArrayList<>();
        List<double[]> perLr = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (double lr : LRS) {
            String arm = armName(lr);
            int n = results.cells(arm).get(0).batchSize();
            double[] r = Arrays.stream(results.values(arm, n, Sharpness.HESSIAN_MAX_EIG)).map(l -> l * lr / 2).toArray();
            perLr.add(r);
            Arrays.stream(r).forEach(ratios::add);
            notes.add(String.format(Locale.ROOT, "lr %s: lambda_max lr / 2 = %s over %d seeds", lr,
                    Arrays.toString(Arrays.stream(r).map(v -> Math.round(v * 1000) / 1000.0).toArray()), r.length));
        }
        double[] centred = ratios.stream().mapToDouble(v -> v - 1).toArray();
        ClaimResult atEdge = ClaimResult.judge("sharpness-at-2-over-lr",
                "At the end of full-batch training the top Hessian eigenvalue sits at 2/lr.",
                "lambda_max lr / 2 - 1, pooled over learning rates and seeds", "ratio",
                Effect.mean(centred, Effect.LEVEL), new ClaimRule.Equivalence(MARGIN, "(ratio - 1)"));
        EffectChart chart = new EffectChart("Final sharpness relative to the stability threshold 2/lr",
                "learning rate", "lambda_max lr / 2 (1 = at the edge)", true,
                List.of(EffectChart.Line.of("full-batch GD", LRS, perLr)));
        return new Judgement(List.of(atEdge), chart, notes);
    }
}
