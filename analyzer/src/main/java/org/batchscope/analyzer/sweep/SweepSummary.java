package org.batchscope.analyzer.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.batchscope.analyzer.data.LoadedDataset;
import org.batchscope.analyzer.metrics.AveragedNoiseScale;
import org.batchscope.analyzer.metrics.BreakdownRatio;
import org.batchscope.analyzer.metrics.CriticalBatchFit;
import org.batchscope.analyzer.metrics.CriticalBatchSize;
import org.batchscope.analyzer.metrics.OscillationMetrics;
import org.batchscope.analyzer.metrics.SeedComparison;
import org.batchscope.analyzer.sharpness.Sharpness;
import org.batchscope.common.files.RunFile;
import org.batchscope.common.RandomStreams;

/**
 * The sweep's results gathered from the stored run files: its cells ({@link CellSummary}), the
 * comparisons between batch sizes, what each dataset's gradients say, and noise robustness.
 * <ul>
 *   <li>comparisons: for each dataset and learning rate, each pair of batch sizes A < B with
 *       completed seeds, {@code p_a_steadier} = P(A steadier than B) on validation-accuracy amplitude,
 *       the two-sided p-value of the exact Mann-Whitney test ({@link SeedComparison}), the seeds on
 *       each side, the smallest p those seeds can give, and {@code conclusion}: {@code a_steadier} or
 *       {@code b_steadier} when p <= {@value #ALPHA}, else {@code inconclusive};</li>
 *   <li>per dataset: {@code gradient_noise_scale} = mean tr(Sigma) / mean |G|^2 over the last-half
 *       probes of all completed runs pooled ({@link AveragedNoiseScale}; with {@code _low}, {@code _high},
 *       the probe count and the count of probes with |G|^2 <= 0); {@code critical_batch_measured}: per base
 *       learning rate whose cells reach the target accuracy at three or more batch sizes, B_noise from
 *       the steps to target ({@link CriticalBatchFit}) with its interval, S_min, E_min and the ratio
 *       B_noise / B_simple; the critical batch size B_crit ~ B_simple, and each tried batch size
 *       {@code below} or {@code at_or_above} it ({@link CriticalBatchSize});</li>
 *   <li>noise robustness, with two or more datasets of known r > 0: for each batch size and learning
 *       rate, final accuracy and amplitude (cell means) against r, and the breakdown ratio where the
 *       accuracy falls to chance + 0.05 or below ({@link BreakdownRatio}; chance = the datasets'
 *       mean chance level).</li>
 *   <li>per dataset: the target accuracy of "time to target" ({@link TargetAccuracy}) and the split the
 *       generalization gap is measured against ({@link GeneralizationGap}).</li>
 * </ul>
 *
 * @param datasets       the sweep's datasets
 * @param cells          the cells in plan order (dataset, learning rate, batch size)
 * @param targetAccuracy {@code --target-accuracy}, or null for the automatic target per dataset
 */
public record SweepSummary(List<SweepDataset> datasets, List<CellSummary> cells, Double targetAccuracy) {

    /** Significance level of the comparisons between batch sizes (two-sided). */
    public static final double ALPHA = 0.05;

    /** Bootstrap seed of the measured critical batch size's interval (fixed: summaries are reproducible). */
    static final long CRITICAL_BATCH_SEED = 0;

    /** Random stream (under {@link #CRITICAL_BATCH_SEED}) of the measured critical batch size's interval. */
    static final long CRITICAL_BATCH_STREAM = 43;

    /** Gathers the cells of {@code runs} from {@code store}; runs without a file are left out. */
    public static SweepSummary gather(List<PlannedRun> runs, List<SweepDataset> datasets, ResultsStore store,
            Double targetAccuracy) {
        Map<String, List<RunFile<RunSpec, Sharpness>>> byCell = new LinkedHashMap<>();
        Map<String, PlannedRun> first = new LinkedHashMap<>();
        for (PlannedRun run : runs) {
            String key = run.datasetIndex() + "/" + run.spec().lr() + "/" + run.batchSize();
            first.putIfAbsent(key, run);
            List<RunFile<RunSpec, Sharpness>> list = byCell.computeIfAbsent(key, k -> new ArrayList<>());
            store.read(run.hash()).ifPresent(list::add);
        }
        List<CellSummary> cells = new ArrayList<>();
        byCell.forEach((key, results) -> {
            PlannedRun run = first.get(key);
            cells.add(new CellSummary(run.datasetIndex(), datasets.get(run.datasetIndex()).ratio(), run.spec().lr(),
                    run.spec().run().optimizer().learningRate(), run.batchSize(), run.batchLabel(), results));
        });
        return new SweepSummary(List.copyOf(datasets), List.copyOf(cells), targetAccuracy);
    }

