package org.batchscope.analyzer.sweep;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.batchscope.analyzer.engine.RunRecorder;
import org.batchscope.analyzer.engine.TrainingSchedule;
import org.batchscope.analyzer.metrics.AveragedNoiseScale;
import org.batchscope.analyzer.metrics.Churn;
import org.batchscope.analyzer.metrics.Direction;
import org.batchscope.analyzer.metrics.LossSpikes;
import org.batchscope.analyzer.metrics.OscillationMetrics;
import org.batchscope.common.RandomStreams;

/**
 * One run's metrics, by the snake_case names written to its result file (defined in the metric registry,
 * {@link org.batchscope.common.MetricRegistry}; every series metric over the window W = the last
 * ceil(T/2) points):
 * <ul>
 *   <li>{@code amplitude}, {@code mean_abs_change}, {@code reversal_rate}, {@code detrended_std},
 *       {@code hf_power_share}, {@code max_drawdown}: of the validation accuracy per evaluation (fraction);</li>
 *   <li>the same six prefixed {@code validation_loss_} (validation loss per evaluation, nats) and
 *       {@code minibatch_loss_} (minibatch loss per step, nats);</li>
 *   <li>{@code churn}: mean fraction of validation predictions that change between consecutive evaluations;</li>
 *   <li>{@code majority_prediction_share}: at the last evaluation, the share of validation samples predicted as
 *       the most predicted class (1 = the model predicts one class for everything: collapsed);</li>
 *   <li>{@code loss_spikes}: number of steps whose minibatch loss exceeds EMA + 3 EM-std (alpha 0.1);</li>
 *   <li>{@code final_accuracy}, {@code best_accuracy}: last and highest validation accuracy;
 *       {@code final_validation_loss}; {@code test_accuracy} of the final model on the test split (added
 *       by {@link SweepRunner}); {@code steps} done (parameter updates); {@code epochs} done
 *       ({@link TrainingSchedule#epochsAfter}: steps / steps per epoch without a batch schedule);
 *       {@code steps_per_epoch} = ceil(n / B) of the first epoch;</li>
 *   <li>{@code gradient_noise_scale}: B_simple (examples) over the probes of the last half of the run
 *       (the last ceil(P/2) of P probes, those with finite estimates), as McCandlish et al. average it:
 *       mean tr(Sigma) / mean |G|^2 ({@link AveragedNoiseScale}), with its 90% bootstrap interval over
 *       the probes ({@code gradient_noise_scale_low}, {@code _high}; an infinite end is left out) and
 *       {@code gradient_noise_nonpositive_probes}, how many of those probes had |G|^2 <= 0;
 *       {@code mean_gsnr}: the mean of their (debiased) mean GSNR;</li>
 *   <li>the shortcut measures of {@link ShortcutReliance}.</li>
 * </ul>
 * A metric is left out when its series is too short (fewer than 3 points) or holds a non-finite value
 * (a diverged run), or when the gradient noise scale estimate is not finite.
 */
public final class RunMetrics {

    public static final String CHURN = "churn";
    public static final String LOSS_SPIKES = "loss_spikes";
    public static final String MAJORITY_PREDICTION_SHARE = "majority_prediction_share";
    public static final String FINAL_ACCURACY = "final_accuracy";
    public static final String BEST_ACCURACY = "best_accuracy";
    public static final String FINAL_VALIDATION_LOSS = "final_validation_loss";
    /** Accuracy of the final model on the test split (completed runs on datasets with one). */
    public static final String TEST_ACCURACY = "test_accuracy";
    public static final String STEPS = "steps";
    public static final String EPOCHS = "epochs";
    /** ceil(n / B) of the first epoch (a batch schedule changes it later). */
    public static final String STEPS_PER_EPOCH = "steps_per_epoch";
    public static final String GRADIENT_NOISE_SCALE = "gradient_noise_scale";
    public static final String GRADIENT_NOISE_SCALE_LOW = "gradient_noise_scale_low";
    public static final String GRADIENT_NOISE_SCALE_HIGH = "gradient_noise_scale_high";
    public static final String GRADIENT_NOISE_NONPOSITIVE_PROBES = "gradient_noise_nonpositive_probes";
    public static final String MEAN_GSNR = "mean_gsnr";
    /** Bootstrap resamples and confidence of the noise scale's interval. */
    static final int NOISE_SCALE_RESAMPLES = 1000;
    static final double NOISE_SCALE_CONFIDENCE = 0.9;
    /** Random stream (under seed 0) of the noise scale's bootstrap: fixed, so metrics are reproducible. */
    static final long NOISE_SCALE_STREAM = 41;
    public static final String VALIDATION_LOSS_PREFIX = "validation_loss_";
    public static final String MINIBATCH_LOSS_PREFIX = "minibatch_loss_";

    private static final int MIN_SERIES = 3;

    private RunMetrics() {
    }

