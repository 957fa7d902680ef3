package org.batchscope.analyzer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeedStatisticsTest {

    private static final double[] AMPLITUDES = {0.2, 0.4, 0.3, 0.5};

    @Test
    void meanAndSampleStd() {
        // mean 1.4/4 = 0.35; deviations -0.15, 0.05, -0.05, 0.15;
        // squares 0.0225+0.0025+0.0025+0.0225 = 0.05; 0.05/(4-1) = 1/60; std = sqrt(1/60) = 0.1291
        SeedStatistics stats = SeedStatistics.of(AMPLITUDES, 42);
        assertThat(stats.seeds()).isEqualTo(4);
        assertThat(stats.mean()).isCloseTo(0.35, within(1e-15));
        assertThat(stats.std()).isCloseTo(Math.sqrt(1.0 / 60), within(1e-15));
    }

    @Test
    void intervalContainsTheMeanAndStaysInTheDataRange() {
        // every resampled mean lies in [min, max] = [0.2, 0.5]
        ConfidenceInterval ci = SeedStatistics.of(AMPLITUDES, 42).ci95();
        assertThat(ci.contains(0.35)).isTrue();
        assertThat(ci.low()).isGreaterThanOrEqualTo(0.2).isLessThan(0.35);
        assertThat(ci.high()).isLessThanOrEqualTo(0.5).isGreaterThan(0.35);
    }

    @Test
    void intervalIsReproducibleForASeed() {
        assertThat(SeedStatistics.of(AMPLITUDES, 7)).isEqualTo(SeedStatistics.of(AMPLITUDES, 7));
        assertThat(SeedStatistics.of(AMPLITUDES, 7).ci95()).isNotEqualTo(SeedStatistics.of(AMPLITUDES, 8).ci95());
    }

    @Test
    void identicalSeedsGiveAPointInterval() {
        SeedStatistics stats = SeedStatistics.of(new double[] {0.3, 0.3, 0.3}, 1);
        assertThat(stats.std()).isEqualTo(0.0);
        assertThat(stats.ci95()).isEqualTo(new ConfidenceInterval(0.3, 0.3));
    }

    @Test
    void oneSeedHasUndefinedSpread() {
        SeedStatistics stats = SeedStatistics.of(new double[] {0.3}, 1);
        assertThat(stats.mean()).isEqualTo(0.3);
        assertThat(stats.std()).isNaN();
        assertThat(stats.ci95()).isEqualTo(ConfidenceInterval.UNDEFINED);
        assertThat(stats.ci95().contains(0.3)).isFalse();
    }

    @Test
    void rejectsEmptyInput() {
        assertThatThrownBy(() -> SeedStatistics.of(new double[0], 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("perSeed");
    }
}