    /**
     * @return the target accuracy of dataset {@code d}: the given one, or the automatic one (NaN when no
     *         cell of the dataset has a final accuracy)
     */
    public double targetAccuracy(int d) {
        if (targetAccuracy != null) {
            return targetAccuracy;
        }
        double best = cellsOf(d).stream().mapToDouble(c -> c.mean(RunMetrics.FINAL_ACCURACY)).filter(Double::isFinite)
                .max().orElse(Double.NaN);
        return TargetAccuracy.auto(datasets.get(d).data().chance(), best);
    }

    /**
     * @return per base learning rate of dataset {@code d}, the critical batch size measured from steps to
     *         the dataset's target accuracy ({@link CriticalBatchFit}, 90% interval over seeds, bootstrap seed
     *         {@value #CRITICAL_BATCH_SEED}); rates whose cells have fewer than three batch sizes
     *         reaching the target are left out
     */
    public Map<Double, CriticalBatchFit> measuredCriticalBatch(int d) {
        Map<Double, CriticalBatchFit> out = new TreeMap<>();
        double target = targetAccuracy(d);
        if (!Double.isFinite(target)) {
            return out;
        }
        Map<Double, Map<Integer, double[]>> byLr = new TreeMap<>();
        for (CellSummary cell : cellsOf(d)) {
            byLr.computeIfAbsent(cell.lr(), k -> new TreeMap<>()).put(cell.batchSize(), cell.toTarget(target, false));
        }
        byLr.forEach((lr, steps) -> CriticalBatchFit.of(steps, 1000, 0.9,
                RandomStreams.stream(CRITICAL_BATCH_SEED, CRITICAL_BATCH_STREAM)).ifPresent(fit -> out.put(lr, fit)));
        return out;
    }

    /**
     * @return N, the validation samples each evaluation of dataset {@code d}'s runs scored: the subset
     *         {@code --validation-samples} names ({@link RunSpec#validationSamples()}, the same for every run of a
     *         sweep), or the whole validation split
     */
    public int validationSamples(int d) {
        return cellsOf(d).stream().flatMap(c -> c.runs().stream()).map(RunFile::config).filter(Objects::nonNull)
                .map(RunSpec::validationSamples).filter(Objects::nonNull).findFirst()
                .orElse(datasets.get(d).data().validation().count());
    }

    /** @return the cells of dataset {@code d} */
    public List<CellSummary> cellsOf(int d) {
        return cells.stream().filter(c -> c.dataset() == d).toList();
    }

    /** @return one row per cell */
    public List<Map<String, Object>> cellRows() {
        return cells.stream().map(c -> c.row(targetAccuracy(c.dataset()))).toList();
    }

