package org.batchscope.generator.image;

import org.batchscope.generator.image.DogPainter.Region;

/**
 * The noise-to-feature ratio of an image and how each image is brought to the requested value.
 *
 * <p><b>Definition</b>, on the final 8-bit pixels {@code x_pc} (pixel p, channel c) of an image, with E
 * the eye mask (iris and pupil pixels) and {@code x'} the same image with the iris painted in the
 * swap class's colour (the swap-feature counterfactual):
 * <pre>
 *   E_noise   = sum_{p not in E} sum_c (x_pc - mu_c)^2      mu_c = mean of channel c over the pixels not in E
 *   E_feature = sum_{p in E}     sum_c (x_pc - x'_pc)^2
 *   r         = E_noise / E_feature
 * </pre>
 * E_noise is the total energy of everything that is not the eyes (background structure, clutter, the
 * dog's body, pixel noise) around its mean colour; E_feature is the total energy of the one thing that
 * tells the classes apart, the iris colour difference. Both are totals, not means, so the eyes' area
 * counts: larger eyes mean more feature energy.
 *
 * <p><b>Levers.</b> From the requested r the image's structure is chosen first: the eye radius
 * ({@link #eyeRadiusFraction}, large eyes at low r, small at high r) and the number of eye-like
 * distractors in the background ({@link #clutterDots}). Then one parameter lambda sets both contrast
 * {@code c = min(1, lambda)} of everything outside the eyes and colour distance
 * {@code s = min(1, 1 / lambda)} of the iris colours (see {@link Scene}); without noise, rounding and clipping
 * {@code r(lambda) = r(1) lambda^2}. The calibration starts at {@code lambda = sqrt(r_target / r(1))}
 * with r(1) computed in closed form from the unrounded layers ({@link Scene#rawEnergies}); unless the
 * measured 8-bit ratio is within 0.5% of the target it makes one correction
 * {@code lambda <- lambda sqrt(r_target / r(lambda))} ({@value #MAX_STEPS} measurements) and keeps
 * the closer of the two. More lambda steps do not pay: what is left is the 8-bit rounding, which they
 * mostly oscillate around (over 1,000 blue/amber images per r, 2 steps against 8 gave the same mean
 * within 0.05% and nearly the same worst image).
 *
 * <p><b>Refinement</b> (an image still more than about 4% off: with the two steps alone, other colour
 * pairs than blue/amber had images up to 19% off, for example blue/grey at r = 100 and 16 pixels, amber/red
 * 16% at r = 0.1 and 64 pixels). One side of
 * the ratio is then coarse: at low r the faded background rounds to a few grey levels, so E_noise jumps
 * as lambda moves; at high r the iris colours are scaled close together, so E_feature is a few squared
 * integer differences. The other side moves in fine steps, so the calibrator moves that lever alone
 * (at most {@value #REFINE_STEPS} lambda steps to reach the side of the target
 * the lever starts from, then at most {@value #REFINE_STEPS} lever steps): the colour scale at low r (from a lambda whose r is
 * below the target, {@code s <- s (r / r_target)^(1/2)}), the contrast at high r (from one above it,
 * {@code c <- c (r_target / r)^(1/2)}). Over 40 images per colour pair, r in {0.1, 0.3, 1, 3, 10, 30,
 * 100} and 16 and 64 pixels, the worst image is then 4.1% off for every pair (WrittenRatioTest
 * recomputes r from the written PNGs). Images within 4% after two steps are unchanged.
 * A target below the floor set by pixel
 * noise cannot be reached; the achieved r is always what is recorded.
 */
public final class RatioCalibrator {

    /** Most ratio measurements of the first, lambda-only stage. */
    public static final int MAX_STEPS = 2;
    private static final double TOLERANCE = 0.005;
    /** Log-error above which (about 4%) an image is refined further after the first {@value #MAX_STEPS} steps. */
    private static final double REFINE_ABOVE = 0.04;
    /** Most measurements of each refinement stage. */
    private static final int REFINE_STEPS = 4;

    private RatioCalibrator() {
    }

    /** Contrast, colour scale and measured ratio of a calibrated image. */
    public record Calibration(double contrast, double colourScale, double achievedRatio) {
    }

    /**
     * Eye radius as a fraction of the head radius: 0.34 for r &lt;= 0.3, 0.16 for r &gt;= 30, linear in
     * log r between.
     */
    public static double eyeRadiusFraction(double ratio) {
        return 0.34 + (0.16 - 0.34) * logPosition(ratio, 0.3, 30);
    }

    /**
     * Eye-like distractors: none for r &lt;= 1, {@code 12 (size / 64)^2} (rounded) for r &gt;= 30, linear in
     * log r between.
     */
    public static int clutterDots(double ratio, int size) {
        return (int) Math.round(12.0 * size * size / 4096.0 * logPosition(ratio, 1, 30));
    }

    /** @return 0 below {@code low}, 1 above {@code high}, linear in log between */
    private static double logPosition(double value, double low, double high) {
        double t = StrictMath.log(value / low) / StrictMath.log(high / low);
        return Math.max(0, Math.min(1, t));
    }

    /** Finds contrast and colour scale that bring {@code scene} to {@code target}. */
    public static Calibration calibrate(Scene scene, double target) {
        return calibrateComposed(scene, target).calibration();
    }

    /**
     * A calibration with the ORIGINAL image composed at it: the image its ratio was measured on, so the
     * writer need not compose it again.
     *
     * @param original row-major RGB bytes, {@link Scene#compose} of {@link Variant#ORIGINAL} at the calibration
     */
    record Measured(Calibration calibration, byte[] original) {

