package org.batchscope.analyzer.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.batchscope.analyzer.sweep.BatchSize;
import org.batchscope.analyzer.sweep.RunCost;
import org.batchscope.analyzer.sweep.RunMetrics;

/**
 * {@code gd-variants}: batch, stochastic and minibatch gradient descent (B = full, 1 and
 * {@value #MINIBATCH}) on the same table with the same learning rate and epochs. Noise = the
 * {@code minibatch_loss_detrended_std} (spread of each step's training loss around its trend over the
 * last half of the run); progress per epoch = the final validation loss; cost = seconds per epoch.
 */
final class GdVariantsExperiment implements Experiment {

    static final int MINIBATCH = 32;
    static final double LR = 0.05;

    @Override
    public String name() {
        return "gd-variants";
    }

    @Override
    public String summary() {
        return "batch, stochastic and minibatch gradient descent on the same data: noise, loss per epoch and per second";
    }

    @Override
    public String claim() {
        return "Stochastic gradient descent (B = 1) is the noisiest and batch gradient descent the smoothest; per"
                + " epoch, minibatch descent gets further than batch descent, and costs far less time than B = 1.";
    }

    @Override
    public String source() {
        return "the textbook comparison of batch, stochastic and minibatch gradient descent (e.g. Goodfellow,"
                + " Bengio and Courville 2016, section 8.1.3)";
    }

    @Override
    public List<Arm> arms(Scale scale, int threads) {
        DatasetRecipe data = TabularRecipes.table("table-r0.3", 0.3, scale.pick(512, 2048, 8192));
        ArmSweeps sweep = ArmSweeps.of("mlp", List.of(1), scale.pick(2, 3, 5), scale.pick(4, 10, 20), LR, threads)
                .withBatchSizes(List.of(BatchSize.parse("1"), BatchSize.parse(String.valueOf(MINIBATCH)), BatchSize.FULL))
                .withEvaluation(4, null, 0);
        return List.of(new Arm("variants", "B = 1, " + MINIBATCH + " and full at lr " + LR, data, sweep.spec()));
    }

    @Override
    public Judgement judge(ArmResults results) {
        String arm = "variants";
        int full = results.cells(arm).stream().mapToInt(c -> c.batchSize()).max().orElseThrow();
        String noise = RunMetrics.MINIBATCH_LOSS_PREFIX + "detrended_std";
        String loss = RunMetrics.FINAL_VALIDATION_LOSS;
        List<ClaimResult> claims = List.of(
                ClaimResult.judge("sgd-noisiest", "Stochastic descent's training loss is noisier than minibatch descent's.",
                        noise + " at B = 1 minus at B = " + MINIBATCH, "nats",
                        Effect.difference(results.values(arm, 1, noise), results.values(arm, MINIBATCH, noise),
                                Effect.LEVEL),
                        new ClaimRule.Sign(true)),
                ClaimResult.judge("batch-smoothest", "Batch descent's training loss is smoother than minibatch descent's.",
                        noise + " at B = " + MINIBATCH + " minus at B = full", "nats",
                        Effect.difference(results.values(arm, MINIBATCH, noise), results.values(arm, full, noise),
                                Effect.LEVEL),
                        new ClaimRule.Sign(true)),
                ClaimResult.judge("minibatch-further-per-epoch",
                        "In the same epochs, minibatch descent reaches a lower validation loss than batch descent.",
                        "final validation loss at B = full minus at B = " + MINIBATCH, "nats",
                        Effect.difference(results.values(arm, full, loss), results.values(arm, MINIBATCH, loss),
                                Effect.LEVEL),
                        new ClaimRule.Sign(true)),
                ClaimResult.judge("sgd-slowest-per-epoch", "An epoch of stochastic descent takes longer than one of"
                        + " minibatch descent.", "seconds per epoch at B = 1 minus at B = " + MINIBATCH, "seconds",
                        Effect.difference(results.timing(arm, 1, RunCost.SECONDS_PER_EPOCH),
                                results.timing(arm, MINIBATCH, RunCost.SECONDS_PER_EPOCH), Effect.LEVEL),
                        new ClaimRule.Sign(true)));
        int[] sizes = {1, MINIBATCH, full};
        double[] x = Arrays.stream(sizes).asDoubleStream().toArray();
        EffectChart chart = new EffectChart("Final validation loss of batch, minibatch and stochastic descent",
                "batch size", "final validation loss (nats)", true, List.of(EffectChart.Line.of("same epochs", x,
                        Arrays.stream(sizes).mapToObj(b -> results.values(arm, b, loss)).toList())));
        List<String> notes = new ArrayList<>();
        for (int b : sizes) {
            notes.add(String.format(Locale.ROOT, "B = %s: final validation loss %.4f, %s %.5f, %.4f s per epoch",
                    b == full ? "full (" + full + ")" : String.valueOf(b), mean(results.values(arm, b, loss)), noise,
                    mean(results.values(arm, b, noise)), mean(results.timing(arm, b, RunCost.SECONDS_PER_EPOCH))));
        }
        return new Judgement(claims, chart, notes);
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }
}
