package org.batchscope.analyzer.engine.lean;

import org.batchscope.analyzer.engine.RunRecorder;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.metrics.GradientMoments;
import org.batchscope.analyzer.metrics.GradientNoiseScale;
import org.batchscope.analyzer.metrics.Gsnr;

/**
 * Gradient statistics on a fixed probe set: forward and backward passes over chunks of up to
 * {@link #CHUNK} consecutive probe examples (at the current parameters) give each example's own loss
 * gradient (without weight decay; {@link LeanNetwork#perExampleGradients}, the per-example weight
 * gradients formed from the chunk's activations and output gradients without summing), which feed the
 * metrics library's {@link GradientMoments} in example order; {@link GradientNoiseScale#of} and {@link Gsnr#mean} give
 * tr(Sigma), B_simple and the mean GSNR (formulas in their javadoc); then the batch sharpness
 * ({@link BatchSharpnessProbe}) on the same probe set. With fewer than 2 probe examples,
 * or when a per-example gradient is not finite (the run is diverging), the statistics that need them
 * are NaN. Uses the run's network buffers, so it must run between steps.
 */
final class PerExampleGradientProbe {

    /** The estimator name written to results. */
    static final String ESTIMATOR = "per_example";

    /**
     * The most examples per pass: a chunk's gradients take {@code CHUNK * p} floats (17 MB for the 64-pixel
     * benchmark CNN's 530,000 parameters), and batches of 8 already run the dense layers' products in BLAS.
     */
    static final int CHUNK = 8;

    private final LeanNetwork network;
    private final TensorData probe;
    private final BatchSharpnessProbe batchSharpness;
    private final float[][] perExample;

    /** @param batchSize the run's batch size, for the batch sharpness ({@link BatchSharpnessProbe}) */
    PerExampleGradientProbe(LeanNetwork network, TensorData probe, int batchSize) {
        this.network = network;
        this.probe = probe;
        this.batchSharpness = new BatchSharpnessProbe(network, probe, batchSize);
        this.perExample = new float[Math.min(CHUNK, network.capacity())][network.parameters().length];
    }

    /** @return the statistics at the current parameters, labelled with {@code step} (steps done) */
    RunRecorder.GradientProbe measure(long step) {
        GradientMoments moments = new GradientMoments(network.layout().size());
        for (int from = 0; from < probe.count(); from += perExample.length) {
            int count = Math.min(perExample.length, probe.count() - from);
            network.load(probe, null, from, count);
            network.perExampleGradients(count, perExample);
            for (int s = 0; s < count; s++) {
                if (!allFinite(perExample[s])) {
                    return new RunRecorder.GradientProbe(step, ESTIMATOR, Double.NaN, Double.NaN, Double.NaN,
                            Double.NaN, Double.NaN, Double.NaN);
                }
                moments.accept(perExample[s]);
            }
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
