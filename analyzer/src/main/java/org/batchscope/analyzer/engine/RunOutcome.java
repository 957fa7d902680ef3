package org.batchscope.analyzer.engine;

/**
 * How a run ended.
 *
 * @param status          COMPLETED, or DIVERGED when a loss became NaN or infinite
 * @param steps           steps done (for a diverged run: up to and including the step whose loss was not finite)
 * @param divergedAtStep  0-based step whose loss was not finite, or -1
 * @param wallSeconds     wall-clock seconds spent training (evaluations included)
 * @param model           the trained model; null when diverged
 */
public record RunOutcome(Status status, long steps, long divergedAtStep, double wallSeconds, TrainedModel model) {

    /** The end state of a run, written to result files in lower case. */
    public enum Status { COMPLETED, DIVERGED }

    public static RunOutcome completed(long steps, double wallSeconds, TrainedModel model) {
        return new RunOutcome(Status.COMPLETED, steps, -1, wallSeconds, model);
    }

    public static RunOutcome diverged(long step, double wallSeconds) {
        return new RunOutcome(Status.DIVERGED, step + 1, step, wallSeconds, null);
    }
}
