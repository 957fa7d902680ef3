package org.batchscope.analyzer.engine;

import org.batchscope.common.BadInputException;

/**
 * How long a run trains: a number of epochs (passes over the training set) or a number of steps
 * (minibatch updates, as in Hoffer et al.'s "train longer"). With n training samples and batch size B
 * an epoch has ceil(n / B) steps (the last minibatch of an epoch may be smaller).
 */
public record Budget(Kind kind, long amount) {

    /** What {@code amount} counts. */
    public enum Kind { EPOCHS, STEPS }

    public Budget {
        BadInputException.require(kind != null, "--budget", "epochs or steps", kind);
        BadInputException.require(amount > 0, kind == Kind.STEPS ? "steps" : "--epochs", "a positive integer", amount);
    }

    public static Budget epochs(long epochs) {
        return new Budget(Kind.EPOCHS, epochs);
    }

    public static Budget steps(long steps) {
        return new Budget(Kind.STEPS, steps);
    }

    /** @return the total number of steps for {@code n} training samples at batch size {@code batchSize} */
    public long totalSteps(int n, int batchSize) {
        return kind == Kind.STEPS ? amount : amount * TrainingSchedule.stepsPerEpoch(n, batchSize);
    }
}
