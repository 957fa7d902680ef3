package org.batchscope.analyzer.sweep;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.batchscope.analyzer.engine.OptimizerSpec;
import org.batchscope.analyzer.engine.RunRecorder;
import org.batchscope.analyzer.sharpness.StabilityThreshold;

/**
 * Where a run's curvature sits against its optimiser's stability threshold, from the batch sharpness of
 * its gradient probes (the lean engine measures it; other engines leave it NaN and these metrics out).
 * For probe k after s_k steps, with lr_k the learning rate of step s_k - 1 (the last one taken) and
 * T_k = {@link StabilityThreshold#of}(optimizer, lr_k):
 * <ul>
 *   <li>{@value #BATCH_SHARPNESS}: the mean batch sharpness over the last half of the probes (as
 *       {@link RunMetrics} windows the noise scale), nats per squared parameter unit;</li>
 *   <li>{@value #STABILITY_THRESHOLD}: T at the last probe;</li>
 *   <li>{@value #EDGE_RATIO}: the mean over the same probes of batch sharpness / T_k; about 1 when the
 *       run trains at the edge of stability (Cohen et al. 2021; for mini-batch SGD, batch sharpness
 *       settles there: Andreyev and Beneventano 2024), well below 1 when it is stable;</li>
 *   <li>{@value #PEAK_EDGE_RATIO}: the largest batch sharpness / T_k over every probe of the run with a finite
 *       batch sharpness: how close the run came to its threshold at its sharpest. Under full-batch gradient descent
 *       with cross-entropy the sharpness can reach 2/lr, hover there, and fall far below once the loss is small,
 *       so the last half of the probes misses the edge that this peak records.</li>
 * </ul>
 * The first three are left out for Adam (no threshold) and when a probe of the last half has a batch sharpness that
 * is not finite; the peak is left out for Adam and when no probe has one.
 */
public final class EdgeOfStability {

    public static final String BATCH_SHARPNESS = "batch_sharpness";
    public static final String STABILITY_THRESHOLD = "stability_threshold";
    public static final String EDGE_RATIO = "edge_of_stability_ratio";
    public static final String PEAK_EDGE_RATIO = "peak_edge_of_stability_ratio";

    private EdgeOfStability() {
    }

    /** @return the metrics above, empty when they cannot be computed */
    public static Map<String, Double> of(List<RunRecorder.GradientProbe> probes, double[] learningRates,
            OptimizerSpec optimizer) {
        Map<String, Double> metrics = new TreeMap<>();
        double peak = Double.NEGATIVE_INFINITY;
        for (RunRecorder.GradientProbe probe : probes) {
            int last = lastStep(probe, learningRates);
            if (last >= 0 && Double.isFinite(probe.batchSharpness())) {
                peak = Math.max(peak, probe.batchSharpness() / StabilityThreshold.of(optimizer, learningRates[last]));
            }
        }
        if (Double.isFinite(peak)) {
            metrics.put(PEAK_EDGE_RATIO, peak);
        }
        List<RunRecorder.GradientProbe> lastHalf = probes.subList(probes.size() / 2, probes.size());
        if (lastHalf.isEmpty()) {
            return metrics;
        }
        double sharpness = 0;
        double ratio = 0;
        double threshold = Double.NaN;
        for (RunRecorder.GradientProbe probe : lastHalf) {
            int last = lastStep(probe, learningRates);
            if (last < 0 || !Double.isFinite(probe.batchSharpness())) {
                return metrics;
            }
            threshold = StabilityThreshold.of(optimizer, learningRates[last]);
            sharpness += probe.batchSharpness() / lastHalf.size();
            ratio += probe.batchSharpness() / threshold / lastHalf.size();
        }
        metrics.put(BATCH_SHARPNESS, sharpness);
        if (Double.isFinite(threshold)) {
            metrics.put(STABILITY_THRESHOLD, threshold);
            metrics.put(EDGE_RATIO, ratio);
        }
        return metrics;
    }

    /** @return the index of the last step taken before {@code probe} (whose rate its threshold uses), -1 for none */
    private static int lastStep(RunRecorder.GradientProbe probe, double[] learningRates) {
        return (int) Math.min(probe.step(), learningRates.length) - 1;
    }
}
