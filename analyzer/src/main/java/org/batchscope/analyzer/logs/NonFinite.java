package org.batchscope.analyzer.logs;

/**
 * Where a series first holds a value that is not a finite number ({@code nan}, {@code inf},
 * {@code -inf}): the sign that the run diverged there.
 *
 * @param x           the x value of that point
 * @param line        its 1-based line in the file
 * @param value       the value as read: NaN or an infinity
 * @param count       how many points of the series are not finite
 * @param finiteAfter how many finite points follow the first non-finite one (0: the run never came back)
 */
public record NonFinite(double x, int line, double value, int count, int finiteAfter) {

    /** @return the value as a log would print it: {@code nan}, {@code inf} or {@code -inf} */
    public String text() {
        return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
    }
}
