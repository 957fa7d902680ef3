package org.batchscope.analyzer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GradientNoiseScaleTest {

    @Test
    void fromPerExampleGradients() {
        // g = (1,0), (3,2), (2,4): tr(Sigma) = 5, |mean g|^2 = 8 (see GradientMomentsTest);
        // unbiased |G|^2 = 8 - 5/3 = 19/3; B_simple = 5 / (19/3) = 15/19 = 0.7895
        GradientNoiseScale scale = GradientNoiseScale.of(GradientMoments.of(new double[][] {{1, 0}, {3, 2}, {2, 4}}));
        assertThat(scale.traceCovariance()).isCloseTo(5, within(1e-12));
        assertThat(scale.squaredNorm()).isCloseTo(19.0 / 3, within(1e-12));
        assertThat(scale.bSimple()).isCloseTo(15.0 / 19, within(1e-12));
    }

    @Test
    void fourExamplesInOneDimension() {
        // g = 1, 2, 3, 6: mean 3, deviations -2, -1, 0, 3 -> squares 4+1+0+9 = 14, tr = 14/3;
        // |G|^2 = 9 - (14/3)/4 = 9 - 7/6 = 47/6; B_simple = (14/3)/(47/6) = 28/47
        GradientNoiseScale scale = GradientNoiseScale.of(GradientMoments.of(new double[][] {{1}, {2}, {3}, {6}}));
        assertThat(scale.bSimple()).isCloseTo(28.0 / 47, within(1e-12));
    }

    @Test
    void threeFloatGradientsWithAConstantParameter() {
        // g = (1,0,2), (3,0,-2), (2,0,3): mean (2, 0, 1); squared deviations: param 0: 1+1+0 = 2,
        // param 2: 1+9+4 = 14; tr = 16/2 = 8; |mean|^2 = 5; unbiased |G|^2 = 5 - 8/3 = 7/3; B = 8 / (7/3) = 24/7
        GradientMoments moments = GradientMoments.of(new float[][] {{1, 0, 2}, {3, 0, -2}, {2, 0, 3}});
        GradientNoiseScale scale = GradientNoiseScale.of(moments);
        assertThat(scale.traceCovariance()).isCloseTo(8, within(1e-12));
        assertThat(Math.sqrt(moments.squaredNormOfMean())).isCloseTo(Math.sqrt(5), within(1e-12));
        assertThat(scale.bSimple()).isCloseTo(24.0 / 7, within(1e-12));
    }

    @Test
    void noiseScaleIsInfiniteWhenTheUnbiasedSignalIsNotPositive() {
        // g = 1, -1 (float): tr = 2, |G|^2 = 0 - 2/2 = -1 -> +Infinity
        assertThat(GradientNoiseScale.of(GradientMoments.of(new float[][] {{1}, {-1}})).bSimple())
                .isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void noiseSwampingTheSignalGivesInfinity() {
        // g = (1,0), (-1,0): mean 0, tr = (1 + 1)/1 = 2, |G|^2 = 0 - 2/2 = -1 <= 0 -> +Infinity
        GradientNoiseScale scale = GradientNoiseScale.of(GradientMoments.of(new double[][] {{1, 0}, {-1, 0}}));
        assertThat(scale.squaredNorm()).isCloseTo(-1, within(1e-12));
        assertThat(scale.bSimple()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void noiselessAndZeroGradients() {
        // identical gradients: tr = 0, |G|^2 = 1 -> 0; all zero: 0/0 -> NaN
        assertThat(GradientNoiseScale.of(GradientMoments.of(new double[][] {{1, 0}, {1, 0}})).bSimple()).isZero();
        assertThat(GradientNoiseScale.of(GradientMoments.of(new double[][] {{0, 0}, {0, 0}})).bSimple()).isNaN();
    }

    @Test
    void twoBatchEstimatorRecoversExactExpectedNorms() {
        // true |G|^2 = 4, tr(Sigma) = 12; E|G_B|^2 = 4 + 12/B: B = 2 -> 10, B = 6 -> 6
        // |G|^2 = (6*6 - 2*10)/(6 - 2) = 16/4 = 4; tr = (10 - 6)/(1/2 - 1/6) = 4/(1/3) = 12; B_simple = 3
        GradientNoiseScale scale = GradientNoiseScale.fromTwoBatches(2, 10, 6, 6);
        assertThat(scale.squaredNorm()).isCloseTo(4, within(1e-12));
        assertThat(scale.traceCovariance()).isCloseTo(12, within(1e-12));
        assertThat(scale.bSimple()).isCloseTo(3, within(1e-12));
    }

    @Test
    void twoBatchEstimateWithNegativeTraceIsNaN() {
        // |G_small|^2 < |G_big|^2 (noisy inputs): tr = (5 - 6)/(1/2 - 1/6) = -3 < 0 -> NaN
        assertThat(GradientNoiseScale.fromTwoBatches(2, 5, 6, 6).bSimple()).isNaN();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> GradientNoiseScale.fromTwoBatches(6, 1, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bigBatch");
        assertThatThrownBy(() -> GradientNoiseScale.fromTwoBatches(2, -1, 6, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("smallSquaredNorm");
        assertThatThrownBy(() -> GradientNoiseScale.of(GradientMoments.of(new double[][] {{1}})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
    }
}
