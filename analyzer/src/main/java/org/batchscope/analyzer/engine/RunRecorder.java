package org.batchscope.analyzer.engine;

/**
 * Receives what a run measures, from any engine, on the training thread. Implementations must not
 * keep references to arrays they are given unless documented (engines reuse {@code predictions}
 * buffers only when they say so; the built-in engines hand over a fresh array per evaluation).
 */
public interface RunRecorder {

    /**
     * After every step.
     *
     * @param step         0-based step index
     * @param epoch        0-based epoch the step belongs to
     * @param loss         the minibatch's mean softmax cross-entropy (nats) before the update
     * @param accuracy     the minibatch's accuracy before the update, in [0, 1]
     * @param learningRate the learning rate used for the update
     */
    void onStep(long step, long epoch, double loss, double accuracy, double learningRate);

    /** After each epoch, and every {@code evalEverySteps} steps when asked. */
    void onEvaluation(Evaluation evaluation);

    /** Every {@code probeEverySteps} steps, when asked. */
    void onGradientProbe(GradientProbe probe);

    /**
     * One evaluation.
     *
     * @param step               number of steps done so far
     * @param epoch              epochs done so far, fractional (steps / steps per epoch)
     * @param validationPredicts the predicted class of every validation sample, in sample order
     */
    record Evaluation(long step, double epoch, double trainLoss, double trainAccuracy, double validationLoss,
            double validationAccuracy, int[] validationPredicts) {
    }

    /**
     * One gradient-statistics probe (formulas in {@code org.batchscope.analyzer.metrics} and the metric registry).
     *
     * @param estimator          {@code per_example} or {@code two_batch}
     * @param gradientNorm       |mean g|, the norm of the mean gradient over the probe set (biased upwards)
     * @param squaredNorm        |G|^2, the unbiased estimate of the true gradient's squared norm
     *                           (|mean g|^2 - tr(Sigma) / n; may be <= 0 when the noise swamps it)
     * @param traceCovariance    tr(Sigma), the per-example gradient variance summed over parameters
     * @param noiseScale         this probe's B_simple = tr(Sigma) / |G|^2; +Infinity when |G|^2 <= 0 < tr(Sigma)
     *                           (cases as in {@code GradientNoiseScale})
     * @param meanGsnr           mean over parameters of the debiased GSNR ({@code Gsnr}); NaN for the
     *                           two-batch estimator
     * @param batchSharpness     the mean over the probe set's minibatches of g^T H g / |g|^2 (each
     *                           minibatch's loss curvature along its own gradient; {@code BatchSharpness}),
     *                           NaN when the engine does not measure it
     */
    record GradientProbe(long step, String estimator, double gradientNorm, double squaredNorm,
            double traceCovariance, double noiseScale, double meanGsnr, double batchSharpness) {
    }

    /** @return a recorder that ignores everything */
    static RunRecorder discarding() {
        return new RunRecorder() {
            @Override
            public void onStep(long step, long epoch, double loss, double accuracy, double learningRate) {
            }

            @Override
            public void onEvaluation(Evaluation evaluation) {
            }

            @Override
            public void onGradientProbe(GradientProbe probe) {
            }
        };
    }
}
