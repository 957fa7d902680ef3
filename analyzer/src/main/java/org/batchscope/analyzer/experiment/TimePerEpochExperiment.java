package org.batchscope.analyzer.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.batchscope.analyzer.sweep.RunCost;
import org.batchscope.analyzer.sweep.RunMetrics;

/**
 * {@code time-per-epoch}: seconds per step and per epoch against the batch size on this machine, with
 * one run at a time ({@code one-thread}) and with as many runs at once as there are cores
 * ({@code all-threads}), and seconds to the target accuracy. Seconds per step = seconds per epoch /
 * steps per epoch. The claims: a larger batch costs fewer seconds per epoch, and reaches the target
 * accuracy in fewer seconds. Also reported: from which batch size on one step costs more than twice a
 * step at B = 1. Wall-clock measures: they vary with the machine and its load.
 */
final class TimePerEpochExperiment implements Experiment {

    static final int[] BATCH_SIZES = {1, 4, 16, 64, 256};
    static final double LR = 0.05;

    @Override
    public String name() {
        return "time-per-epoch";
    }

    @Override
    public String summary() {
        return "seconds per step, per epoch and to a target accuracy against the batch size, at one and all threads";
    }

    @Override
    public String claim() {
        return "A larger batch costs fewer seconds per epoch and reaches the same accuracy in fewer seconds.";
    }

    @Override
    public String source() {
        return "common practice (\"use the largest batch that fits\"); Shallue et al. 2019, Measuring the Effects of"
                + " Data Parallelism on Neural Network Training";
    }

    @Override
    public List<Arm> arms(Scale scale, int threads) {
        DatasetRecipe data = TabularRecipes.table("table-r0.3", 0.3, scale.pick(1024, 4096, 16384));
        ArmSweeps sweep = ArmSweeps.of("mlp", Arrays.stream(BATCH_SIZES).boxed().toList(), scale.pick(2, 3, 5),
                scale.pick(3, 5, 10), LR, 1).withEvaluation(4, null, 0);
        int cores = Math.max(1, threads);
        return List.of(new Arm("one-thread", "one run at a time", data, sweep.spec()),
                new Arm("all-threads", cores + " runs at once", data, sweep.withThreads(cores).spec()));
    }

    @Override
    public Judgement judge(ArmResults results) {
        int small = BATCH_SIZES[0];
        int large = BATCH_SIZES[BATCH_SIZES.length - 1];
        String arm = "one-thread";
        List<ClaimResult> claims = List.of(
                ClaimResult.judge("larger-batch-cheaper-epoch", "An epoch at B = " + large + " takes fewer seconds than at"
                        + " B = " + small + ".", "seconds per epoch at B = " + small + " minus at B = " + large
                        + " (one run at a time)", "seconds",
                        Effect.difference(results.timing(arm, small, RunCost.SECONDS_PER_EPOCH),
                                results.timing(arm, large, RunCost.SECONDS_PER_EPOCH), Effect.LEVEL),
                        new ClaimRule.Sign(true)),
                ClaimResult.judge("larger-batch-faster-to-target", "B = " + large + " reaches the target accuracy in fewer"
                        + " seconds than B = " + small + ".", "seconds to target at B = " + small + " minus at B = " + large
                        + " (seeds that reach it; one run at a time)", "seconds",
                        Effect.difference(results.secondsToTarget(arm, small), results.secondsToTarget(arm, large),
                                Effect.LEVEL),
                        new ClaimRule.Sign(true)));
        double[] x = Arrays.stream(BATCH_SIZES).asDoubleStream().toArray();
        List<EffectChart.Line> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String a : List.of("one-thread", "all-threads")) {
            lines.add(EffectChart.Line.of(a, x, Arrays.stream(BATCH_SIZES).mapToObj(b -> secondsPerStep(results, a, b))
                    .toList()));
            double base = mean(secondsPerStep(results, a, small));
            String crossover = "no batch size up to " + large;
            StringBuilder line = new StringBuilder(a + ": seconds per step relative to B = " + small + ":");
            for (int b : BATCH_SIZES) {
                double ratio = mean(secondsPerStep(results, a, b)) / base;
                line.append(String.format(Locale.ROOT, " B=%d %.2fx;", b, ratio));
                if (crossover.startsWith("no") && ratio > 2) {
                    crossover = "B = " + b;
                }
            }
            notes.add(line + " a step first costs more than twice a step at B = " + small + " at " + crossover);
        }
        EffectChart chart = new EffectChart("Seconds per training step by batch size", "batch size", "seconds per step",
                true, lines);
        return new Judgement(claims, chart, notes);
    }

    /** @return seconds per step of each finished seed: seconds per epoch / steps per epoch */
    private static double[] secondsPerStep(ArmResults results, String arm, int batchSize) {
        double[] perEpoch = results.timing(arm, batchSize, RunCost.SECONDS_PER_EPOCH);
        double[] steps = results.values(arm, batchSize, RunMetrics.STEPS_PER_EPOCH);
        double stepsPerEpoch = steps.length > 0 ? steps[0] : Double.NaN;
        return Arrays.stream(perEpoch).map(s -> s / stepsPerEpoch).toArray();
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }
}
