package org.batchscope.analyzer.sweep;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.batchscope.common.BadInputException;

/**
 * How the learning rate follows the batch size. The user's rate lr is the rate at the reference batch
 * size B_ref ({@code --lr-reference-batch}, default 32); a run at batch size B uses:
 * <ul>
 *   <li>FIXED: lr</li>
 *   <li>LINEAR (Goyal et al. 2017): lr x B / B_ref</li>
 *   <li>SQRT (square-root scaling, Krizhevsky 2014; Hoffer et al. 2017): lr x sqrt(B / B_ref)</li>
 * </ul>
 * A fixed reference, rather than the smallest or largest batch of the grid, keeps a cell's rate (and
 * so its result file) the same when batch sizes are added to a sweep.
 */
public enum LrScaling {
    FIXED, LINEAR, SQRT;

    /** @return the learning rate at {@code batchSize} */
    public double scale(double lr, int batchSize, int referenceBatch) {
        double ratio = (double) batchSize / referenceBatch;
        return switch (this) {
            case FIXED -> lr;
            case LINEAR -> lr * ratio;
            case SQRT -> lr * Math.sqrt(ratio);
        };
    }

    /** @return the name users type: {@code fixed}, {@code linear}, {@code sqrt} */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws BadInputException naming --lr-scaling and the allowed names */
    public static LrScaling fromCliName(String name) {
        for (LrScaling s : values()) {
            if (s.cliName().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new BadInputException("--lr-scaling must be one of "
                + Arrays.stream(values()).map(LrScaling::cliName).collect(Collectors.joining(", ")) + " (got " + name + ")");
    }
}
