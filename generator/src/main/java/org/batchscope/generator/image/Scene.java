package org.batchscope.generator.image;

import org.batchscope.generator.image.DogPainter.Region;

/**
 * The layers of one sample before contrast and colour scaling: the background, the dog's colours and
 * region codes, the two iris colours (own class and swap class, at full colour distance) and the
 * pixel-noise fields. {@link #channel} turns them into final 8-bit values:
 * <pre>
 *   base(p)  = dog(p) on the dog, background(p) elsewhere (ANCHOR for ONLY_FOREGROUND)
 *   value(p) = iris(s)             on iris pixels, with iris(s) = m + s (colour - m), m the mean class colour
 *            = PUPIL               on pupil pixels
 *            = A + c (base(p) - A) elsewhere, A = ANCHOR grey, c the contrast
 *   out(p)   = clip(round(value(p) + gaussian(p)), 0, 255), then salt (255) or pepper (0) where drawn
 * </pre>
 * Contrast c scales everything but the eyes towards the anchor, so the energy outside the eyes scales
 * as c^2; colour scale s moves the iris colours towards their mean, so the eyes' class difference scales as s^2.
 */
public final class Scene {

    /** The grey that low contrast fades towards, and the plain background of ONLY_FOREGROUND. */
    public static final float ANCHOR = 128f;
    /** Pupil colour (all channels). */
    public static final float PUPIL = 20f;

    private final int size;
    private final float[] background;
    private final float[] dog;
    private final byte[] regions;
    private final float[] ownIris;
    private final float[] swapIris;
    private final float[] meanIris;
    private final NoiseField noise;
    /** dog(p) on the dog, background(p) elsewhere: the base of ORIGINAL outside the eyes. */
    private final float[] base;

    Scene(int size, float[] background, float[] dog, byte[] regions, float[] ownIris, float[] swapIris,
            float[] meanIris, NoiseField noise) {
        this.size = size;
        this.background = background;
        this.dog = dog;
        this.regions = regions;
        this.ownIris = ownIris;
        this.swapIris = swapIris;
        this.meanIris = meanIris;
        this.noise = noise;
        this.base = background.clone();
        for (int p = 0; p < regions.length; p++) {
            if (regions[p] == Region.DOG) {
                System.arraycopy(dog, 3 * p, base, 3 * p, 3);
            }
        }
    }

    /** @return the same scene on another background layer */
    Scene withBackground(float[] other) {
        return new Scene(size, other, dog, regions, ownIris, swapIris, meanIris, noise);
    }

    public int size() {
        return size;
    }

    /** @return the per-pixel {@link Region} codes (shared, do not modify) */
    public byte[] regions() {
        return regions;
    }

    /**
     * @param p       pixel index (row-major)
     * @param c       channel 0 (red), 1 (green) or 2 (blue)
     * @param variant what to show; SWAP_BACKGROUND is shown as ORIGINAL on a scene made by {@link #withBackground}
     * @return the final 8-bit value of that channel
     */
    public int channel(int p, int c, Variant variant, double contrast, double colourScale) {
        byte region = variant == Variant.ONLY_BACKGROUND ? Region.BACKGROUND : regions[p];
        int i = 3 * p + c;
        float under = variant == Variant.ONLY_FOREGROUND ? foreground(region, i) : layer(variant)[i];
        return noise.apply(p, c, value(region, under, iris(variant), c, contrast, colourScale));
    }

    /** Writes the image as row-major RGB bytes into {@code out} (length 3 size^2): {@link #channel} for every pixel. */
    public void compose(Variant variant, double contrast, double colourScale, byte[] out) {
        if (noise.isNone() && variant != Variant.ONLY_BACKGROUND && variant != Variant.ONLY_FOREGROUND) {
            composeNoiseless(layer(variant), iris(variant), contrast, colourScale, out);
            return;
        }
        int pixels = size * size;
        float[] layer = layer(variant);
        float[] iris = iris(variant);
        boolean onlyBackground = variant == Variant.ONLY_BACKGROUND;
        boolean onlyForeground = variant == Variant.ONLY_FOREGROUND;
        for (int p = 0; p < pixels; p++) {
            byte region = onlyBackground ? Region.BACKGROUND : regions[p];
            for (int c = 0; c < 3; c++) {
                int i = 3 * p + c;
                float under = onlyForeground ? foreground(region, i) : layer[i];
                out[i] = (byte) noise.apply(p, c, value(region, under, iris, c, contrast, colourScale));
            }
        }
    }

