package org.batchscope.analyzer.logs;

import java.util.Locale;
import org.batchscope.analyzer.metrics.Direction;

/**
 * What a logged column measures, guessed from its name: validation or training (a name containing
 * "val" or "eval" is validation), accuracy (contains "acc") or loss (contains "loss"). Anything
 * else (learning rate, time, a user's own metric) is {@link #OTHER}.
 */
public enum SeriesKind {
    VAL_ACCURACY("validation accuracy", "fraction", Direction.HIGHER_IS_BETTER),
    VAL_LOSS("validation loss", "", Direction.LOWER_IS_BETTER),
    TRAIN_ACCURACY("training accuracy", "fraction", Direction.HIGHER_IS_BETTER),
    TRAIN_LOSS("training loss", "", Direction.LOWER_IS_BETTER),
    OTHER("value", "", Direction.HIGHER_IS_BETTER);

    private final String quantity;
    private final String unit;
    private final Direction direction;

    SeriesKind(String quantity, String unit, Direction direction) {
        this.quantity = quantity;
        this.unit = unit;
        this.direction = direction;
    }

    /** @return the kind a column named {@code name} most likely holds */
    public static SeriesKind classify(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        boolean validation = n.contains("val") || n.contains("eval");
        if (n.contains("acc")) {
            return validation ? VAL_ACCURACY : TRAIN_ACCURACY;
        }
        if (n.contains("loss")) {
            return validation ? VAL_LOSS : TRAIN_LOSS;
        }
        return OTHER;
    }

    /** @return plain words for the axis, for example {@code "validation accuracy"} */
    public String quantity() {
        return quantity;
    }

    /** @return the unit for the axis: accuracy is a fraction; blank for a loss or value, whose unit the log does not say */
    public String unit() {
        return unit;
    }

    /**
     * @return which way the series improves (decides max_drawdown); for {@link #OTHER} higher is
     *         better unless the column name says loss or error, see {@link Curve#direction()}
     */
    public Direction direction() {
        return direction;
    }
}
