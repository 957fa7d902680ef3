package org.batchscope.analyzer.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.Objects;
import java.util.stream.Collectors;
import org.batchscope.analyzer.metrics.AveragedNoiseScale;
import org.batchscope.analyzer.metrics.RunState;
import org.batchscope.analyzer.metrics.SeedStatistics;
import org.batchscope.analyzer.metrics.VarianceSplit;
import org.batchscope.analyzer.sharpness.Sharpness;
import org.batchscope.common.files.RunFile;

/**
 * The statistics of one cell (the runs of one dataset, learning rate and batch size that differ only
 * in seed), from their stored results. For every run metric M over the cell's completed runs that have
 * it: {@code M_mean}, {@code M_std} (sample std) and the Student-t 95% interval of the mean
 * {@code M_ci_low}, {@code M_ci_high} ({@link SeedStatistics}; {@code seeds} says how many runs it rests on);
 * the runs' {@code state}s in seed order, separated by {@code ;}, and {@code state_<name>}, how many runs
 * are in each {@link RunState} (diverged runs are counted there and in {@code diverged}, failed runs in
 * {@code failed}: neither enters the means);
 * and for the validation accuracy curves the split {@code within_run_variance} /
 * {@code between_run_variance} ({@link VarianceSplit}, each run over its last ceil(T/2) evaluations).
 * Std, interval and between-run variance are absent (null) with a single completed seed. The same
 * statistics cover the time-dependent measures: {@link RunCost}'s {@code seconds_per_epoch} and
 * {@code samples_per_second} from each run's {@code timing}, and, given a target accuracy,
 * {@link TargetAccuracy}'s {@code steps_to_target} and {@code seconds_to_target} over the runs that reach it
 * (with their count, {@code target_reached}).
 *
 * @param dataset      the dataset's index in the sweep
 * @param ratio        the dataset's r, or null
 * @param lr           the base learning rate
 * @param lrEffective  the learning rate the cell's runs used
 * @param batchSize    the batch size
 * @param batchLabel   the batch size as the user named it: {@code full} or the number
 * @param runs         the cell's stored results, in seed order
 */