    /** @return P(A steadier than B) for each dataset, learning rate and pair of batch sizes A < B */
    public List<Map<String, Object>> comparisons() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CellSummary a : cells) {
            for (CellSummary b : cells) {
                double[] ampA = a.values(OscillationMetrics.AMPLITUDE);
                double[] ampB = b.values(OscillationMetrics.AMPLITUDE);
                if (a.dataset() == b.dataset() && a.lr() == b.lr() && a.batchSize() < b.batchSize()
                        && ampA.length > 0 && ampB.length > 0) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("dataset", a.dataset());
                    row.put("ratio", a.ratio());
                    row.put("lr", a.lr());
                    row.put("batch_size_a", a.batchSize());
                    row.put("batch_size_b", b.batchSize());
                    double p = SeedComparison.pValue(ampA, ampB);
                    double probability = SeedComparison.probabilitySteadier(ampA, ampB);
                    row.put("seeds_a", ampA.length);
                    row.put("seeds_b", ampB.length);
                    row.put("p_a_steadier", probability);
                    row.put("p_value", p);
                    row.put("smallest_possible_p_value", SeedComparison.smallestPValue(ampA.length, ampB.length));
                    row.put("conclusion", p > ALPHA ? "inconclusive" : probability > 0.5 ? "a_steadier" : "b_steadier");
                    out.add(row);
                }
            }
        }
        return out;
    }

    /** @return B_simple over the pooled probes of dataset {@code d}'s completed runs, NaN when none has one */
    public double gradientNoiseScale(int d) {
        AveragedNoiseScale scale = pooledNoiseScale(d);
        return scale == null ? Double.NaN : scale.bSimple();
    }

    /**
     * @return {@link AveragedNoiseScale} over the last-half probes of every completed run of dataset
     *         {@code d} (all its cells pooled), null when there is none
     */
    public AveragedNoiseScale pooledNoiseScale(int d) {
        List<double[]> traces = new ArrayList<>();
        List<double[]> norms = new ArrayList<>();
        for (CellSummary cell : cellsOf(d)) {
            double[][] estimates = cell.lastHalfProbeEstimates();
            traces.add(estimates[0]);
            norms.add(estimates[1]);
        }
        return RunMetrics.noiseScale(traces.stream().flatMapToDouble(java.util.Arrays::stream).toArray(),
                norms.stream().flatMapToDouble(java.util.Arrays::stream).toArray());
    }

    /** @return one row per dataset: identity, sizes, chance, gradient noise scale and batch-size regimes */
    public List<Map<String, Object>> datasetRows() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int d = 0; d < datasets.size(); d++) {
            LoadedDataset data = datasets.get(d).data();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("dataset", d);
            row.put("source", data.source());
            row.put("kind", data.kind());
            row.put("content_sha256", data.contentSha256());
            row.put("ratio", datasets.get(d).ratio());
            row.put("achieved_ratio", data.achievedRatio());
            row.put("classes", data.classNames());
            row.put("chance", data.chance());
            row.put("chance_rule", "share of the most frequent class in the training labels");
            row.put("train", data.train().count());
            row.put("val", data.validation().count());
            row.put("val_evaluated", validationSamples(d));
            row.put("test", data.test() == null ? null : data.test().count());
            row.put("gap_split", GeneralizationGap.heldoutSplit(data));
            row.put("target_accuracy", CellSummary.finite(targetAccuracy(d)));
            row.put("target_rule", targetAccuracy != null ? "--target-accuracy" : TargetAccuracy.AUTO_RULE);
            AveragedNoiseScale pooled = pooledNoiseScale(d);
            double noiseScale = pooled == null ? Double.NaN : pooled.bSimple();
            row.put("gradient_noise_scale", CellSummary.finite(noiseScale));
            row.put("gradient_noise_scale_low", pooled == null ? null : CellSummary.finite(pooled.interval().low()));
            row.put("gradient_noise_scale_high", pooled == null ? null : CellSummary.finite(pooled.interval().high()));
            row.put("gradient_noise_probes", pooled == null ? 0 : pooled.probes());
            row.put("gradient_noise_nonpositive_probes", pooled == null ? 0 : pooled.nonPositiveProbes());
            row.put("critical_batch_size", CellSummary.finite(noiseScale));
            List<Map<String, Object>> measured = new ArrayList<>();
            measuredCriticalBatch(d).forEach((lr, fit) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("lr", lr);
                m.put("b_noise", CellSummary.finite(fit.bNoise()));
                m.put("b_noise_low", CellSummary.finite(fit.interval().low()));
                m.put("b_noise_high", CellSummary.finite(fit.interval().high()));
                m.put("steps_min", CellSummary.finite(fit.stepsMin()));
                m.put("examples_min", CellSummary.finite(fit.examplesMin()));
                m.put("batch_sizes", fit.batchSizes());
                m.put("seeds_per_batch", fit.seedsPerBatch());
                m.put("b_noise_over_b_simple", CellSummary.finite(fit.bNoise() / noiseScale));
                measured.add(m);
            });
            row.put("critical_batch_measured", measured);
            if (noiseScale > 0) {
                int[] batches = cellsOf(d).stream().mapToInt(CellSummary::batchSize).distinct().sorted().toArray();
                Map<String, List<Integer>> regimes = new TreeMap<>();
                CriticalBatchSize.classify(noiseScale, batches).forEach((b, regime) -> regimes
                        .computeIfAbsent(regime.name().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(b));
                row.put("batch_sizes_by_regime", regimes);
            }
            out.add(row);
        }
        return out;
    }

    /** @return per batch size and learning rate: accuracy and amplitude against r, and the breakdown ratio */
    public List<Map<String, Object>> noiseRobustness() {
        List<Map<String, Object>> out = new ArrayList<>();
        long ratios = datasets.stream().filter(d -> d.ratio() != null && d.ratio() > 0).count();
        if (ratios < 2) {
            return out;
        }
        Map<String, List<CellSummary>> groups = new LinkedHashMap<>();
        for (CellSummary c : cells) {
            if (c.ratio() != null && c.ratio() > 0 && c.values(RunMetrics.FINAL_ACCURACY).length > 0) {
                groups.computeIfAbsent(c.batchSize() + "/" + c.lr(), k -> new ArrayList<>()).add(c);
            }
        }
        double chance = datasets.stream().mapToDouble(d -> d.data().chance()).average().orElseThrow();
        groups.forEach((key, group) -> {
            List<CellSummary> sorted = group.stream().sorted(java.util.Comparator.comparingDouble(CellSummary::ratio)).toList();
            double[] r = sorted.stream().mapToDouble(CellSummary::ratio).toArray();
            double[] accuracy = sorted.stream().mapToDouble(c -> c.mean(RunMetrics.FINAL_ACCURACY)).toArray();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("batch_size", sorted.get(0).batchSize());
            row.put("lr", sorted.get(0).lr());
            row.put("ratios", r);
            row.put("final_accuracy_mean", accuracy);
            row.put("amplitude_mean", sorted.stream().map(c -> CellSummary.finite(c.mean(OscillationMetrics.AMPLITUDE))).toList());
            row.put("chance", chance);
            OptionalDouble breakdown = java.util.Arrays.stream(r).distinct().count() == r.length
                    ? BreakdownRatio.of(r, accuracy, chance) : OptionalDouble.empty();
            row.put("breakdown_ratio", breakdown.isPresent() ? breakdown.getAsDouble() : null);
            out.add(row);
        });
        return out;
    }
}
