package org.batchscope.generator.tabular;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
 * <p>Why by hand: on JDK 17, {@code StringBuilder.append(float)} plus the byte conversion cost 93-100 ns of
 * CPU per value (measured on 2^20 Gaussian values on this 2-core machine, thread CPU time) and was 80% of
 * the table writer's time; this writer costs about 30 ns per value on the same values (see generator/README.md,
 * "Tables").
 */
final class Float32Text {

    /** Room one value needs: at most 15 bytes ({@code -1.23456789E-45}); the digit stores write 10 at once. */
    static final int MAX_LENGTH = 16;

    private static final double LOG10_2 = 0.30102999566398120;
    private static final int POW10_OFFSET = 64;
    private static final double[] POW10 = new double[2 * POW10_OFFSET + 1];

    /** The two ASCII digits of 0..99 as a little-endian 16-bit word (tens digit first in memory). */
    private static final long[] PAIR_WORDS = new long[100];
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        for (int pair = 0; pair < 100; pair++) {
            PAIR_WORDS[pair] = ('0' + pair / 10) | ('0' + pair % 10) << 8;
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
        out[pos] = '-';
        pos += Float.floatToRawIntBits(value) >>> 31;
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
        boolean plain = exponent >= -3 && exponent < 7;
        int integerDigits = plain ? exponent + 1 : 1;
        if (plain && exponent < 0) {
            out[pos++] = '0';
            out[pos++] = '.';
            for (int z = -1; z > exponent; z--) {
                out[pos++] = '0';
            }
            integerDigits = 9;
        }
        int end = writeNineDigits(digits, integerDigits, out, pos);
        int fractionDigits = integerDigits < 9 ? 9 - integerDigits : 9;
        end -= Math.min(trailingZeros(digits), fractionDigits - 1);
        return plain ? end : writeExponent(exponent, out, end);
    }

    /**
     * Writes the 9 digits of {@code digits} (in [1e8, 1e9)) from {@code pos}, with a decimal point after
     * the first {@code integerDigits} when that is below 9. Fixed cost: constant divisions, a table of
     * digit pairs, the point inserted by shifting a 64-bit word of 8 digits, and two stores.
     *
     * @return the position after the last digit
     */
    private static int writeNineDigits(int digits, int integerDigits, byte[] out, int pos) {
        int high = digits / 100_000;
        int low = digits - high * 100_000;
        int pair0 = high / 100;
        int pair1 = high - pair0 * 100;
        int pair2 = low / 1000;
        int rest = low - pair2 * 1000;
        int pair3 = rest / 10;
        long last = '0' + rest - pair3 * 10;
        long word = PAIR_WORDS[pair0] | PAIR_WORDS[pair1] << 16 | PAIR_WORDS[pair2] << 32 | PAIR_WORDS[pair3] << 48;
        if (integerDigits >= 9) {
            LONG_LE.set(out, pos, word);
            out[pos + 8] = (byte) last;
            return pos + 9;
        }
        int shift = 8 * integerDigits;
        long keep = (1L << shift) - 1;
        LONG_LE.set(out, pos, (word & keep) | ((long) '.' << shift) | ((word & ~keep) << 8));
        SHORT_LE.set(out, pos + 8, (short) ((word >>> 56) | last << 8));
        return pos + 10;
    }

    /** @return the number of trailing decimal zeros of {@code digits} (non-zero); usually 0 for data values */
    private static int trailingZeros(int digits) {
        int zeros = 0;
        while (digits % 10 == 0) {
            digits /= 10;
            zeros++;
        }
        return zeros;
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
