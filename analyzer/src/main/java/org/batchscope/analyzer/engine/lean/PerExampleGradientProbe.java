package org.batchscope.analyzer.engine.lean;

import org.batchscope.analyzer.engine.RunRecorder;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.metrics.GradientMoments;
import org.batchscope.analyzer.metrics.GradientNoiseScale;
import org.batchscope.analyzer.metrics.Gsnr;

/**
 * Gradient statistics on a fixed probe set: one forward and backward pass per probe example (batch of
 * one, at the current parameters) feeds that example's loss gradient (without weight decay) into the
 * metrics library's {@link GradientMoments}; {@link GradientNoiseScale#of} and {@link Gsnr#mean} give
 * tr(Sigma), B_simple and the mean GSNR (formulas in their javadoc); then the batch sharpness
 * ({@link BatchSharpnessProbe}) on the same probe set. With fewer than 2 probe examples,
 * or when a per-example gradient is not finite (the run is diverging), the statistics that need them
 * are NaN. Uses the run's network buffers, so it must run between steps.
 */
final class PerExampleGradientProbe {

    /** The estimator name written to results. */
    static final String ESTIMATOR = "per_example";

    private final LeanNetwork network;
    private final TensorData probe;
    private final BatchSharpnessProbe batchSharpness;

    /** @param batchSize the run's batch size, for the batch sharpness ({@link BatchSharpnessProbe}) */
    PerExampleGradientProbe(LeanNetwork network, TensorData probe, int batchSize) {
        this.network = network;
        this.probe = probe;
        this.batchSharpness = new BatchSharpnessProbe(network, probe, batchSize);
    }

    /** @return the statistics at the current parameters, labelled with {@code step} (steps done) */
    RunRecorder.GradientProbe measure(long step) {
        GradientMoments moments = new GradientMoments(network.layout().size());
        for (int i = 0; i < probe.count(); i++) {
            network.load(probe, null, i, 1);
            network.lossAndGradient(1);
            float[] gradient = network.gradients();
            if (!allFinite(gradient)) {
                return new RunRecorder.GradientProbe(step, ESTIMATOR, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN);
            }
            moments.accept(gradient);
        }
        double gradientNorm = moments.count() == 0 ? Double.NaN : Math.sqrt(moments.squaredNormOfMean());
        if (moments.count() < 2) {
            return new RunRecorder.GradientProbe(step, ESTIMATOR, gradientNorm, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN);
        }
        GradientNoiseScale scale = GradientNoiseScale.of(moments);
        return new RunRecorder.GradientProbe(step, ESTIMATOR, gradientNorm, scale.squaredNorm(), scale.traceCovariance(),
                scale.bSimple(), Gsnr.mean(moments), batchSharpness.measure());
    }

    private static boolean allFinite(float[] values) {
        for (float value : values) {
            if (!Float.isFinite(value)) {
                return false;
            }
        }
        return true;
    }
}
