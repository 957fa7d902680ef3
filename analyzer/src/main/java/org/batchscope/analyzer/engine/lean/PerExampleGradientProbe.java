package org.batchscope.analyzer.engine.lean;

import org.batchscope.analyzer.engine.RunRecorder;
import org.batchscope.analyzer.engine.TensorData;

/**
 * Gradient statistics on a fixed probe set: one forward and backward pass per probe example (batch of
 * one, at the current parameters) feeds that example's loss gradient (without weight decay) into a
 * {@link GradientNoiseAccumulator}. Uses the run's network buffers, so it must run between steps.
 */
final class PerExampleGradientProbe {

    /** The estimator name written to results. */
    static final String ESTIMATOR = "per_example";

    private final LeanNetwork network;
    private final TensorData probe;
    private final GradientNoiseAccumulator accumulator;

    PerExampleGradientProbe(LeanNetwork network, TensorData probe) {
        this.network = network;
        this.probe = probe;
        this.accumulator = new GradientNoiseAccumulator(network.layout().size());
    }

    /** @return the statistics at the current parameters, labelled with {@code step} (steps done) */
    RunRecorder.GradientProbe measure(long step) {
        accumulator.reset();
        for (int i = 0; i < probe.count(); i++) {
            network.load(probe, null, i, 1);
            network.lossAndGradient(1);
            accumulator.accept(network.gradients());
        }
        return new RunRecorder.GradientProbe(step, ESTIMATOR, accumulator.meanGradientNorm(),
                accumulator.traceCovariance(), accumulator.noiseScale(), accumulator.meanGsnr());
    }
}
