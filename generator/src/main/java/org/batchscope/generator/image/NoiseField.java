package org.batchscope.generator.image;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Unstructured pixel noise of one sample, drawn once so that every variant of the sample carries the
 * same noise: Gaussian noise of standard deviation sigma added per channel, then salt-and-pepper
 * (each pixel independently black or white, each with probability p/2).
 */
final class NoiseField {

    private static final NoiseField NONE = new NoiseField(null, null);
    private static final byte SALT = 1;
    private static final byte PEPPER = 2;

    private final float[] gaussian;
    private final byte[] saltPepper;

    private NoiseField(float[] gaussian, byte[] saltPepper) {
        this.gaussian = gaussian;
        this.saltPepper = saltPepper;
    }

    /** Draws the noise of an image of {@code size} x {@code size} pixels; none when both levels are 0. */
    static NoiseField draw(UniformRandomProvider rng, int size, double sigma, double saltPepperProbability) {
        if (sigma == 0 && saltPepperProbability == 0) {
            return NONE;
        }
        int pixels = size * size;
        float[] gaussian = null;
        if (sigma > 0) {
            ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
            gaussian = new float[3 * pixels];
            for (int i = 0; i < gaussian.length; i++) {
                gaussian[i] = (float) (sigma * normal.sample());
            }
        }
        byte[] saltPepper = null;
        if (saltPepperProbability > 0) {
            saltPepper = new byte[pixels];
            for (int p = 0; p < pixels; p++) {
                double u = rng.nextDouble();
                saltPepper[p] = u < saltPepperProbability / 2 ? SALT : u < saltPepperProbability ? PEPPER : 0;
            }
        }
        return new NoiseField(gaussian, saltPepper);
    }

    /** @return {@code value} of channel {@code c} of pixel {@code p} with the noise applied, rounded and clipped to [0, 255] */
    int apply(int p, int c, double value) {
        if (saltPepper != null && saltPepper[p] != 0) {
            return saltPepper[p] == SALT ? 255 : 0;
        }
        return quantise(gaussian == null ? value : value + gaussian[3 * p + c]);
    }

    /** @return whether this field adds nothing (no Gaussian and no salt-and-pepper noise) */
    boolean isNone() {
        return gaussian == null && saltPepper == null;
    }

    /** @return {@code value} rounded half up and clipped to [0, 255]: the 8-bit value of a noiseless channel */
    static int quantise(double value) {
        if (value <= 0) {
            return 0;
        }
        return value >= 255 ? 255 : (int) (value + 0.5);
    }
}
