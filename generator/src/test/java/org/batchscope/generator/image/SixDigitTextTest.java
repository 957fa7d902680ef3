package org.batchscope.generator.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link SixDigitText} and {@link MetadataCsv#furHex} against the JDK's own formatter, the reference. */
class SixDigitTextTest {

    private static String reference(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    @Test
    void writesWhatTheJdkFormatterWritesForRandomValuesOfEveryMagnitude() {
        SplittableRandom random = new SplittableRandom(20261202);
        int mismatches = 0;
        String firstMismatch = null;
        for (int i = 0; i < 300_000; i++) {
            // log-uniform magnitude over 1e-12 .. 1e12, both signs; every fourth a short decimal (few digits)
            double magnitude = Math.pow(10, random.nextDouble(-12, 12));
            double value = i % 4 == 0 ? Math.round(magnitude * 1e3) / 1e3 : magnitude;
            value = random.nextBoolean() ? value : -value;
            if (!SixDigitText.format(value).equals(reference(value))) {
                mismatches++;
                firstMismatch = firstMismatch == null ? value + ": " + SixDigitText.format(value) + " vs "
                        + reference(value) : firstMismatch;
            }
        }
        assertThat(mismatches).as("first: %s", firstMismatch).isZero();
    }

    @Test
    void writesWhatTheJdkFormatterWritesAtTheRoundingAndNotationBoundaries() {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 1e-4, 999999.5, 999999.4999, 99999.95,
                9.9999949999, 9.999995, 0.5, 1.0, 2.0, 3.0, 30.0, 123456.5, 1234565.0, 0.000123456789));
        for (int k = -12; k <= 12; k++) {
            double power = Math.pow(10, k);
            for (double base : new double[] {1, 9.999995, 9.9999949, 9.99999, 1.000005, 1.0000049, 5, 2.5}) {
                double value = base * power;
                values.add(value);
                values.add(Math.nextUp(value));
                values.add(Math.nextDown(value));
            }
        }
        for (double value : values) {
            assertThat(SixDigitText.format(value)).as("%s", value).isEqualTo(reference(value));
            assertThat(SixDigitText.format(-value)).as("%s", -value).isEqualTo(reference(-value));
        }
    }

    @Test
    void furColoursAreWrittenAsTheJdkFormatterWritesThem() {
        for (int rgb : new int[] {0, 0x1, 0xF, 0xAB, 0x1E1818, 0x0000FF, 0x00FF00, 0xFFFFFF, 0x808080, 0x0A0B0C}) {
            assertThat(MetadataCsv.furHex(rgb)).isEqualTo(String.format("#%06x", rgb));
        }
    }
}
