package org.batchscope.generator.image;

import org.batchscope.generator.image.paint.Canvas;
import org.batchscope.generator.image.paint.Shapes;

/**
 * Paints a {@link Dog} seen from the front: body, ears, head, snout, nose and two round eyes, each eye
 * an iris with (when at least 2 pixels wide) a dark pupil of 40% of its radius. The head, ears, snout
 * and eyes are drawn in the tilted head frame; the body is not tilted. Writes the dog's colours to a
 * layer and, per pixel, its {@link Region}.
 */
public final class DogPainter {

    /** Nose colour. */
    static final int NOSE = 0x1E1818;
    private static final double PUPIL_SHARE = 0.4;
    /** Floppy ears hang rotated by this angle (radians) in the head frame. */
    private static final double FLOPPY_ANGLE = 0.25;
    private static final double FLOPPY_COS = Math.cos(FLOPPY_ANGLE);
    private static final double FLOPPY_SIN = Math.sin(FLOPPY_ANGLE);

    private DogPainter() {
    }

    /** Per-pixel region codes. */
    public static final class Region {
        /** Not the dog: background. */
        public static final byte BACKGROUND = 0;
        /** The dog's fur, ears, snout or nose. */
        public static final byte DOG = 1;
        /** An iris: the class feature. */
        public static final byte IRIS = 2;
        /** A pupil: part of the eye mask, the same in every class. */
        public static final byte PUPIL = 3;

        private Region() {
        }
    }

    /**
     * @param layer   receives the dog's colours where {@code regions} is {@link Region#DOG}
     * @param regions receives one {@link Region} code per pixel (row-major); must start all BACKGROUND
     */
    public static void paint(Dog dog, Canvas layer, byte[] regions) {
        int size = layer.size();
        double r = dog.headRadius();
        int x0 = clamp((int) Math.floor(dog.headX() - 2.5 * r), size);
        int x1 = clamp((int) Math.ceil(dog.headX() + 2.5 * r), size);
        int y0 = clamp((int) Math.floor(dog.headY() - 1.6 * r), size);
        int y1 = clamp((int) Math.ceil(dog.headY() + 3.0 * r), size);
        double cos = Math.cos(dog.tilt());
        double sin = Math.sin(dog.tilt());
        for (int y = y0; y < y1; y++) {
            double v0 = (y + 0.5 - dog.headY()) / r;
            for (int x = x0; x < x1; x++) {
                double u0 = (x + 0.5 - dog.headX()) / r;
                double u = cos * u0 + sin * v0;
                double v = -sin * u0 + cos * v0;
                int colour = -1;
                byte region = Region.DOG;
                if (Shapes.inEllipse(u0, v0, dog.bodyDx(), 1.5, dog.bodyRx(), dog.bodyRy())) {
                    colour = dog.fur();
                }
                if (dog.ears() != Dog.Ears.FLOPPY && inEar(dog.ears(), u, v)) {
                    colour = dog.earColour();
                }
                if (Shapes.inEllipse(u, v, 0, 0, dog.headWidth(), 1)) {
                    colour = dog.fur();
                }
                if (dog.ears() == Dog.Ears.FLOPPY && inEar(dog.ears(), u, v)) {
                    colour = dog.earColour();
                }
                if (Shapes.inEllipse(u, v, 0, dog.snoutY(), dog.snoutWidth(), dog.snoutHeight())) {
                    colour = dog.snoutColour();
                }
                if (Shapes.inEllipse(u, v, 0, dog.snoutY() - 0.45 * dog.snoutHeight(), 0.16, 0.11)) {
                    colour = NOSE;
                }
                double eye = Math.min(distance2(u - dog.eyeX(), v - dog.eyeY()),
                        distance2(u + dog.eyeX(), v - dog.eyeY()));
                double er = dog.eyeRadius();
                if (eye <= er * er) {
                    region = dog.pupil() && eye <= PUPIL_SHARE * PUPIL_SHARE * er * er ? Region.PUPIL : Region.IRIS;
                }
                if (colour >= 0 || region != Region.DOG) {
                    regions[y * size + x] = region;
                    if (colour >= 0) {
                        layer.set(x, y, colour);
                    }
                }
            }
        }
    }

    /** Ears in the head frame, mirrored about the midline: {@code u} is taken as {@code |u|}. */
    private static boolean inEar(Dog.Ears ears, double u, double v) {
        double a = Math.abs(u);
        return switch (ears) {
            case FLOPPY -> {
                double du = a - 0.92;
                double dv = v - 0.1;
                double ru = FLOPPY_COS * du - FLOPPY_SIN * dv;
                double rv = FLOPPY_SIN * du + FLOPPY_COS * dv;
                yield Shapes.inEllipse(ru, rv, 0, 0, 0.3, 0.65);
            }
            case POINTED -> Shapes.inTriangle(a, v, 0.3, -0.8, 0.95, -0.4, 0.85, -1.45);
            case ROUND -> distance2(a - 0.7, v + 0.8) <= 0.33 * 0.33;
        };
    }

    private static double distance2(double du, double dv) {
        return du * du + dv * dv;
    }

    private static int clamp(int value, int size) {
        return Math.max(0, Math.min(size, value));
    }
}
