package org.batchscope.analyzer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.batchscope.common.RandomStreams;
import org.junit.jupiter.api.Test;

class AveragedNoiseScaleTest {

    /** Ratio of the means, not mean or median of ratios; a probe with |G|^2 <= 0 is kept and counted. */
    @Test
    void handExampleAveragesBeforeDividing() {
        // means: tr 30 / |G|^2 (0.5 + 1.5 - 0.5) / 3 = 0.5 -> 60; per-probe ratios would be 40, 20, +Infinity
        AveragedNoiseScale s = AveragedNoiseScale.of(new double[] {20, 30, 40}, new double[] {0.5, 1.5, -0.5}, 200,
                0.9, RandomStreams.stream(0, 1));
        assertThat(s.traceCovariance()).isCloseTo(30, within(1e-12));
        assertThat(s.squaredNorm()).isCloseTo(0.5, within(1e-12));
        assertThat(s.bSimple()).isCloseTo(60, within(1e-9));
        assertThat(s.probes()).isEqualTo(3);
        assertThat(s.nonPositiveProbes()).isEqualTo(1);
        // resamples made of the third probe alone (probability 1/27 each) have an infinite ratio
        assertThat(s.interval().high()).isInfinite();
        assertThat(s.interval().low()).isLessThan(60);
    }

    @Test
    void negativeAveragedSquaredNormGivesAnInfiniteScale() {
        AveragedNoiseScale s = AveragedNoiseScale.of(new double[] {1, 1}, new double[] {-1, 0.5}, 10, 0.9,
                RandomStreams.stream(0, 1));
        assertThat(s.bSimple()).isInfinite();
        assertThat(s.nonPositiveProbes()).isEqualTo(1);
    }

    /**
     * Known truth: per-example gradients g = G + z, z standard normal in d = 50 dimensions, so tr(Sigma) =
     * 50, and |G|^2 = 0.5: B_simple = 100. 400 probes of 64 examples each, as a run's probes would be (the
     * per-probe |G|^2 estimate has a standard deviation of about 0.24 against 0.5, so some are negative).
     * The averaged estimate's relative standard deviation is about 2.4% (that of the averaged |G|^2: 0.24
     * / sqrt(400) / 0.5); the 12% tolerance is 5 of them, a false-failure rate below 1e-6 (the draw is
     * seeded, so the test is deterministic). The bootstrap interval contains the estimate and is narrower
     * than the tolerance.
     */
    @Test
    void recoversAKnownNoiseScale() {
        int d = 50;
        int n = 64;
        int probes = 400;
        double[] g = new double[d];
        for (int j = 0; j < d; j++) {
            g[j] = Math.sqrt(0.5 / d);
        }
        UniformRandomProvider rng = RandomStreams.stream(3, 7);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] traces = new double[probes];
        double[] norms = new double[probes];
        int negative = 0;
        for (int p = 0; p < probes; p++) {
            GradientMoments moments = new GradientMoments(d);
            double[] sample = new double[d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    sample[j] = g[j] + gauss.sample();
                }
                moments.accept(sample);
            }
            GradientNoiseScale one = GradientNoiseScale.of(moments);
            traces[p] = one.traceCovariance();
            norms[p] = one.squaredNorm();
            negative += norms[p] <= 0 ? 1 : 0;
        }
        AveragedNoiseScale s = AveragedNoiseScale.of(traces, norms, 1000, 0.9, RandomStreams.stream(0, 1));
        assertThat(s.bSimple()).isCloseTo(100, within(12.0));
        assertThat(s.nonPositiveProbes()).isEqualTo(negative);
        assertThat(s.interval().contains(s.bSimple())).isTrue();
        assertThat(s.interval().high() - s.interval().low()).isLessThan(24);
    }
}