public record CellSummary(int dataset, Double ratio, double lr, double lrEffective, int batchSize, String batchLabel,
        List<RunFile<RunSpec, Sharpness>> runs) {

    /**
     * The measures that depend on wall-clock time, so differ between reruns of the same sweep: a row's
     * columns that start with one of these names.
     */
    public static final List<String> TIME_DEPENDENT = List.of(RunCost.WALL_SECONDS, RunCost.SECONDS_PER_EPOCH,
            RunCost.SAMPLES_PER_SECOND, TargetAccuracy.SECONDS_TO_TARGET);

    /** @return the completed runs */
    public List<RunFile<RunSpec, Sharpness>> completed() {
        return runs.stream().filter(RunFile::completed).toList();
    }

    /** @return the number of runs with {@code status} */
    public long count(String status) {
        return runs.stream().filter(r -> r.status().equals(status)).count();
    }

    /** @return the state of each run that has one (completed and diverged runs), in seed order */
    public List<RunState> states() {
        return runs.stream().map(r -> RunState.fromFileName(r.state())).filter(Objects::nonNull).toList();
    }

    /** @return how many runs are in {@code state} */
    public long count(RunState state) {
        return states().stream().filter(state::equals).count();
    }

    /** @return the {@code lr_scaling} of the cell's runs ({@code fixed}, {@code linear}, {@code sqrt}), or null */
    public String lrScaling() {
        return runs.stream().map(r -> r.config() == null ? null : r.config().lrScaling()).filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    /** @return metric {@code name} of each completed run that has a finite one */
    public double[] values(String name) {
        return completed().stream().map(r -> r.metrics().get(name)).filter(v -> v != null && Double.isFinite(v))
                .mapToDouble(Double::doubleValue).toArray();
    }

    /** @return timing field {@code name} ({@link RunCost}) of each completed run that has a finite one */
    public double[] timingValues(String name) {
        return completed().stream().mapToDouble(r -> RunCost.field(r.timing(), name)).filter(Double::isFinite)
                .toArray();
    }

    /** @return the mean of metric {@code name} over completed runs, NaN when none has it */
    public double mean(String name) {
        return mean(values(name));
    }

    /** @return the mean of {@code values}, NaN when empty */
    static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElse(Double.NaN);
    }

    /**
     * @return the steps ({@code seconds} false) or training seconds ({@code seconds} true) to
     *         {@code target} of each completed run that reaches it
     */
    public double[] toTarget(double target, boolean seconds) {
        List<Double> out = new ArrayList<>();
        for (RunFile<RunSpec, Sharpness> run : completed()) {
            double[] atEvaluation = run.timing().trainingSecondsAtEvaluation();
            TargetAccuracy.firstReached(run, target).ifPresent(i -> out.add(seconds
                    ? (i < atEvaluation.length ? atEvaluation[i] : Double.NaN)
                    : run.evaluations().get(i).step()));
        }
        return out.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
    }

    /**
     * @return the gradient-noise estimates (tr(Sigma) in [0], |G|^2 in [1]) of the probes in the last
     *         half of every completed run ({@code gradient_probes}, as {@link RunMetrics} takes them)
     */
    public double[][] lastHalfProbeEstimates() {
        List<double[]> rows = new ArrayList<>();
        for (RunFile<RunSpec, Sharpness> run : completed()) {
            List<RunFile.ProbeRow> probes = run.probes();
            for (int i = probes.size() / 2; i < probes.size(); i++) {
                rows.add(new double[] {probes.get(i).traceCovariance(), probes.get(i).squaredNorm()});
            }
        }
        return new double[][] {rows.stream().mapToDouble(r -> r[0]).toArray(), rows.stream().mapToDouble(r -> r[1]).toArray()};
    }

    /** @return {@link RunMetrics#noiseScale} over the probes of {@link #lastHalfProbeEstimates}, null when none */
    public AveragedNoiseScale noiseScale() {
        double[][] estimates = lastHalfProbeEstimates();
        return RunMetrics.noiseScale(estimates[0], estimates[1]);
    }

    /**
     * @param targetAccuracy the dataset's target accuracy, or NaN for none
     * @return the cell's row: identifying columns, then the statistics of every metric, sorted by name
     */
    public Map<String, Object> row(double targetAccuracy) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dataset", dataset);
        row.put("ratio", ratio);
        row.put("batch_size", batchSize);
        row.put("batch_label", batchLabel);
        row.put("lr", lr);
        row.put("lr_effective", lrEffective);
        row.put("lr_over_batch", lrEffective / batchSize);
        row.put("seeds", completed().size());
        row.put("diverged", count(RunResult.DIVERGED));
        row.put("failed", count(RunResult.FAILED));
        row.put("state", states().stream().map(RunState::fileName).collect(Collectors.joining(";")));
        for (RunState state : RunState.values()) {
            row.put("state_" + state.fileName(), count(state));
        }
        TreeSet<String> names = new TreeSet<>();
        for (RunFile<RunSpec, Sharpness> run : completed()) {
            names.addAll(run.metrics().keySet());
        }
        for (String name : names) {
            putStatistics(row, name, values(name));
        }
        putStatistics(row, RunCost.SECONDS_PER_EPOCH, timingValues(RunCost.SECONDS_PER_EPOCH));
        putStatistics(row, RunCost.SAMPLES_PER_SECOND, timingValues(RunCost.SAMPLES_PER_SECOND));
        if (Double.isFinite(targetAccuracy)) {
            double[] steps = toTarget(targetAccuracy, false);
            putStatistics(row, TargetAccuracy.STEPS_TO_TARGET, steps);
            putStatistics(row, TargetAccuracy.SECONDS_TO_TARGET, toTarget(targetAccuracy, true));
            row.put(TargetAccuracy.TARGET_REACHED, steps.length);
        }
        List<double[]> curves = new ArrayList<>();
        for (RunFile<RunSpec, Sharpness> run : completed()) {
            double[] curve = run.evaluations().stream().mapToDouble(RunFile.EvaluationRow::validationAccuracy).toArray();
            if (curve.length >= 3) {
                curves.add(curve);
            }
        }
        if (!curves.isEmpty()) {
            VarianceSplit split = VarianceSplit.of(curves.toArray(double[][]::new));
            row.put("within_run_variance", finite(split.withinRun()));
            row.put("between_run_variance", finite(split.betweenRun()));
        }
        double[] wall = runs.stream().mapToDouble(r -> r.timing().wallSeconds()).toArray();
        row.put("wall_seconds_mean", java.util.Arrays.stream(wall).average().orElse(Double.NaN));
        return row;
    }

    private static void putStatistics(Map<String, Object> row, String name, double[] values) {
        if (values.length == 0) {
            return;
        }
        SeedStatistics stats = SeedStatistics.of(values);
        row.put(name + "_mean", finite(stats.mean()));
        row.put(name + "_std", finite(stats.std()));
        row.put(name + "_ci_low", finite(stats.ci95().low()));
        row.put(name + "_ci_high", finite(stats.ci95().high()));
    }

    /** @return {@code v}, or null when it is not finite (written as an empty field / JSON null) */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
