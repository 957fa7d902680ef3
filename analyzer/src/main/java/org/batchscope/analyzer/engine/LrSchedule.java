package org.batchscope.analyzer.engine;

import org.batchscope.common.BadInputException;

/**
 * Learning rate as a function of the 0-based step t, for a run of T total steps and base rate lr:
 * <ul>
 *   <li>CONSTANT: {@code lr}</li>
 *   <li>STEP: {@code lr * gamma^floor(t / stepSize)}</li>
 *   <li>COSINE: {@code lr * 0.5 * (1 + cos(pi * t / T))}</li>
 * </ul>
 * then a linear warm-up over the first {@code warmupSteps} steps multiplies by {@code (t + 1) / warmupSteps}.
 */
public record LrSchedule(Kind kind, int warmupSteps, int stepSize, double gamma) {

    /** The shapes above. */
    public enum Kind { CONSTANT, STEP, COSINE }

    public LrSchedule {
        BadInputException.require(kind != null, "lr_schedule", "one of constant, step, cosine", kind);
        BadInputException.require(warmupSteps >= 0, "warmup_steps", "an integer >= 0", warmupSteps);
        BadInputException.require(kind != Kind.STEP || stepSize > 0, "step_size", "a positive integer", stepSize);
        BadInputException.require(gamma > 0 && gamma <= 1, "gamma", "a number in (0, 1]", gamma);
    }

    /** @return a constant schedule without warm-up */
    public static LrSchedule constant() {
        return new LrSchedule(Kind.CONSTANT, 0, 1, 1.0);
    }

    /**
     * @param baseLr     the optimiser's learning rate
     * @param step       0-based step index
     * @param totalSteps the run's total number of steps (for COSINE)
     * @return the learning rate to use at {@code step}
     */
    public double rate(double baseLr, long step, long totalSteps) {
        double lr = switch (kind) {
            case CONSTANT -> baseLr;
            case STEP -> baseLr * Math.pow(gamma, Math.floorDiv(step, (long) stepSize));
            case COSINE -> baseLr * 0.5 * (1 + Math.cos(Math.PI * step / Math.max(1, totalSteps)));
        };
        return step < warmupSteps ? lr * (step + 1) / warmupSteps : lr;
    }
}
