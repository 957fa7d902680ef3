package org.batchscope.analyzer.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.batchscope.common.BadInputException;

/**
 * Learning rate as a function of the 0-based step t, for a run of T total steps and base rate lr:
 * <ul>
 *   <li>CONSTANT: {@code lr}</li>
 *   <li>STEP: {@code lr * gamma^floor(t / stepSize)}</li>
 *   <li>COSINE: {@code lr * 0.5 * (1 + cos(pi * t / T))}</li>
 *   <li>MILESTONES: {@code lr * gamma^k(t)}, k(t) the number of {@code milestones} (steps, increasing) at or
 *       before t (PyTorch's MultiStepLR); a sweep's {@code --lr-decay} at epochs becomes this, at the
 *       epochs' first steps ({@link TrainingSchedule#firstStepOf});</li>
 * </ul>
 * then a linear warm-up over the first {@code warmupSteps} steps multiplies by {@code (t + 1) / warmupSteps}.
 * The milestones are left out of the JSON when there are none, so the other kinds hash as they did before
 * MILESTONES existed.
 */
public record LrSchedule(Kind kind, int warmupSteps, int stepSize, double gamma,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Long> milestones) {

    /** The shapes above. */
    public enum Kind { CONSTANT, STEP, COSINE, MILESTONES }

    public LrSchedule {
        BadInputException.require(kind != null, "lr_schedule", "one of constant, step, cosine, milestones", kind);
        BadInputException.require(warmupSteps >= 0, "warmup_steps", "an integer >= 0", warmupSteps);
        BadInputException.require(kind != Kind.STEP || stepSize > 0, "step_size", "a positive integer", stepSize);
        BadInputException.require(gamma > 0 && gamma <= 1, "gamma", "a number in (0, 1]", gamma);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        BadInputException.require(kind != Kind.MILESTONES || !milestones.isEmpty(), "milestones",
                "at least one step", milestones);
        BadInputException.require(kind == Kind.MILESTONES || milestones.isEmpty(), "milestones",
                "given only with the milestones schedule", milestones);
        for (int i = 0; i < milestones.size(); i++) {
            BadInputException.require(milestones.get(i) > (i == 0 ? 0 : milestones.get(i - 1)), "milestones",
                    "increasing positive steps", milestones);
        }
    }

    /** A schedule without milestones. */
    public LrSchedule(Kind kind, int warmupSteps, int stepSize, double gamma) {
        this(kind, warmupSteps, stepSize, gamma, List.of());
    }

    /** @return lr times {@code gamma} at each of {@code steps} (increasing, positive), without warm-up */
    public static LrSchedule milestones(double gamma, List<Long> steps) {
        return new LrSchedule(Kind.MILESTONES, 0, 1, gamma, steps);
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
            case MILESTONES -> baseLr * Math.pow(gamma, passed(step));
        };
        return step < warmupSteps ? lr * (step + 1) / warmupSteps : lr;
    }

    /** @return k(t), the milestones at or before {@code step} */
    private int passed(long step) {
        int k = 0;
        while (k < milestones.size() && milestones.get(k) <= step) {
            k++;
        }
        return k;
    }
}
