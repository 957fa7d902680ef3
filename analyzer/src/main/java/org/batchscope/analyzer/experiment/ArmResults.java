package org.batchscope.analyzer.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.batchscope.analyzer.metrics.RunStateRule;
import org.batchscope.analyzer.sweep.CellSummary;
import org.batchscope.analyzer.sweep.RunResult;
import org.batchscope.analyzer.sweep.SweepSummary;

/**
 * The finished arms of an experiment, by arm name: each arm's cells (one per batch size, as each arm
 * trains one dataset at one learning rate).
 *
 * @param byArm each arm's sweep summary
 */
public record ArmResults(Map<String, SweepSummary> byArm) {

    public ArmResults {
        byArm = Map.copyOf(byArm);
    }

    /** @return the cells of {@code arm}, in batch-size order */
    public List<CellSummary> cells(String arm) {
        SweepSummary summary = byArm.get(arm);
        if (summary == null) {
            throw new IllegalArgumentException("no arm named " + arm);
        }
        return summary.cells();
    }

    /** @return the cell of {@code arm} at {@code batchSize} */
    public CellSummary cell(String arm, int batchSize) {
        return cells(arm).stream().filter(c -> c.batchSize() == batchSize).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("arm " + arm + " has no batch size " + batchSize));
    }

    /** @return metric {@code name} of each finished seed of {@code arm} at {@code batchSize} that has a finite value */
    public double[] values(String arm, int batchSize, String name) {
        return finite(cell(arm, batchSize).values(name));
    }

    /** @return metric {@code name} of every finished seed of every cell of {@code arm} */
    public double[] pooled(String arm, String name) {
        return finite(cells(arm).stream().flatMapToDouble(c -> Arrays.stream(c.values(name))).toArray());
    }

    /** @return timing field {@code name} of each finished seed of {@code arm} at {@code batchSize} */
    public double[] timing(String arm, int batchSize, String name) {
        return finite(cell(arm, batchSize).timingValues(name));
    }

    /**
     * @return the training seconds to the arm's target validation accuracy ({@link SweepSummary#targetAccuracy})
     *         of each finished seed of {@code arm} at {@code batchSize} that reaches it
     */
    public double[] secondsToTarget(String arm, int batchSize) {
        double target = byArm.get(arm).targetAccuracy(0);
        return Double.isFinite(target) ? finite(cell(arm, batchSize).toTarget(target, true)) : new double[0];
    }

    /** @return the training split's chance level of the arm's dataset (share of its most frequent class) */
    public double chance(String arm) {
        return byArm.get(arm).datasets().get(0).data().chance();
    }

    /** @return {@link RunStateRule#chanceMargin} at the arm's chance level and validation samples */
    public double chanceMargin(String arm) {
        SweepSummary summary = byArm.get(arm);
        return RunStateRule.chanceMargin(summary.datasets().get(0).data().chance(), summary.validationSamples(0));
    }

    /** @return the number of classes k of the arm's dataset */
    public int classes(String arm) {
        return byArm.get(arm).datasets().get(0).data().classes();
    }

    /** @return the runs of {@code arm} that diverged or failed */
    public long unfinished(String arm) {
        return cells(arm).stream().mapToLong(c -> c.count(RunResult.DIVERGED) + c.count(RunResult.FAILED)).sum();
    }

    private static double[] finite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }
}
