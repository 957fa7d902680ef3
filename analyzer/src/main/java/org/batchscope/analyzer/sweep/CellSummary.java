package org.batchscope.analyzer.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.batchscope.analyzer.metrics.SeedStatistics;
import org.batchscope.analyzer.metrics.VarianceSplit;

/**
 * The statistics of one cell (the runs of one dataset, learning rate and batch size that differ only
 * in seed), from their stored results. For every run metric M over the cell's completed runs that have
 * it: {@code M_mean}, {@code M_std} (sample std) and the percentile-bootstrap 95% interval
 * {@code M_ci_low}, {@code M_ci_high} ({@link SeedStatistics}, bootstrap seed {@value #BOOTSTRAP_SEED});
 * and for the validation accuracy curves the split {@code within_run_variance} /
 * {@code between_run_variance} ({@link VarianceSplit}, each run over its last ceil(T/2) evaluations).
 * Std, interval and between-run variance are absent (null) with a single completed seed.
 *
 * @param dataset      the dataset's index in the sweep
 * @param ratio        the dataset's r, or null
 * @param lr           the base learning rate
 * @param lrEffective  the learning rate the cell's runs used
 * @param batchSize    the batch size
 * @param runs         the cell's stored results, in seed order
 */
public record CellSummary(int dataset, Double ratio, double lr, double lrEffective, int batchSize, List<JsonNode> runs) {

    /** The bootstrap seed of every cell's intervals (fixed: summaries are reproducible). */
    public static final long BOOTSTRAP_SEED = 0;

    /** @return the completed runs */
    public List<JsonNode> completed() {
        return runs.stream().filter(r -> r.path("status").asText().equals(RunResult.COMPLETED)).toList();
    }

    /** @return the number of runs with {@code status} */
    public long count(String status) {
        return runs.stream().filter(r -> r.path("status").asText().equals(status)).count();
    }

    /** @return metric {@code name} of each completed run that has it */
    public double[] values(String name) {
        return completed().stream().map(r -> r.path("metrics").path(name)).filter(JsonNode::isNumber)
                .mapToDouble(JsonNode::asDouble).toArray();
    }

    /** @return the mean of metric {@code name} over completed runs, NaN when none has it */
    public double mean(String name) {
        double[] v = values(name);
        return v.length == 0 ? Double.NaN : java.util.Arrays.stream(v).average().orElseThrow();
    }

    /** @return the cell's row: identifying columns, then the statistics of every metric, sorted by name */
    public Map<String, Object> row() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dataset", dataset);
        row.put("ratio", ratio);
        row.put("batch_size", batchSize);
        row.put("lr", lr);
        row.put("lr_effective", lrEffective);
        row.put("lr_over_batch", lrEffective / batchSize);
        row.put("seeds", completed().size());
        row.put("diverged", count(RunResult.DIVERGED));
        row.put("failed", count(RunResult.FAILED));
        TreeSet<String> names = new TreeSet<>();
        for (JsonNode run : completed()) {
            for (Iterator<String> it = run.path("metrics").fieldNames(); it.hasNext();) {
                names.add(it.next());
            }
        }
        for (String name : names) {
            SeedStatistics stats = SeedStatistics.of(values(name), BOOTSTRAP_SEED);
            row.put(name + "_mean", finite(stats.mean()));
            row.put(name + "_std", finite(stats.std()));
            row.put(name + "_ci_low", finite(stats.ci95().low()));
            row.put(name + "_ci_high", finite(stats.ci95().high()));
        }
        List<double[]> curves = new ArrayList<>();
        for (JsonNode run : completed()) {
            double[] curve = new double[run.path("evaluations").size()];
            for (int i = 0; i < curve.length; i++) {
                curve[i] = run.path("evaluations").get(i).path("validation_accuracy").asDouble();
            }
            if (curve.length >= 3) {
                curves.add(curve);
            }
        }
        if (!curves.isEmpty()) {
            VarianceSplit split = VarianceSplit.of(curves.toArray(double[][]::new));
            row.put("within_run_variance", finite(split.withinRun()));
            row.put("between_run_variance", finite(split.betweenRun()));
        }
        double[] wall = runs.stream().mapToDouble(r -> r.path("timing").path("wall_seconds").asDouble()).toArray();
        row.put("wall_seconds_mean", java.util.Arrays.stream(wall).average().orElse(Double.NaN));
        return row;
    }

    /** @return {@code v}, or null when it is not finite (written as an empty field / JSON null) */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
