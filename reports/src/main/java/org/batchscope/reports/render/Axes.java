package org.batchscope.reports.render;

import java.awt.Graphics2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;

/**
 * The numeric axes of batchscope charts. Value axes leave room between tick labels (about one label
 * height free between neighbours) so that tall panels are not crowded with ticks. The log2 axis is a
 * plain numeric axis over log2(x) whose tick labels print 2^v, so the labels are ordinary strings
 * (searchable text in the PDF) and every power of two gets a tick; the log10 axis does the same with
 * 10^v (0.1, 1, 10, 100, ...) for noise ratios and gradient noise scales.
 */
public final class Axes {

    private Axes() {
    }

    /** @return a styled value axis with uncrowded ticks; zero is not forced into the range */
    public static NumberAxis value(String label) {
        NumberAxis axis = new NumberAxis(label) {
            private static final long serialVersionUID = 1L;

            @Override
            protected double estimateMaximumTickLabelHeight(Graphics2D g2) {
                return 2 * super.estimateMaximumTickLabelHeight(g2);
            }
        };
        axis.setAutoRangeIncludesZero(false);
        ChartStyle.style(axis);
        return axis;
    }

    /** @return a styled axis of whole numbers (epochs, steps) */
    public static NumberAxis counts(String label) {
        NumberAxis axis = value(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return axis;
    }

    /**
     * @return an axis for values log2(x): a tick at every whole v, labelled 2^v (1, 2, 4, 8, ...).
     *         Plot {@link #log2(double)} of the data on it.
     */
    public static NumberAxis log2(String label) {
        return logAxis(label, 2);
    }

    /**
     * @return an axis for values log10(x): a tick at every whole v, labelled 10^v (0.1, 1, 10, ...).
     *         Plot {@link #log10(double)} of the data on it.
     */
    public static NumberAxis log10(String label) {
        return logAxis(label, 10);
    }

    private static NumberAxis logAxis(String label, double base) {
        NumberAxis axis = new NumberAxis(label);
        axis.setTickUnit(new NumberTickUnit(1, new PowerFormat(base)));
        axis.setAutoRangeStickyZero(false);
        axis.setAutoRangeIncludesZero(false);
        axis.setLowerMargin(0.08);
        axis.setUpperMargin(0.08);
        ChartStyle.style(axis);
        return axis;
    }

    /** @return log2(x), the coordinate of x on a {@link #log2} axis; x > 0 */
    public static double log2(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("a log2 axis needs x > 0, got " + x);
        }
        return Math.log(x) / Math.log(2);
    }

    /** @return log10(x), the coordinate of x on a {@link #log10} axis; x > 0 */
    public static double log10(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("a log10 axis needs x > 0, got " + x);
        }
        return Math.log10(x);
    }

    /**
     * Prints a tick value v as base^v, rounded to a whole number where it is one (1, 2, 4, ..., 0.5;
     * 0.01, 0.1, 1, 10).
     */
    static final class PowerFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;

        private final double base;

        PowerFormat(double base) {
            this.base = base;
        }

        @Override
        public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
            double x = Math.pow(base, v);
            return Math.abs(x - Math.rint(x)) < 1e-9 ? to.append((long) Math.rint(x))
                    : to.append(new java.math.BigDecimal(x).round(new java.math.MathContext(6))
                            .stripTrailingZeros().toPlainString());
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
            return format((double) v, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("tick labels are not parsed");
        }
    }
}
