package org.batchscope.analyzer.logs;

import java.util.Locale;
import org.batchscope.analyzer.metrics.Direction;

/**
 * One logged series: the points of one column that have a value, in file order.
 *
 * @param name    the column name as logged, for example {@code val_accuracy}
 * @param kind    what it measures
 * @param xName   the x column, for example {@code epoch} or {@code step}
 * @param perStep whether each point is one optimisation step (a minibatch), as opposed to an epoch
 *                or evaluation
 * @param x       the x values
 * @param y       the values, finite, as many as x
 */
public record Curve(String name, SeriesKind kind, String xName, boolean perStep, double[] x, double[] y) {

    public Curve {
        if (x.length != y.length) {
            throw new IllegalArgumentException(name + ": " + x.length + " x values for " + y.length + " values");
        }
        x = x.clone();
        y = y.clone();
    }

    /** @return the number of points */
    public int points() {
        return y.length;
    }

    /**
     * @return which way the series improves: the kind's, except that an {@link SeriesKind#OTHER}
     *         column whose name mentions loss or error is lower-is-better
     */
    public Direction direction() {
        if (kind == SeriesKind.OTHER) {
            String n = name.toLowerCase(Locale.ROOT);
            return n.contains("loss") || n.contains("err") ? Direction.LOWER_IS_BETTER : Direction.HIGHER_IS_BETTER;
        }
        return kind.direction();
    }

    /** @return the axis quantity: the kind's plain words, or the column name for {@link SeriesKind#OTHER} */
    public String quantity() {
        return kind == SeriesKind.OTHER ? name : kind.quantity();
    }
}
