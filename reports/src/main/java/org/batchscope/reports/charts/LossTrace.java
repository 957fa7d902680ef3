package org.batchscope.reports.charts;

/**
 * The minibatch loss of one run per step, for chart 6.
 *
 * @param label  the panel title, for example {@code "batch size 8, seed 0"}
 * @param steps  the step numbers, ascending
 * @param losses the minibatch loss at each step, finite, as long as {@code steps}
 */
public record LossTrace(String label, double[] steps, double[] losses) {

    public LossTrace {
        if (steps.length != losses.length || steps.length == 0) {
            throw new IllegalArgumentException(label + ": " + steps.length + " steps and " + losses.length
                    + " losses; need the same number, at least one");
        }
        for (double loss : losses) {
            if (!Double.isFinite(loss)) {
                throw new IllegalArgumentException(label + ": loss " + loss + " is not finite");
            }
        }
        steps = steps.clone();
        losses = losses.clone();
    }
}