        double ratio() {
            return calibration.achievedRatio();
        }
    }

    /** {@link #calibrate}, keeping the image composed at the chosen calibration. */
    static Measured calibrateComposed(Scene scene, double target) {
        double[] raw = scene.rawEnergies();
        double lambda = raw[0] > 0 && raw[1] > 0 ? Math.sqrt(target * raw[1] / raw[0]) : 1;
        Measured last = atLambda(scene, lambda);
        Measured best = last;
        for (int step = 1; step < MAX_STEPS && Math.abs(last.ratio() / target - 1) > TOLERANCE; step++) {
            double measured = last.ratio();
            lambda = Double.isInfinite(measured) ? lambda / 2 : lambda * Math.sqrt(target / measured);
            last = atLambda(scene, lambda);
            best = closer(best, last, target);
        }
        if (error(best, target) <= REFINE_ABOVE) {
            return best;
        }
        // The fine lever: contrast where the iris colours are already scaled down (few, coarse eye
        // differences; many background pixels), the colour scale where the contrast is (a faded,
        // coarsely rounded background; full-distance iris colours). Each can only move down from 1, so
        // start from a lambda on the side of the target that this lever moves away from.
        boolean byContrast = best.calibration().contrast() >= 1;
        Measured start = best;
        for (int step = 0; step < REFINE_STEPS && !startsOnItsSide(start, target, byContrast); step++) {
            lambda *= StrictMath.pow(target / start.ratio(), 0.5) * (byContrast ? 1.25 : 0.8);
            start = atLambda(scene, lambda);
            best = closer(best, start, target);
        }
        return startsOnItsSide(start, target, byContrast) ? closer(best, refine(scene, start, target, byContrast), target)
                : best;
    }

    private static boolean startsOnItsSide(Measured start, double target, boolean byContrast) {
        double r = start.ratio();
        return Double.isFinite(r) && (byContrast ? r >= target : r <= target);
    }

    /**
     * Moves one lever with the other fixed: contrast, so that E_noise ~ c^2 (r down from above), or the
     * colour scale, so that E_feature ~ s^2 (r up from below). Each step is {@code c <- c (r_target / r)^(1/2)}
     * or {@code s <- s (r / r_target)^(1/2)}, at most 1.
     */
    private static Measured refine(Scene scene, Measured start, double target, boolean byContrast) {
        Measured best = start;
        Measured current = start;
        for (int step = 0; step < REFINE_STEPS && error(best, target) > TOLERANCE; step++) {
            double factor = Math.sqrt(target / current.ratio());
            Calibration at = current.calibration();
            double contrast = byContrast ? Math.min(1, at.contrast() * factor) : at.contrast();
            double colourScale = byContrast ? at.colourScale() : Math.min(1, at.colourScale() / factor);
            current = measured(scene, contrast, colourScale);
            if (!Double.isFinite(current.ratio())) {
                break;
            }
            best = closer(best, current, target);
        }
        return best;
    }

    private static Measured atLambda(Scene scene, double lambda) {
        return measured(scene, Math.min(1, lambda), Math.min(1, 1 / lambda));
    }

    private static double error(Measured m, double target) {
        return Math.abs(StrictMath.log(m.ratio() / target));
    }

    private static Measured closer(Measured a, Measured b, double target) {
        return error(b, target) < error(a, target) ? b : a;
    }

    /**
     * @return r of the scene rendered at contrast {@code c} and colour scale {@code s}, as defined above:
     *         one composed ORIGINAL image, the swap-feature values computed on the eye pixels only
     */
    public static double measure(Scene scene, double contrast, double colourScale) {
        return measured(scene, contrast, colourScale).ratio();
    }

    /** {@link #measure}, with the composed image. */
    private static Measured measured(Scene scene, double contrast, double colourScale) {
        byte[] regions = scene.regions();
        byte[] image = new byte[3 * regions.length];
        scene.compose(Variant.ORIGINAL, contrast, colourScale, image);
        // per-channel sums in locals (integers, so exact in any order)
        long n = 0;
        long sum0 = 0;
        long sum1 = 0;
        long sum2 = 0;
        long squares0 = 0;
        long squares1 = 0;
        long squares2 = 0;
        long feature = 0;
        for (int p = 0, i = 0; p < regions.length; p++, i += 3) {
            if (regions[p] >= Region.IRIS) {
                for (int c = 0; c < 3; c++) {
                    int d = (image[i + c] & 0xFF) - scene.channel(p, c, Variant.SWAP_FEATURE, contrast, colourScale);
                    feature += (long) d * d;
                }
            } else {
                n++;
                int x0 = image[i] & 0xFF;
                int x1 = image[i + 1] & 0xFF;
                int x2 = image[i + 2] & 0xFF;
                sum0 += x0;
                sum1 += x1;
                sum2 += x2;
                squares0 += x0 * x0;
                squares1 += x1 * x1;
                squares2 += x2 * x2;
            }
        }
        double noise = 0;
        noise += squares0 - (double) sum0 * sum0 / n;
        noise += squares1 - (double) sum1 * sum1 / n;
        noise += squares2 - (double) sum2 * sum2 / n;
        double ratio = feature == 0 ? Double.POSITIVE_INFINITY : noise / feature;
        return new Measured(new Calibration(contrast, colourScale, ratio), image);
    }
}
