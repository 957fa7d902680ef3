package org.batchscope.analyzer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {

    /**
     * x = 1..5, y = 2 1 4 3 5: rank differences -1 1 -1 1 0, rho = 1 - 6 * 4 / (5 * 24) = 0.8. Of the 120
     * re-pairings 8 reach rho >= 0.8 (counted with itertools and numpy: the identity, 4 adjacent swaps, 3 pairs
     * of disjoint adjacent swaps), so the exact one-sided p is 8/120 = 0.0667. The estimate from 20,000
     * random re-pairings has standard error sqrt(0.0667 * 0.933 / 20000) = 0.0018; the tolerance 0.008 is 4.5
     * standard errors (false failure below 1e-5; the seed is fixed, so the result is too).
     */
    @Test
    void rhoAndPermutationPValueOfAHandExample() {
        RankCorrelation r = RankCorrelation.of(new double[] {1, 2, 3, 4, 5}, new double[] {2, 1, 4, 3, 5});
        assertThat(r.rho()).isCloseTo(0.8, within(1e-12));
        assertThat(r.pValue()).isCloseTo(8.0 / 120, within(0.008));
    }

    @Test
    void threeCellsCannotShowALink() {
        // perfect order of 3: 1 of the 6 re-pairings reaches it, p about 1/6
        RankCorrelation r = RankCorrelation.of(new double[] {1, 2, 3}, new double[] {10, 20, 30});
        assertThat(r.rho()).isCloseTo(1, within(1e-12));
        assertThat(r.pValue()).isCloseTo(1.0 / 6, within(0.012));
    }

    @Test
    void constantValuesGiveNoCorrelation() {
        RankCorrelation r = RankCorrelation.of(new double[] {0.1, 0.1, 0.1}, new double[] {1, 2, 3});
        assertThat(r.rho()).isNaN();
        assertThat(r.pValue()).isNaN();
    }
}