    /**
     * @param recording     what the run reported
     * @param stepsDone     steps the run made
     * @param schedule      the run's schedule, for epochs done and steps per epoch
     * @return the metrics by name, sorted
     */
    public static Map<String, Double> of(RunRecording recording, long stepsDone, TrainingSchedule schedule) {
        Map<String, Double> metrics = new TreeMap<>();
        List<RunRecorder.Evaluation> evaluations = recording.evaluations();
        double[] accuracy = evaluations.stream().mapToDouble(RunRecorder.Evaluation::validationAccuracy).toArray();
        double[] validationLoss = evaluations.stream().mapToDouble(RunRecorder.Evaluation::validationLoss).toArray();
        double[] losses = recording.losses();
        putSeries(metrics, "", accuracy, Direction.HIGHER_IS_BETTER);
        putSeries(metrics, VALIDATION_LOSS_PREFIX, validationLoss, Direction.LOWER_IS_BETTER);
        putSeries(metrics, MINIBATCH_LOSS_PREFIX, losses, Direction.LOWER_IS_BETTER);
        if (evaluations.size() >= 2) {
            metrics.put(CHURN, Churn.of(evaluations.stream().map(RunRecorder.Evaluation::validationPredicts)
                    .toArray(int[][]::new)));
        }
        if (!evaluations.isEmpty()) {
            metrics.put(MAJORITY_PREDICTION_SHARE, majorityShare(evaluations.get(evaluations.size() - 1).validationPredicts()));
        }
        if (losses.length > 0 && allFinite(losses)) {
            metrics.put(LOSS_SPIKES, (double) LossSpikes.detect(losses).count());
        }
        if (accuracy.length > 0 && allFinite(accuracy)) {
            metrics.put(FINAL_ACCURACY, accuracy[accuracy.length - 1]);
            metrics.put(BEST_ACCURACY, Arrays.stream(accuracy).max().orElseThrow());
        }
        if (validationLoss.length > 0 && Double.isFinite(validationLoss[validationLoss.length - 1])) {
            metrics.put(FINAL_VALIDATION_LOSS, validationLoss[validationLoss.length - 1]);
        }
        metrics.put(STEPS, (double) stepsDone);
        metrics.put(EPOCHS, schedule.epochsAfter(stepsDone));
        metrics.put(STEPS_PER_EPOCH, (double) schedule.stepsPerEpoch());
        List<RunRecorder.GradientProbe> probes = recording.probes();
        if (!probes.isEmpty()) {
            List<RunRecorder.GradientProbe> lastHalf = probes.subList(probes.size() / 2, probes.size());
            putNoiseScale(metrics, noiseScale(lastHalf.stream().mapToDouble(RunRecorder.GradientProbe::traceCovariance)
                    .toArray(), lastHalf.stream().mapToDouble(RunRecorder.GradientProbe::squaredNorm).toArray()));
            double[] gsnr = lastHalf.stream().mapToDouble(RunRecorder.GradientProbe::meanGsnr).toArray();
            if (gsnr.length > 0 && allFinite(gsnr)) {
                metrics.put(MEAN_GSNR, Arrays.stream(gsnr).average().orElseThrow());
            }
        }
        return metrics;
    }

    private static void putSeries(Map<String, Double> metrics, String prefix, double[] series, Direction direction) {
        if (series.length < MIN_SERIES || !allFinite(series)) {
            return;
        }
        OscillationMetrics.of(series, direction).toNamedMap().forEach((name, value) -> metrics.put(prefix + name, value));
    }

    /** @return the share of {@code predicted} equal to its most frequent class */
    static double majorityShare(int[] predicted) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int c : predicted) {
            counts.merge(c, 1, Integer::sum);
        }
        return (double) counts.values().stream().mapToInt(Integer::intValue).max().orElse(0) / predicted.length;
    }

    /**
     * @return {@link AveragedNoiseScale} over the probes whose two estimates are finite (a diverging run's
     *         are not), with the fixed bootstrap stream; null when there is none
     */
    public static AveragedNoiseScale noiseScale(double[] traces, double[] squaredNorms) {
        int n = 0;
        double[] t = new double[traces.length];
        double[] g = new double[traces.length];
        for (int i = 0; i < traces.length; i++) {
            if (Double.isFinite(traces[i]) && Double.isFinite(squaredNorms[i])) {
                t[n] = traces[i];
                g[n++] = squaredNorms[i];
            }
        }
        return n == 0 ? null : AveragedNoiseScale.of(Arrays.copyOf(t, n), Arrays.copyOf(g, n), NOISE_SCALE_RESAMPLES,
                NOISE_SCALE_CONFIDENCE, RandomStreams.stream(0, NOISE_SCALE_STREAM));
    }

    private static void putNoiseScale(Map<String, Double> metrics, AveragedNoiseScale scale) {
        if (scale == null) {
            return;
        }
        putIfFinite(metrics, GRADIENT_NOISE_SCALE, scale.bSimple());
        putIfFinite(metrics, GRADIENT_NOISE_SCALE_LOW, scale.interval().low());
        putIfFinite(metrics, GRADIENT_NOISE_SCALE_HIGH, scale.interval().high());
        metrics.put(GRADIENT_NOISE_NONPOSITIVE_PROBES, (double) scale.nonPositiveProbes());
    }

    private static void putIfFinite(Map<String, Double> metrics, String name, double value) {
        if (Double.isFinite(value)) {
            metrics.put(name, value);
        }
    }

    /**
     * @return the median of the values (mean of the two middle ones for an even count), NaN when empty
     *         or when any value is NaN; +Infinity sorts above every finite value
     */
    static double median(double[] values) {
        if (values.length == 0 || Arrays.stream(values).anyMatch(Double::isNaN)) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static boolean allFinite(double[] values) {
        return Arrays.stream(values).allMatch(Double::isFinite);
    }
}
