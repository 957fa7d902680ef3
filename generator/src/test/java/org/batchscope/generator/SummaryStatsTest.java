package org.batchscope.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import org.batchscope.common.Json;
import org.junit.jupiter.api.Test;

/**
 * Against numpy: the values and numpy's mean, std (ddof=1), min and max were written by
 * {@code generator/src/test/python/summary_stats_reference.py} (numpy 1.24.2, float64). The series has
 * an offset of 1e6 and a spread of about 0.7, where a one-pass sum of squares would lose about 12 digits.
 */
class SummaryStatsTest {

    @Test
    void oneStreamAndCombinedChunksMatchNumpy() throws IOException {
        JsonNode reference;
        try (InputStream in = SummaryStatsTest.class.getResourceAsStream("summary-stats-reference.json")) {
            reference = Json.mapper().readTree(in);
        }
        double[] values = new double[reference.get("values").size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = reference.get("values").get(i).asDouble();
        }
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
            assertThat(stats.mean()).isCloseTo(reference.get("mean").asDouble(), within(1e-9));
            // the deviations carry the inputs' rounding (1.2e-10 each); 1e-9 on std 0.71 is 1.4e-9 relative
            assertThat(stats.std()).isCloseTo(reference.get("std").asDouble(), within(1e-9));
            assertThat(stats.min()).isEqualTo(reference.get("min").asDouble());
            assertThat(stats.max()).isEqualTo(reference.get("max").asDouble());
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
