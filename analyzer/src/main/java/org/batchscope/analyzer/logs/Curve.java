package org.batchscope.analyzer.logs;

import java.util.Locale;
import org.batchscope.analyzer.metrics.Direction;

/**
 * One logged series: the finite points of one column, in file order. Points whose value is not finite
 * are left out of x and y and summed up in {@link #nonFinite()}, so the metrics are computed on
 * numbers while the divergence is still reported. The arrays are kept as given, not copied (a log may
 * hold a million points): callers must not change them.
 *
 * @param name      the column name as logged, for example {@code val_accuracy}
 * @param kind      what it measures
 * @param xName     the x column, for example {@code epoch} or {@code step}, or {@code row} for the row number
 * @param perStep   whether each point is one optimisation step (a minibatch), as opposed to an epoch
 *                  or evaluation
 * @param x         the x values
 * @param y         the finite values, as many as x
 * @param nonFinite the first point that is not finite, or null when every value is finite
 */
public record Curve(String name, SeriesKind kind, String xName, boolean perStep, double[] x, double[] y,
                    NonFinite nonFinite) {

    public Curve {
        if (x.length != y.length) {
            throw new IllegalArgumentException(name + ": " + x.length + " x values for " + y.length + " values");
        }
    }

    /** @return the same values under another kind (an accuracy that turned out not to be a fraction) */
    public Curve withKind(SeriesKind newKind) {
        return new Curve(name, newKind, xName, perStep, x, y, nonFinite);
    }

    /** @return the same curve with every value multiplied by {@code factor} (percent to fraction: 0.01) */
    public Curve scaled(double factor) {
        double[] scaled = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            scaled[i] = y[i] * factor;
        }
        return new Curve(name, kind, xName, perStep, x, scaled, nonFinite);
    }

    /** @return the number of finite points */
    public int points() {
        return y.length;
    }

    /** @return the largest value, or NaN for an empty curve */
    public double max() {
        double max = Double.NaN;
        for (double v : y) {
            max = Double.isNaN(max) ? v : Math.max(max, v);
        }
        return max;
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
