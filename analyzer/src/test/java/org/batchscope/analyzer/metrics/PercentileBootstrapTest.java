package org.batchscope.analyzer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.batchscope.common.RandomStreams;
import org.junit.jupiter.api.Test;

class PercentileBootstrapTest {

    @Test
    void widthMatchesTheNormalApproximation() {
        // x = 1..10: mean 5.5, plug-in std sqrt(8.25) = 2.872, standard error 2.872/sqrt(10) = 0.908;
        // the bootstrap distribution of the mean is close to normal, so the 95% interval is about
        // 5.5 -/+ 1.96 * 0.908 = [3.72, 7.28]. Tolerance 0.3: the Monte Carlo std of a 2.5% quantile
        // from 2000 resamples is about sqrt(0.025*0.975/2000)/phi(1.96) * 0.908 = 0.054, so 0.3 is
        // over 5 Monte Carlo stds plus the normal approximation's error; with a random seed this
        // would fail less than once in a million runs. Here the seed is fixed, so it is deterministic.
        double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        ConfidenceInterval ci = PercentileBootstrap.ofMean(values, 2000, 0.95, RandomStreams.stream(2024));
        assertThat(ci.low()).isCloseTo(3.72, within(0.3));
        assertThat(ci.high()).isCloseTo(7.28, within(0.3));
    }

    @Test
    void sameStreamSameInterval() {
        double[] values = {0.1, 0.9, 0.4};
        assertThat(PercentileBootstrap.ofMean(values, 500, 0.9, RandomStreams.stream(3, 1)))
                .isEqualTo(PercentileBootstrap.ofMean(values, 500, 0.9, RandomStreams.stream(3, 1)));
    }

    @Test
    void rejectsBadArguments() {
        double[] values = {1, 2};
        assertThatThrownBy(() -> PercentileBootstrap.ofMean(values, 0, 0.95, RandomStreams.stream(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resamples");
        assertThatThrownBy(() -> PercentileBootstrap.ofMean(values, 10, 1.0, RandomStreams.stream(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confidence");
        assertThatThrownBy(() -> PercentileBootstrap.ofMean(values, 10, 0.95, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rng");
    }
}
