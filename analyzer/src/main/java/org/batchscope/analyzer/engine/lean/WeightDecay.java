package org.batchscope.analyzer.engine.lean;

import java.util.stream.IntStream;
import org.batchscope.analyzer.engine.ParameterLayout;

/**
 * L2 weight decay as a gradient term: {@code g += lambda * w} on every weight tensor of the layout,
 * never on biases (the loss gains {@code lambda / 2 * |W|^2}).
 */
final class WeightDecay {

    private final float lambda;
    /** Pairs [start, end) of the weight tensors' ranges. */
    private final int[] ranges;

    WeightDecay(ParameterLayout layout, double lambda) {
        this.lambda = (float) lambda;
        this.ranges = layout.tensors().stream().filter(t -> !t.isBias())
                .flatMapToInt(t -> IntStream.of(t.offset(), t.offset() + t.size())).toArray();
    }

    /** Adds the decay term to {@code grads}; does nothing when lambda is 0. */
    void addTo(float[] grads, float[] params) {
        if (lambda == 0f) {
            return;
        }
        for (int r = 0; r < ranges.length; r += 2) {
            for (int i = ranges[r]; i < ranges[r + 1]; i++) {
                grads[i] += lambda * params[i];
            }
        }
    }
}
