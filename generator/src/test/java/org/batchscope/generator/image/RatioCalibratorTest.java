package org.batchscope.generator.image;

import org.batchscope.generator.spec.ImageSpec;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.batchscope.generator.SummaryStats;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RatioCalibratorTest {

    /** The dataset mean must be within 10% of the requested r; every image is held to 10% here, the mean to 2%. */
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.3, 1, 3, 10, 30, 100})
    void achievedRatioHitsTheTargetAcrossTheRange(double ratio) {
        for (int size : new int[] {16, 64}) {
            SampleFactory factory = new SampleFactory(ImageSpec.defaults().with(Map.of("ratio", ratio, "size", size)));
            SummaryStats stats = new SummaryStats();
            for (int i = 0; i < 40; i++) {
                Sample sample = factory.draw(Split.TRAIN, i);
                double achieved = sample.calibration().achievedRatio();
                assertThat(achieved).as("size %d sample %d", size, i).isBetween(0.9 * ratio, 1.1 * ratio);
                assertThat(RatioCalibrator.measure(sample.scene(), sample.calibration().contrast(),
                        sample.calibration().colourScale())).isEqualTo(achieved);
                stats.accept(achieved);
            }
            assertThat(stats.mean()).as("size %d", size).isBetween(0.98 * ratio, 1.02 * ratio);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 3, 30})
    void pixelNoiseAboveTheFloorStillReachesTheTarget(double ratio) {
        SampleFactory factory = new SampleFactory(ImageSpec.defaults()
                .with(Map.of("ratio", ratio, "gaussian_noise", 4.0, "salt_pepper", 0.002)));
        SummaryStats stats = new SummaryStats();
        for (int i = 0; i < 30; i++) {
            stats.accept(factory.draw(Split.TRAIN, i).calibration().achievedRatio());
        }
        assertThat(stats.mean()).isBetween(0.9 * ratio, 1.1 * ratio);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 3, 30})
    void measureFollowsTheDefinitionOnTheRenderedPixels(double ratio) {
        SampleFactory factory = new SampleFactory(ImageSpec.defaults().with(Map.of("ratio", ratio, "size", 32)));
        Sample sample = factory.draw(Split.VAL, 3);
        byte[] original = factory.render(sample, Variant.ORIGINAL);
        byte[] swapped = factory.render(sample, Variant.SWAP_FEATURE);
        byte[] eyes = SampleFactory.mask(sample, true);
        double[] sum = new double[3];
        int outside = 0;
        for (int p = 0; p < eyes.length; p++) {
            if (eyes[p] == 0) {
                outside++;
                for (int c = 0; c < 3; c++) {
                    sum[c] += original[3 * p + c] & 0xFF;
                }
            }
        }
        double noise = 0;
        double feature = 0;
        for (int p = 0; p < eyes.length; p++) {
            for (int c = 0; c < 3; c++) {
                int x = original[3 * p + c] & 0xFF;
                if (eyes[p] == 0) {
                    noise += Math.pow(x - sum[c] / outside, 2);
                } else {
                    feature += Math.pow(x - (swapped[3 * p + c] & 0xFF), 2);
                }
            }
        }
        assertThat(sample.calibration().achievedRatio()).isCloseTo(noise / feature, org.assertj.core.data.Offset.offset(1e-9 * ratio));
    }
}
