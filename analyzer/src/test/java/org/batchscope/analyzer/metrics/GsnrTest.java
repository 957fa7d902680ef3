package org.batchscope.analyzer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GsnrTest {

    @Test
    void handExampleSkipsConstantParameters() {
        // g = (1,2,0), (3,2,1), (2,2,2)
        // parameter 0: values 1,3,2, mean 2, var (1+1+0)/2 = 1 -> 4/1 = 4
        // parameter 1: values 2,2,2, var 0 -> skipped
        // parameter 2: values 0,1,2, mean 1, var (1+0+1)/2 = 1 -> 1/1 = 1
        // debiased by 1/n = 1/3 each: mean GSNR = (4 + 1)/2 - 1/3
        GradientMoments moments = GradientMoments.of(new double[][] {{1, 2, 0}, {3, 2, 1}, {2, 2, 2}});
        assertThat(Gsnr.mean(moments)).isCloseTo(2.5 - 1.0 / 3, within(1e-12));
    }

    @Test
    void floatGradientsWithAConstantParameter() {
        // g = (1,0,2), (3,0,-2), (2,0,3): param 0: mean 2, var 1 -> 4; param 2: mean 1, var 14/2 = 7 -> 1/7;
        // param 1 has zero variance and is left out; each ratio debiased by 1/3
        GradientMoments moments = GradientMoments.of(new float[][] {{1, 0, 2}, {3, 0, -2}, {2, 0, 3}});
        assertThat(Gsnr.mean(moments)).isCloseTo((4 + 1.0 / 7) / 2 - 1.0 / 3, within(1e-12));
    }

    /** A parameter whose mean gradient is within the noise gets a negative debiased ratio. */
    @Test
    void aMeanWithinTheNoiseGivesANegativeRatio() {
        // values -1, 1.2, -0.1: mean 1/30, variance about 1.2, so mean^2 / var is far below 1/n = 1/3
        GradientMoments moments = GradientMoments.of(new double[][] {{-1}, {1.2}, {-0.1}});
        double mean = 0.1 / 3;
        double var = ((-1 - mean) * (-1 - mean) + (1.2 - mean) * (1.2 - mean) + (-0.1 - mean) * (-0.1 - mean)) / 2;
        assertThat(Gsnr.mean(moments)).isCloseTo(mean * mean / var - 1.0 / 3, within(1e-12)).isNegative();
    }

    @Test
    void noVaryingParameterGivesNaN() {
        assertThat(Gsnr.mean(GradientMoments.of(new double[][] {{1, 2}, {1, 2}}))).isNaN();
    }
}
