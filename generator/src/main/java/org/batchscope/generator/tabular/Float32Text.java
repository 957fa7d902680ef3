package org.batchscope.generator.tabular;

import java.nio.charset.StandardCharsets;

/**
 * Writes float32 values as ASCII decimals with 9 significant digits (C's {@code FLT_DECIMAL_DIG}), trailing
 * zeros dropped: enough for every finite float32 to read back as exactly the same float32 (a 9-digit
 * decimal is within 1.5e-8 relative of the value, below half a float32 ulp, at least 5.96e-8 relative,
 * even when the last digit is off by one through the double arithmetic below). Form: plain for
 * {@code 1e-3 <= |v| < 1e7} ({@code 0.740776658}, {@code -12.5}, {@code 3.0}), otherwise scientific
 * ({@code 1.25E-5}, {@code 3.0E9}), as {@link Float#toString(float)} chooses; every value has a decimal
 * point, so pandas reads every column as float.
 *
 * <p>Why by hand: on JDK 17, {@code StringBuilder.append(float)} plus the byte conversion cost about
 * 115 ns per value in the table writer (2.3 microseconds per 20-column row, 80% of the run time, measured
 * with 1M rows on this 2-core machine); this writer costs about a fifth of that (see generator/README.md,
 * "Tables").
 */
final class Float32Text {

    /** The most bytes one value takes: sign, "0.000", 9 digits. */
    static final int MAX_LENGTH = 16;

    private static final double LOG10_2 = 0.30102999566398120;
    private static final int POW10_OFFSET = 64;
    private static final double[] POW10 = new double[2 * POW10_OFFSET + 1];

    private static final int[] INT_POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000,
        100_000_000, 1_000_000_000};
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        for (int pair = 0; pair < 100; pair++) {
            DIGIT_PAIRS[2 * pair] = (byte) ('0' + pair / 10);
            DIGIT_PAIRS[2 * pair + 1] = (byte) ('0' + pair % 10);
        }
        for (int k = -POW10_OFFSET; k <= POW10_OFFSET; k++) {
            POW10[k + POW10_OFFSET] = Double.parseDouble("1e" + k);
        }
    }

    private Float32Text() {
    }

    /**
     * Writes {@code value} into {@code out} from {@code pos}.
     *
     * @return the position after the last byte written
     */
    static int write(float value, byte[] out, int pos) {
        if (!Float.isFinite(value)) {
            byte[] text = Float.toString(value).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(text, 0, out, pos, text.length);
            return pos + text.length;
        }
        if (Float.floatToRawIntBits(value) < 0) {
            out[pos++] = '-';
        }
        double magnitude = Math.abs((double) value);
        if (magnitude == 0) {
            out[pos++] = '0';
            out[pos++] = '.';
            out[pos++] = '0';
            return pos;
        }
        int exponent = (int) Math.floor(Math.getExponent(magnitude) * LOG10_2);
        if (magnitude >= pow10(exponent + 1)) {
            exponent++;
        } else if (magnitude < pow10(exponent)) {
            exponent--;
        }
        int digits = (int) Math.round(magnitude * pow10(8 - exponent));
        if (digits >= 1_000_000_000) {
            digits /= 10;
            exponent++;
        }
        int length = 9;
        while (length > 1 && digits % 10 == 0) {
            digits /= 10;
            length--;
        }
        boolean plain = exponent >= -3 && exponent < 7;
        if (plain && exponent < 0) {
            out[pos++] = '0';
            out[pos++] = '.';
            for (int z = -1; z > exponent; z--) {
                out[pos++] = '0';
            }
            return writeDigits(digits, length, length, out, pos);
        }
        int integerDigits = plain ? exponent + 1 : 1;
        if (length <= integerDigits) {
            pos = writeDigits(digits, length, length, out, pos);
            for (int z = length; z < integerDigits; z++) {
                out[pos++] = '0';
            }
            out[pos++] = '.';
            out[pos++] = '0';
        } else {
            pos = writeDigits(digits, length, integerDigits, out, pos);
        }
        return plain ? pos : writeExponent(exponent, out, pos);
    }

    /** Writes the {@code length} digits of {@code digits} with a decimal point after the first {@code point}. */
    private static int writeDigits(int digits, int length, int point, byte[] out, int pos) {
        if (point >= length) {
            writeRun(digits, length, out, pos);
            return pos + length;
        }
        int fraction = length - point;
        int scale = INT_POW10[fraction];
        writeRun(digits / scale, point, out, pos);
        out[pos + point] = '.';
        writeRun(digits % scale, fraction, out, pos + point + 1);
        return pos + length + 1;
    }

    /** Writes {@code value} as exactly {@code length} digits (zero-padded), two digits per division. */
    private static void writeRun(int value, int length, byte[] out, int pos) {
        int at = pos + length;
        while (at - pos >= 2) {
            int pair = value % 100;
            value /= 100;
            out[--at] = DIGIT_PAIRS[2 * pair + 1];
            out[--at] = DIGIT_PAIRS[2 * pair];
        }
        if (at > pos) {
            out[--at] = (byte) ('0' + value % 10);
        }
    }

    private static int writeExponent(int exponent, byte[] out, int pos) {
        out[pos++] = 'E';
        if (exponent < 0) {
            out[pos++] = '-';
            exponent = -exponent;
        }
        if (exponent >= 10) {
            out[pos++] = (byte) ('0' + exponent / 10);
        }
        out[pos++] = (byte) ('0' + exponent % 10);
        return pos;
    }

    private static double pow10(int k) {
        return POW10[k + POW10_OFFSET];
    }
}
