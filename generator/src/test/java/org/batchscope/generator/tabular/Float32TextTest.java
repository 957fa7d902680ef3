package org.batchscope.generator.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.batchscope.common.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Float32TextTest {

    private static String text(float value) {
        byte[] out = new byte[Float32Text.MAX_LENGTH];
        int end = Float32Text.write(value, out, 0);
        return new String(out, 0, end, StandardCharsets.US_ASCII);
    }

    @ParameterizedTest
    @CsvSource({
        "0.0, 0.0", "-0.0, -0.0", "1.0, 1.0", "-12.5, -12.5", "3.0, 3.0", "1234567.0, 1234567.0",
        "0.1, 0.100000001", "0.001, 0.00100000005", "1.0E7, 1.0E7", "1.25E-5, 1.24999997E-5", "-3.4028235E38, -3.40282347E38",
        "1.4E-45, 1.40129846E-45", "9.999999E-4, 9.99999931E-4",
    })
    void writesNineSignificantDigitsWithoutTrailingZeros(float value, String expected) {
        assertThat(text(value)).isEqualTo(expected);
    }

    /**
     * The integer estimate of the decimal exponent is {@code floor(k log10 2)} for binary exponents far
     * beyond float32's [-149, 127], and within float32's range the double nearest 10^estimate is at most
     * 2^k, the smallest magnitude with that binary exponent (so the estimate never needs to go down).
     */
    @Test
    void decimalExponentEstimateIsFloorOfKLog10Of2() {
        for (int k = -1100; k <= 1100; k++) {
            assertThat(Float32Text.decimalExponentEstimate(k)).as("k = %d", k).isEqualTo((int) Math.floor(k * Math.log10(2)));
        }
        for (int k = -149; k <= 127; k++) {
            assertThat(Double.parseDouble("1e" + Float32Text.decimalExponentEstimate(k))).as("k = %d", k)
                    .isLessThanOrEqualTo(Math.scalb(1.0, k));
        }
    }

    /**
     * The text of 71,520 float32 values (any bit pattern, table-like values over 13 decades, the float32
     * neighbours of every power of ten and of two, subnormals, NaN and infinities, both signs) is exactly
     * what {@code src/test/python/float32_text_reference.py} computes from the definition with Python's
     * own arithmetic (run once; it writes the resource read here).
     */
    @Test
    void writesWhatThePythonReferenceComputesFromTheDefinition() throws IOException {
        int compared = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Float32TextTest.class.getResourceAsStream("float32-text-reference.tsv.gz")), StandardCharsets.US_ASCII))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] fields = line.split("\t");
                float value = Float.intBitsToFloat(Integer.parseUnsignedInt(fields[0], 16));
                assertThat(text(value)).as(fields[0]).isEqualTo(fields[1]);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(71_520);
    }

    /** Every written value must read back as the same float32: 2 million random bit patterns and Gaussians. */
    @Test
    void everyValueReadsBackExactly() {
        UniformRandomProvider rng = RandomStreams.stream(1, 2, 3);
        for (int i = 0; i < 1_000_000; i++) {
            float bits = Float.intBitsToFloat(rng.nextInt());
            if (Float.isFinite(bits)) {
                assertThat(Float.parseFloat(text(bits))).isEqualTo(bits);
            }
            float gaussian = (float) (rng.nextDouble() * 200 - 100);
            assertThat(Float.parseFloat(text(gaussian))).isEqualTo(gaussian);
        }
    }
}