    /**
     * {@link #compose} of a variant that keeps the region map, without pixel noise: the same values as
     * {@link #channel}, in one pass over the arrays with the eye colours rounded once (the ratio calibration
     * composes every image once or twice, so this loop is a large part of the drawing time).
     */
    private void composeNoiseless(float[] layer, float[] iris, double contrast, double colourScale, byte[] out) {
        byte[] irisBytes = new byte[3];
        for (int c = 0; c < 3; c++) {
            irisBytes[c] = (byte) NoiseField.quantise(value(Region.IRIS, 0f, iris, c, contrast, colourScale));
        }
        byte pupil = (byte) NoiseField.quantise(PUPIL);
        for (int p = 0, i = 0; p < regions.length; p++, i += 3) {
            byte region = regions[p];
            if (region < Region.IRIS) {
                out[i] = (byte) NoiseField.quantise(ANCHOR + contrast * (layer[i] - ANCHOR));
                out[i + 1] = (byte) NoiseField.quantise(ANCHOR + contrast * (layer[i + 1] - ANCHOR));
                out[i + 2] = (byte) NoiseField.quantise(ANCHOR + contrast * (layer[i + 2] - ANCHOR));
            } else if (region == Region.IRIS) {
                out[i] = irisBytes[0];
                out[i + 1] = irisBytes[1];
                out[i + 2] = irisBytes[2];
            } else {
                out[i] = pupil;
                out[i + 1] = pupil;
                out[i + 2] = pupil;
            }
        }
    }

    /** @return the value before noise, rounding and clipping (see the class comment) */
    private double value(byte region, float under, float[] iris, int c, double contrast, double colourScale) {
        if (region == Region.IRIS) {
            return meanIris[c] + colourScale * (iris[c] - meanIris[c]);
        }
        if (region == Region.PUPIL) {
            return PUPIL;
        }
        return ANCHOR + contrast * (under - ANCHOR);
    }

    /** @return the layer under everything but the eyes: the background alone for ONLY_BACKGROUND, else the base */
    private float[] layer(Variant variant) {
        return variant == Variant.ONLY_BACKGROUND ? background : base;
    }

    /** @return the ONLY_FOREGROUND layer at value index {@code i}: the dog on the dog, the anchor grey elsewhere */
    private float foreground(byte region, int i) {
        return region == Region.DOG ? dog[i] : ANCHOR;
    }

    private float[] iris(Variant variant) {
        return variant == Variant.SWAP_FEATURE ? swapIris : ownIris;
    }

    /**
     * @return {@code {E_noise, E_feature}} of {@link RatioCalibrator} at contrast 1 and colour scale 1,
     *         before noise, rounding and clipping
     */
    double[] rawEnergies() {
        double[] sum = new double[3];
        double[] sumSquares = new double[3];
        long outside = 0;
        long iris = 0;
        for (int p = 0; p < regions.length; p++) {
            if (regions[p] < Region.IRIS) {
                outside++;
                for (int c = 0; c < 3; c++) {
                    double v = base[3 * p + c];
                    sum[c] += v;
                    sumSquares[c] += v * v;
                }
            } else if (regions[p] == Region.IRIS) {
                iris++;
            }
        }
        double noise = 0;
        double feature = 0;
        for (int c = 0; c < 3; c++) {
            noise += sumSquares[c] - sum[c] * sum[c] / outside;
            feature += iris * (double) (ownIris[c] - swapIris[c]) * (ownIris[c] - swapIris[c]);
        }
        return new double[] {noise, feature};
    }
}
