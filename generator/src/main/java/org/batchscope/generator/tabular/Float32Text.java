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
 * <p>The digits: with e the largest integer such that {@code P(e) <= |v|} (P(e) the double nearest
 * 10^e), the 9 digits are {@code |v| * P(8 - e)} (one double product) rounded half up; a carry to 10
 * digits drops the last one and adds one to e. {@code src/test/python/float32_text_reference.py} computes
 * the same text from this definition with Python's arithmetic, and the tests compare.
 *
 * <p>Why by hand: on JDK 17, {@code StringBuilder.append(float)} plus the byte conversion cost 93-100 ns of
 * CPU per value (measured on 2^20 Gaussian values on this 2-core machine, thread CPU time) and was 80% of
 * the table writer's time; this writer costs 30-50 ns per value (by the load on the machine). Written
 * for the JIT's two phases (see generator/README.md, "Benchmark"): the decimal exponent from the binary one
 * with an integer product instead of {@code Math.floor} (not intrinsic here: a call in every phase),
 * rounding by {@code (int) (x + 0.5)} (exact for x in [2^26, 2^30)), the plain form's two shapes
 * chosen by conditional values rather than branches on the data, and plain byte stores instead of
 * byte-array VarHandles, which the first (profiling) compiled form of a method runs through Unsafe's non-intrinsic
 * fallback. Against the previous form (same bytes: 43.7 million values compared, every
 * bit pattern class included) on 1.1 million table values, thread CPU, load 6.5-7: 65-81 ns against
 * 91-167 ns per value in the profiling form ({@code -XX:TieredStopAtLevel=3}), and 33-49 ns against
 * 41-52 ns in the final one, where the two are within the machine's noise.
 */
final class Float32Text {

    /** Room one value needs: at most 15 bytes ({@code -1.23456789E-45}); the stores write up to 16. */
    static final int MAX_LENGTH = 16;

    private static final int POW10_OFFSET = 64;
    private static final double[] POW10 = new double[2 * POW10_OFFSET + 1];

    /** The two ASCII digits of 0..99 as a little-endian 16-bit word (tens digit first in memory). */
    private static final long[] PAIR_WORDS = new long[100];

    /** {@code "0.000000"} as a little-endian 64-bit word: the start of a plain value below 1. */
    private static final long ZERO_POINT_ZEROS = 0x3030303030302E30L;

    /**
     * {@code floor(k * log10(2)) == (k * LOG10_2_NUMERATOR) >> 18} for every binary exponent k of a double
     * made from a float32 (k in [-149, 127]; Float32TextTest checks [-1100, 1100]).
     */
    private static final int LOG10_2_NUMERATOR = 78913;

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

    /** @return {@code floor(binaryExponent * log10(2))} (see {@link #LOG10_2_NUMERATOR}) */
    static int decimalExponentEstimate(int binaryExponent) {
        return (binaryExponent * LOG10_2_NUMERATOR) >> 18;
    }

    /**
     * Writes {@code value} into {@code out} from {@code pos}; {@code out} needs {@link #MAX_LENGTH} bytes of
     * room there.
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
        // the estimate is e or e - 1: 10^estimate <= 2^k <= magnitude
        int exponent = decimalExponentEstimate(Math.getExponent(magnitude));
        exponent += magnitude >= POW10[exponent + 1 + POW10_OFFSET] ? 1 : 0;
        int digits = (int) (magnitude * POW10[8 - exponent + POW10_OFFSET] + 0.5);
        if (digits >= 1_000_000_000) {
            digits /= 10;
            exponent++;
        }
        int high = digits / 100_000;
        int low = digits - high * 100_000;
        int pair0 = high / 100;
        int pair1 = high - pair0 * 100;
        int pair2 = low / 1000;
        int rest = low - pair2 * 1000;
        int pair3 = rest / 10;
        int last = rest - pair3 * 10;
        long firstEight = PAIR_WORDS[pair0] | PAIR_WORDS[pair1] << 16 | PAIR_WORDS[pair2] << 32 | PAIR_WORDS[pair3] << 48;
        int zeros = last != 0 ? 0 : trailingZeros(digits);
        if (exponent >= -3 && exponent < 7) {
            // below 1: "0." and -e-1 zeros, then the 9 digits; else the digits with a point after e+1 of them
            boolean belowOne = exponent < 0;
            int point = 8 * (exponent + 1); // meaningless below one, where pointed is not used
            long keep = (1L << point) - 1;
            long pointed = (firstEight & keep) | ((long) '.' << point) | ((firstEight & ~keep) << 8);
            putLong(out, pos, ZERO_POINT_ZEROS);
            int at = belowOne ? pos + 1 - exponent : pos;
            putLong(out, at, belowOne ? firstEight : pointed);
            out[at + 8] = (byte) (belowOne ? '0' + last : firstEight >>> 56);
            out[at + 9] = (byte) ('0' + last);
            return belowOne ? at + 9 - zeros : at + 10 - Math.min(zeros, 7 - exponent);
        }
        putLong(out, pos, (firstEight & 0xFF) | ((long) '.' << 8) | ((firstEight & ~0xFFL) << 8));
        out[pos + 8] = (byte) (firstEight >>> 56);
        out[pos + 9] = (byte) ('0' + last);
        pos += 10 - Math.min(zeros, 7);
        return writeExponent(exponent, out, pos);
    }

    /** Stores the 8 bytes of {@code word}, lowest first. */
    private static void putLong(byte[] out, int pos, long word) {
        out[pos] = (byte) word;
        out[pos + 1] = (byte) (word >>> 8);
        out[pos + 2] = (byte) (word >>> 16);
        out[pos + 3] = (byte) (word >>> 24);
        out[pos + 4] = (byte) (word >>> 32);
        out[pos + 5] = (byte) (word >>> 40);
        out[pos + 6] = (byte) (word >>> 48);
        out[pos + 7] = (byte) (word >>> 56);
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
}
