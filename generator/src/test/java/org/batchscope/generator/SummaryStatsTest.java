package org.batchscope.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Against numpy: the values and numpy's mean, std (ddof=1), min and max were written by
 * {@code generator/src/test/python/summary_stats_reference.py} (numpy 1.24.2, float64). The series has
 * an offset of 1e6 and a spread of about 0.7, where a one-pass sum of squares would lose about 12 digits.
 */
class SummaryStatsTest {

    @Test
    void oneStreamAndCombinedChunksMatchNumpy() {
        SummaryStatsReference reference = SummaryStatsReference.load();
        double[] values = reference.values();
        SummaryStats whole = SummaryStats.of(values);
        SummaryStats chunked = new SummaryStats();
        for (int start = 0; start < values.length; start += 300) {
            SummaryStats chunk = new SummaryStats();
            for (int i = start; i < Math.min(values.length, start + 300); i++) {
                chunk.accept(values[i]);
            }
            chunked.combine(chunk);
        }
        for (SummaryStats stats : new SummaryStats[] {whole, chunked}) {
            assertThat(stats.count()).isEqualTo(1000);
            // one ulp of 1e6 is 1.2e-10: 1e-9 allows 8 ulps of summation order difference
            assertThat(stats.mean()).isCloseTo(reference.mean(), within(1e-9));
            // the deviations carry the inputs' rounding (1.2e-10 each); 1e-9 on std 0.71 is 1.4e-9 relative
            assertThat(stats.std()).isCloseTo(reference.std(), within(1e-9));
            assertThat(stats.min()).isEqualTo(reference.min());
            assertThat(stats.max()).isEqualTo(reference.max());
        }
    }

    @Test
    void emptyAndSingleValue() {
        SummaryStats empty = new SummaryStats();
        assertThat(empty.mean()).isNaN();
        assertThat(empty.std()).isNaN();
        assertThat(empty.min()).isNaN();
        SummaryStats one = SummaryStats.of(2.5);
        assertThat(one.mean()).isEqualTo(2.5);
        assertThat(one.std()).isEqualTo(0.0);
        assertThat(one.max()).isEqualTo(2.5);
    }
}
