package org.batchscope.analyzer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GradientMomentsTest {

    private static final double[][] GRADIENTS = {{1, 0}, {3, 2}, {2, 4}};

    @Test
    void handComputedMoments() {
        // G = ((1+3+2)/3, (0+2+4)/3) = (2, 2); |G|^2 = 8
        // deviations (-1,-2), (1,0), (0,2): |.|^2 = 5, 1, 4 -> sum 10; tr(Sigma) = 10/(3-1) = 5
        // var_0 = (1+1+0)/2 = 1, var_1 = (4+0+4)/2 = 4
        GradientMoments moments = GradientMoments.of(GRADIENTS);
        assertThat(moments.count()).isEqualTo(3);
        assertThat(moments.mean(0)).isCloseTo(2, within(1e-15));
        assertThatThrownBy(() -> moments.variance(2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameter");
        assertThat(moments.squaredNormOfMean()).isCloseTo(8, within(1e-12));
        assertThat(moments.traceCovariance()).isCloseTo(5, within(1e-12));
        assertThat(moments.variance(0)).isCloseTo(1, within(1e-12));
        assertThat(moments.variance(1)).isCloseTo(4, within(1e-12));
    }

    @Test
    void floatAndDoubleGradientsAgree() {
        GradientMoments fromFloats = GradientMoments.of(new float[][] {{1, 0}, {3, 2}, {2, 4}});
        assertThat(fromFloats.traceCovariance()).isCloseTo(5, within(1e-12));
        assertThat(fromFloats.squaredNormOfMean()).isCloseTo(8, within(1e-12));
    }

    @Test
    void combineEqualsAcceptingEverything() {
        GradientMoments first = new GradientMoments(2);
        first.accept(GRADIENTS[0]);
        GradientMoments rest = new GradientMoments(2);
        rest.accept(GRADIENTS[1]);
        rest.accept(GRADIENTS[2]);
        GradientMoments combined = first.combine(rest).combine(new GradientMoments(2));
        assertThat(combined.count()).isEqualTo(3);
        assertThat(combined.traceCovariance()).isCloseTo(5, within(1e-12));
        assertThat(combined.squaredNormOfMean()).isCloseTo(8, within(1e-12));
        assertThat(new GradientMoments(2).combine(rest).variance(1)).isCloseTo(2, within(1e-12));
    }

    @Test
    void welfordKeepsPrecisionWithALargeOffset() {
        // values 1e9 + {4, 7, 13, 16}: variance of {4, 7, 13, 16} = (36+9+9+36)/3 = 30
        GradientMoments moments = GradientMoments.of(new double[][] {{1e9 + 4}, {1e9 + 7}, {1e9 + 13}, {1e9 + 16}});
        assertThat(moments.variance(0)).isCloseTo(30, within(1e-6));
    }

    @Test
    void rejectsBadArguments() {
        GradientMoments moments = new GradientMoments(2);
        assertThatThrownBy(() -> moments.accept(new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gradient");
        assertThatThrownBy(() -> moments.accept(new float[] {1, Float.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gradient[1]");
        assertThatThrownBy(moments::traceCovariance)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> GradientMoments.of(new double[0][]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gradients");
        assertThatThrownBy(() -> moments.mean(2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> moments.combine(new GradientMoments(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameters");
        assertThat(moments.count()).isZero();
    }
}
