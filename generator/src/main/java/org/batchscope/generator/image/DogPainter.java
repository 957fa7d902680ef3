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
        boolean floppy = dog.ears() == Dog.Ears.FLOPPY;
        Boxes boxes = new Boxes(dog, cos, sin);
        double er = dog.eyeRadius();
        for (int y = y0; y < y1; y++) {
            double v0 = (y + 0.5 - dog.headY()) / r;
            for (int x = x0; x < x1; x++) {
                double u0 = (x + 0.5 - dog.headX()) / r;
                double u = cos * u0 + sin * v0;
                double v = -sin * u0 + cos * v0;
                // The topmost shape that holds the pixel gives its colour: tested top-down, the first hit
                // wins (the same colour as painting bottom-up); each test only where its box may hold it.
                int colour;
                if (boxes.nose.holds(x, y) && Shapes.inEllipse(u, v, 0, dog.snoutY() - 0.45 * dog.snoutHeight(), 0.16, 0.11)) {
                    colour = NOSE;
                } else if (boxes.snout.holds(x, y)
                        && Shapes.inEllipse(u, v, 0, dog.snoutY(), dog.snoutWidth(), dog.snoutHeight())) {
                    colour = dog.snoutColour();
                } else if (floppy && boxes.ears(x, y) && inEar(dog.ears(), u, v)) {
                    colour = dog.earColour();
                } else if (boxes.head.holds(x, y) && Shapes.inEllipse(u, v, 0, 0, dog.headWidth(), 1)) {
                    colour = dog.fur();
                } else if (!floppy && boxes.ears(x, y) && inEar(dog.ears(), u, v)) {
                    colour = dog.earColour();
                } else if (boxes.body.holds(x, y)
                        && Shapes.inEllipse(u0, v0, dog.bodyDx(), 1.5, dog.bodyRx(), dog.bodyRy())) {
                    colour = dog.fur();
                } else {
                    colour = -1;
                }
                byte region = Region.DOG;
                if (boxes.eyes(x, y)) {
                    double eye = Math.min(distance2(u - dog.eyeX(), v - dog.eyeY()),
                            distance2(u + dog.eyeX(), v - dog.eyeY()));
                    if (eye <= er * er) {
                        region = dog.pupil() && eye <= PUPIL_SHARE * PUPIL_SHARE * er * er ? Region.PUPIL : Region.IRIS;
                    }
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

    /**
     * Pixel boxes outside which a shape holds no pixel centre: each shape lies in a disc (head-frame
     * centre and radius, in head radii) whose pixel bounding box, widened by one pixel against rounding,
     * is its box. Skipping a shape's test outside its box changes no pixel; it saves most of the tests
     * (measured in {@code bench images}: the dog's painting was the largest part of the drawing).
     */
    private static final class Boxes {
        final PixelBox head;
        final PixelBox snout;
        final PixelBox nose;
        final PixelBox body;
        final PixelBox leftEar;
        final PixelBox rightEar;
        final PixelBox leftEye;
        final PixelBox rightEye;

        Boxes(Dog dog, double cos, double sin) {
            head = disc(dog, cos, sin, 0, 0, Math.max(dog.headWidth(), 1));
            snout = disc(dog, cos, sin, 0, dog.snoutY(), Math.max(dog.snoutWidth(), dog.snoutHeight()));
            nose = disc(dog, cos, sin, 0, dog.snoutY() - 0.45 * dog.snoutHeight(), 0.16);
            // the ears' discs: floppy ellipse (0.3 x 0.65 about (0.92, 0.1)), the pointed triangle's
            // bounding box [0.3, 0.95] x [-1.45, -0.4] (centre (0.625, -0.925), half-diagonal < 0.62),
            // the round ear (radius 0.33 about (0.7, -0.8)); mirrored for the other ear
            double earU = switch (dog.ears()) {
                case FLOPPY -> 0.92;
                case POINTED -> 0.625;
                case ROUND -> 0.7;
            };
            double earV = switch (dog.ears()) {
                case FLOPPY -> 0.1;
                case POINTED -> -0.925;
                case ROUND -> -0.8;
            };
            double earRadius = switch (dog.ears()) {
                case FLOPPY -> 0.65;
                case POINTED -> 0.62;
                case ROUND -> 0.33;
            };
            leftEar = disc(dog, cos, sin, -earU, earV, earRadius);
            rightEar = disc(dog, cos, sin, earU, earV, earRadius);
            leftEye = disc(dog, cos, sin, -dog.eyeX(), dog.eyeY(), dog.eyeRadius());
            rightEye = disc(dog, cos, sin, dog.eyeX(), dog.eyeY(), dog.eyeRadius());
            // the body is not tilted: its own axis-aligned ellipse in the unrotated frame
            double r = dog.headRadius();
            body = PixelBox.around(dog.headX() + dog.bodyDx() * r, dog.headY() + 1.5 * r, dog.bodyRx() * r,
                    dog.bodyRy() * r);
        }

        boolean ears(int x, int y) {
            return leftEar.holds(x, y) || rightEar.holds(x, y);
        }

        boolean eyes(int x, int y) {
            return leftEye.holds(x, y) || rightEye.holds(x, y);
        }

        /** The box of a disc of {@code radius} about head-frame point {@code (u, v)}. */
        private static PixelBox disc(Dog dog, double cos, double sin, double u, double v, double radius) {
            // inverse of the head-frame rotation u = cos u0 + sin v0, v = -sin u0 + cos v0
            double u0 = cos * u - sin * v;
            double v0 = sin * u + cos * v;
            double r = dog.headRadius();
            return PixelBox.around(dog.headX() + u0 * r, dog.headY() + v0 * r, radius * r, radius * r);
        }
    }

    /** Pixels {@code [x0, x1] x [y0, y1]} (inclusive). */
    private record PixelBox(int x0, int x1, int y0, int y1) {

        /**
         * The pixels whose centres {@code (x + 0.5, y + 0.5)} may lie within {@code halfWidth} and
         * {@code halfHeight} of {@code (cx, cy)}, with a pixel to spare on each side.
         */
        static PixelBox around(double cx, double cy, double halfWidth, double halfHeight) {
            return new PixelBox((int) Math.floor(cx - halfWidth - 0.5) - 1, (int) Math.ceil(cx + halfWidth - 0.5) + 1,
                    (int) Math.floor(cy - halfHeight - 0.5) - 1, (int) Math.ceil(cy + halfHeight - 0.5) + 1);
        }

        boolean holds(int x, int y) {
            return x >= x0 && x <= x1 && y >= y0 && y <= y1;
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
