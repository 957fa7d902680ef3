package org.batchscope.generator.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
