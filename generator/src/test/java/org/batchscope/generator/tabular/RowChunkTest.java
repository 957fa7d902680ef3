package org.batchscope.generator.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.batchscope.generator.SummaryStatsReference;
import org.junit.jupiter.api.Test;

/**
 * The per-column spreads behind the achieved r, chunk by chunk and combined in chunk order as the generator
 * combines them, against numpy: the 1,000 values and their std (ddof=1) of {@code summary-stats-reference.json}
 * ({@code generator/src/test/python/summary_stats_reference.py}, numpy 1.24.2, float64; an offset of 1e6 and
 * a spread of about 0.7, where a one-pass sum of squares would lose about 12 digits).
 */
class RowChunkTest {

    @Test
    void columnSpreadsCombinedOverChunksMatchNumpy() {
        SummaryStatsReference reference = SummaryStatsReference.load();
        double[] values = reference.values();
        int n = values.length;
        // two latent columns, interleaved as a chunk holds them: the values, and the values times -3 (std 3x numpy's)
        StandardDeviation first = StandardDeviation.create();
        StandardDeviation second = StandardDeviation.create();
        for (int start = 0; start < n; start += 300) {
            int rows = Math.min(300, n - start);
            double[] latent = new double[2 * rows];
            for (int r = 0; r < rows; r++) {
                latent[2 * r] = values[start + r];
                latent[2 * r + 1] = -3 * values[start + r];
            }
            StandardDeviation[] spreads = new RowChunk(Split.TRAIN, start, rows, new float[0], new int[rows], latent,
                    new long[2], 0).latentSpreads();
            assertThat(spreads).hasSize(2);
            first.combine(spreads[0]);
            second.combine(spreads[1]);
        }
        // 1e-9 on a std of 0.71 is 1.4e-9 relative: the inputs' own rounding at 1e6 is 1.2e-10 each
        assertThat(first.getAsDouble()).isCloseTo(reference.std(), within(1e-9));
        assertThat(second.getAsDouble()).isCloseTo(3 * reference.std(), within(3e-9));
    }
}
