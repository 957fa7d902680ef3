package org.batchscope.generator.image;

import java.util.Locale;

/**
 * Numbers as {@code String.format(Locale.ROOT, "%.6g", value)} writes them (the metadata CSV's number
 * format), character for character, without {@link java.util.Formatter}: a fresh JVM spent about a
 * third of its JIT compiler time on the formatter's code when every metadata row went through it
 * (JFR compilation events of a 20,000-image run), and each call parses its pattern again.
 *
 * <p>How {@code %.6g} works (JDK 17 {@code Formatter} with {@code FormattedFloatingDecimal}): take the
 * decimal digits of {@link Double#toString(double)}, round them half up to 6 significant digits, then
 * write the rounded magnitude m in plain decimal with 6 significant digits when
 * {@code 1e-4 <= m < 1e6}, else as {@code d.ddddde+XX} (at least two exponent digits). Zero, infinities
 * and NaN are rare here and go through {@link String#format} itself. {@code SixDigitTextTest} compares
 * this class with {@code String.format} on 300,000 random values of every magnitude and on the
 * rounding and notation boundaries.
 */
final class SixDigitText {

    private static final int DIGITS = 6;

    private SixDigitText() {
    }

    /** @return {@code value} as {@code String.format(Locale.ROOT, "%.6g", value)} writes it */
    static String format(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return String.format(Locale.ROOT, "%.6g", value);
        }
        // Double.toString writes I.F or I.FE<x> (I and F digit strings, value = I.F x 10^x); with D the
        // digits of IF without its z leading zeros, |value| = 0.D x 10^e where e = |I| - z + x
        String shortest = Double.toString(Math.abs(value));
        int end = shortest.indexOf('E');
        int exponent = end < 0 ? 0 : Integer.parseInt(shortest, end + 1, shortest.length(), 10);
        if (end < 0) {
            end = shortest.length();
        }
        exponent += shortest.indexOf('.');
        char[] digits = new char[Math.max(end, DIGITS) + 1];
        int count = 0;
        for (int i = 0; i < end; i++) {
            char ch = shortest.charAt(i);
            if (ch == '.') {
                continue;
            }
            if (ch == '0' && count == 0) {
                exponent--; // a leading zero
            } else {
                digits[count++] = ch;
            }
        }
        // round half up to DIGITS significant digits
        if (count > DIGITS) {
            boolean up = digits[DIGITS] >= '5';
            count = DIGITS;
            if (up) {
                int i = DIGITS - 1;
                while (i >= 0 && digits[i] == '9') {
                    digits[i--] = '0';
                }
                if (i < 0) {
                    digits[0] = '1';
                    exponent++;
                } else {
                    digits[i]++;
                }
            }
        }
        while (count < DIGITS) {
            digits[count++] = '0';
        }
        StringBuilder out = new StringBuilder(16);
        if (value < 0) {
            out.append('-');
        }
        int scientific = exponent - 1; // m = d1.d2d3... x 10^scientific
        if (scientific >= -4 && scientific < DIGITS) {
            if (scientific < 0) {
                out.append("0.");
                for (int z = -1; z > scientific; z--) {
                    out.append('0');
                }
                out.append(digits, 0, DIGITS);
            } else {
                out.append(digits, 0, scientific + 1);
                if (scientific + 1 < DIGITS) {
                    out.append('.').append(digits, scientific + 1, DIGITS - scientific - 1);
                }
            }
        } else {
            out.append(digits[0]).append('.').append(digits, 1, DIGITS - 1).append('e')
                    .append(scientific < 0 ? '-' : '+');
            int magnitude = Math.abs(scientific);
            if (magnitude < 10) {
                out.append('0');
            }
            out.append(magnitude);
        }
        return out.toString();
    }
}
