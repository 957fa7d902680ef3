package org.batchscope.reports.sweep;

import org.batchscope.common.BadInputException;
import org.batchscope.reports.results.ResultRun;

/**
 * The x axis of chart 1's training curves ({@code --x-axis}): with n training samples, batch size B, s
 * steps done at an evaluation and S = ceil(n / B) steps per epoch,
 * <ul>
 *   <li>EPOCHS: s / S (passes over the training set);</li>
 *   <li>STEPS: s (updates; "steps to result", Shallue et al. 2019);</li>
 *   <li>SAMPLES: floor(s / S) n + min((s mod S) B, n), the training samples seen.</li>
 * </ul>
 * Epochs compare batch sizes per pass over the data; steps per update; samples per unit of data read.
 */
public enum CurveAxis {
    EPOCHS("epoch"), STEPS("step"), SAMPLES("training samples seen");

    private final String label;

    CurveAxis(String label) {
        this.label = label;
    }

    /** @return the axis label */
    public String label() {
        return label;
    }

    /** @return {@code epochs}, {@code steps} or {@code samples} (any case) */
    public static CurveAxis parse(String name) {
        for (CurveAxis axis : values()) {
            if (axis.name().equalsIgnoreCase(name.trim())) {
                return axis;
            }
        }
        throw new BadInputException("--x-axis must be one of epochs, steps, samples (got " + name + ")");
    }

    /** @return the x value of evaluation {@code e} of a run at batch size {@code batch} on {@code n} training samples */
    public double x(ResultRun.Evaluation e, int batch, int n) {
        return switch (this) {
            case EPOCHS -> e.epoch();
            case STEPS -> e.step();
            case SAMPLES -> {
                long perEpoch = (n + (long) batch - 1) / batch;
                yield (double) (e.step() / perEpoch) * n + Math.min((e.step() % perEpoch) * batch, n);
            }
        };
    }
}
