package org.batchscope.analyzer.sweep;

import java.util.List;
import java.util.OptionalInt;
import org.batchscope.common.files.RunFile;

/**
 * The validation accuracy that "steps to result" (Shallue et al. 2019) and "seconds to result" count to,
 * and when a stored run reached it.
 * <ul>
 *   <li>Target: {@code --target-accuracy} when given; otherwise, per dataset, chance + 0.9 (best - chance)
 *       rounded down to a whole point (0.01), with best = the highest mean final validation accuracy among
 *       the dataset's cells; so the best cell's mean run gets most of the way there.</li>
 *   <li>A run reaches it at its first evaluation with validation accuracy >= target:
 *       {@value #STEPS_TO_TARGET} = that evaluation's step count, {@value #SECONDS_TO_TARGET} = the training
 *       seconds done by then ({@link RunCost}; evaluation time excluded). A run that never reaches it has
 *       neither; the cell counts those that do in {@value #TARGET_REACHED}.</li>
 * </ul>
 */
public final class TargetAccuracy {

    public static final String STEPS_TO_TARGET = "steps_to_target";
    public static final String SECONDS_TO_TARGET = "seconds_to_target";
    public static final String TARGET_REACHED = "target_reached";
    /** How the automatic target is set, recorded in summary.json. */
    public static final String AUTO_RULE = "chance + 0.9 (best cell's mean final accuracy - chance), rounded down to 0.01";

    private TargetAccuracy() {
    }

    /** @return the automatic target: floor(100 (chance + 0.9 (best - chance))) / 100 */
    public static double auto(double chance, double best) {
        return Math.floor(100 * (chance + 0.9 * (best - chance)) + 1e-9) / 100;
    }

    /** @return the index of the first evaluation of a stored run with validation accuracy >= target */
    public static OptionalInt firstReached(RunFile<?, ?> run, double target) {
        List<RunFile.EvaluationRow> evaluations = run.evaluations();
        for (int i = 0; i < evaluations.size(); i++) {
            if (evaluations.get(i).validationAccuracy() >= target) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }
}
