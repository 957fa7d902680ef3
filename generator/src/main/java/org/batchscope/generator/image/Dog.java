package org.batchscope.generator.image;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.batchscope.generator.image.paint.Canvas;

/**
 * One dog's look, everything but its eye colour: position, scale, head tilt, body pose, fur, ears,
 * snout and where its eyes sit. All lengths but {@code headRadius} (pixels) and the centre are in
 * head-radius units. None of it depends on the class.
 *
 * @param headX          head centre x in pixels
 * @param headY          head centre y in pixels
 * @param headRadius     vertical head radius in pixels, 15% to 21% of the image side
 * @param headWidth      horizontal over vertical head radius, 0.85 to 1.1
 * @param tilt           head tilt in radians, uniform in [-0.5, 0.5]
 * @param bodyDx         body centre offset to the side (the pose), [-0.7, 0.7]
 * @param bodyRx         body half-width, [1.0, 1.5]
 * @param bodyRy         body half-height, [0.8, 1.2]
 * @param fur            fur colour (packed RGB)
 * @param earColour      ear colour, the fur darkened by 0 to 40%
 * @param snoutColour    snout colour, the fur lightened by 15 to 45%
 * @param ears           ear shape
 * @param snoutWidth     snout half-width, [0.38, 0.55]
 * @param snoutHeight    snout half-height, [0.28, 0.38]
 * @param snoutY         snout centre below the head centre, [0.35, 0.5]
 * @param eyeX           eye centre distance from the head's midline, [0.32, 0.42]
 * @param eyeY           eye centre height, [-0.28, -0.08] (negative is up)
 * @param eyeRadius      eye radius in head units (see {@link RatioCalibrator#eyeRadiusFraction})
 * @param pupil          whether the eye has a dark pupil (only when the eye is at least 2 pixels in radius)
 */
public record Dog(double headX, double headY, double headRadius, double headWidth, double tilt,
        double bodyDx, double bodyRx, double bodyRy, int fur, int earColour, int snoutColour, Ears ears,
        double snoutWidth, double snoutHeight, double snoutY, double eyeX, double eyeY, double eyeRadius,
        boolean pupil) {

    /** Ear shapes. */
    public enum Ears {
        FLOPPY, POINTED, ROUND;

        /** @return the lowercase name written to metadata */
        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Base fur colours (cream, tan, brown, dark brown, black, grey, white, golden), jittered per dog. */
    private static final int[] FURS = {0xE6D2AA, 0xC8965A, 0x825028, 0x50321E, 0x302828, 0x969696, 0xF0F0EB,
        0xD7AA50};

    /**
     * Draws a dog for an image of side {@code size} whose eye radius is {@code eyeFraction} of the head
     * radius (jittered by 10%, at least one pixel).
     */
    public static Dog draw(UniformRandomProvider rng, int size, double eyeFraction) {
        double radius = size * uniform(rng, 0.15, 0.21);
        double headX = uniform(rng, 1.25 * radius, size - 1.25 * radius);
        double headY = uniform(rng, 1.5 * radius, size - 1.15 * radius);
        double headWidth = uniform(rng, 0.85, 1.1);
        double tilt = uniform(rng, -0.5, 0.5);
        double bodyDx = uniform(rng, -0.7, 0.7);
        double bodyRx = uniform(rng, 1.0, 1.5);
        double bodyRy = uniform(rng, 0.8, 1.2);
        int fur = Canvas.jitter(FURS[rng.nextInt(FURS.length)], 18, rng);
        int earColour = Canvas.mix(fur, 0x000000, uniform(rng, 0.0, 0.4));
        int snoutColour = Canvas.mix(fur, 0xFFFFFF, uniform(rng, 0.15, 0.45));
        Ears ears = Ears.values()[rng.nextInt(Ears.values().length)];
        double snoutWidth = uniform(rng, 0.38, 0.55);
        double snoutHeight = uniform(rng, 0.28, 0.38);
        double snoutY = uniform(rng, 0.35, 0.5);
        double eyeX = uniform(rng, 0.32, 0.42);
        double eyeY = uniform(rng, -0.28, -0.08);
        double eyePixels = Math.max(1.0, radius * eyeFraction * uniform(rng, 0.9, 1.1));
        return new Dog(headX, headY, radius, headWidth, tilt, bodyDx, bodyRx, bodyRy, fur, earColour, snoutColour,
                ears, snoutWidth, snoutHeight, snoutY, eyeX, eyeY, eyePixels / radius, eyePixels >= 2);
    }

    /** @return the eye radius in pixels */
    public double eyeRadiusPixels() {
        return eyeRadius * headRadius;
    }

    private static double uniform(UniformRandomProvider rng, double low, double high) {
        return low + (high - low) * rng.nextDouble();
    }
}
