package org.batchscope.reports.results;

import java.util.Locale;

/** How the report prints numbers: the same text in the table, the charts and the tests. */
public final class Numbers {

    private Numbers() {
    }

    /** @return {@code v} with 3 significant digits and no trailing zeros (0.3, 3, 30, 0.0125), or "n/a" */
    public static String compact(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", v)).stripTrailingZeros().toPlainString();
    }

    /** @return {@code v} with {@code decimals} decimals, or "n/a" */
    public static String fixed(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "n/a";
    }
}
