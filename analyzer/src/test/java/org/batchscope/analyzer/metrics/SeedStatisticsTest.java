package org.batchscope.analyzer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeedStatisticsTest {

    private static final double[] AMPLITUDES = {0.2, 0.4, 0.3, 0.5};

    @Test
    void meanSampleStdAndRange() {
        // mean 1.4/4 = 0.35; deviations -0.15, 0.05, -0.05, 0.15;
        // squares 0.0225+0.0025+0.0025+0.0225 = 0.05; 0.05/(4-1) = 1/60; std = sqrt(1/60) = 0.1291
        SeedStatistics stats = SeedStatistics.of(AMPLITUDES);
        assertThat(stats.seeds()).isEqualTo(4);
        assertThat(stats.mean()).isCloseTo(0.35, within(1e-15));
        assertThat(stats.std()).isCloseTo(Math.sqrt(1.0 / 60), within(1e-15));
        assertThat(stats.min()).isEqualTo(0.2);
        assertThat(stats.max()).isEqualTo(0.5);
    }

    @Test
    void intervalIsTheStudentTInterval() {
        // t_{0.975, 3} = 3.182446305 (any t table); half width 3.182446305 * sqrt(1/60) / 2 = 0.2054260256
        ConfidenceInterval ci = SeedStatistics.of(AMPLITUDES).ci95();
        assertThat(ci.low()).isCloseTo(0.35 - 0.2054260256, within(1e-8));
        assertThat(ci.high()).isCloseTo(0.35 + 0.2054260256, within(1e-8));
        // two seeds: t_{0.975, 1} = 12.706204736; {0, 1}: s = sqrt(0.5), half width 12.706204736 * 0.5 = 6.353102368
        ConfidenceInterval two = SeedStatistics.of(new double[] {0, 1}).ci95();
        assertThat(two.high()).isCloseTo(0.5 + 6.353102368, within(1e-8));
    }

    @Test
    void identicalSeedsGiveAPointInterval() {
        SeedStatistics stats = SeedStatistics.of(new double[] {0.3, 0.3, 0.3});
        assertThat(stats.std()).isEqualTo(0.0);
        assertThat(stats.ci95()).isEqualTo(new ConfidenceInterval(0.3, 0.3));
    }

    @Test
    void oneSeedHasUndefinedSpread() {
        SeedStatistics stats = SeedStatistics.of(new double[] {0.3});
        assertThat(stats.mean()).isEqualTo(0.3);
        assertThat(stats.std()).isNaN();
        assertThat(stats.ci95()).isEqualTo(ConfidenceInterval.UNDEFINED);
        assertThat(stats.ci95().contains(0.3)).isFalse();
    }

    @Test
    void rejectsEmptyInput() {
        assertThatThrownBy(() -> SeedStatistics.of(new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("perSeed");
    }
}
