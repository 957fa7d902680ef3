package org.batchscope.generator.image.paint;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A square RGB image of floats in [0, 255], stored row-major as {@code r, g, b} triples, with filled
 * shapes. Colours are packed {@code 0xRRGGBB} ints.
 */
public final class Canvas {

    private final int size;
    private final float[] rgb;

    /** A black canvas of {@code size} x {@code size} pixels. */
    public Canvas(int size) {
        this.size = size;
        this.rgb = new float[3 * size * size];
    }

    public int size() {
        return size;
    }

    /** @return the pixel array, row-major {@code r, g, b} triples (shared, not copied) */
    public float[] pixels() {
        return rgb;
    }

    /** Sets pixel {@code (x, y)} to {@code colour}. */
    public void set(int x, int y, int colour) {
        int i = 3 * (y * size + x);
        rgb[i] = (colour >> 16) & 0xFF;
        rgb[i + 1] = (colour >> 8) & 0xFF;
        rgb[i + 2] = colour & 0xFF;
    }

    /** Fills the whole canvas with {@code colour}. */
    public void fill(int colour) {
        fillRect(0, 0, size, size, colour);
    }

    /** Fills the pixels whose centres lie in {@code [x0, x1) x [y0, y1)}. */
    public void fillRect(double x0, double y0, double x1, double y1, int colour) {
        int xa = Math.max(0, (int) Math.ceil(x0 - 0.5));
        int xb = Math.min(size, (int) Math.ceil(x1 - 0.5));
        int ya = Math.max(0, (int) Math.ceil(y0 - 0.5));
        int yb = Math.min(size, (int) Math.ceil(y1 - 0.5));
        for (int y = ya; y < yb; y++) {
            for (int x = xa; x < xb; x++) {
                set(x, y, colour);
            }
        }
    }

    /** Fills the disc of radius {@code r} around {@code (cx, cy)}. */
    public void fillCircle(double cx, double cy, double r, int colour) {
        int xa = Math.max(0, (int) Math.floor(cx - r));
        int xb = Math.min(size - 1, (int) Math.ceil(cx + r));
        int ya = Math.max(0, (int) Math.floor(cy - r));
        int yb = Math.min(size - 1, (int) Math.ceil(cy + r));
        double r2 = r * r;
        for (int y = ya; y <= yb; y++) {
            double dy = y + 0.5 - cy;
            for (int x = xa; x <= xb; x++) {
                double dx = x + 0.5 - cx;
                if (dx * dx + dy * dy <= r2) {
                    set(x, y, colour);
                }
            }
        }
    }

    /** Fills the triangle {@code (ax, ay), (bx, by), (cx, cy)} (either orientation). */
    public void fillTriangle(double ax, double ay, double bx, double by, double cx, double cy, int colour) {
        int xa = Math.max(0, (int) Math.floor(Math.min(ax, Math.min(bx, cx))));
        int xb = Math.min(size - 1, (int) Math.ceil(Math.max(ax, Math.max(bx, cx))));
        int ya = Math.max(0, (int) Math.floor(Math.min(ay, Math.min(by, cy))));
        int yb = Math.min(size - 1, (int) Math.ceil(Math.max(ay, Math.max(by, cy))));
        for (int y = ya; y <= yb; y++) {
            for (int x = xa; x <= xb; x++) {
                if (Shapes.inTriangle(x + 0.5, y + 0.5, ax, ay, bx, by, cx, cy)) {
                    set(x, y, colour);
                }
            }
        }
    }

    /**
     * Multiplies every channel of every pixel by a factor in {@code [1 - amount, 1 + amount]} drawn
     * per pixel: a fine texture (grass, fur). Clips to [0, 255].
     */
    public void texture(double amount, UniformRandomProvider rng) {
        for (int p = 0; p < size * size; p++) {
            float factor = (float) (1 + amount * (2 * rng.nextDouble() - 1));
            for (int c = 0; c < 3; c++) {
                rgb[3 * p + c] = Math.min(255f, rgb[3 * p + c] * factor);
            }
        }
    }

    /** @return a random colour with every channel uniform in [0, 255] */
    public static int randomColour(UniformRandomProvider rng) {
        return rng.nextInt(1 << 24);
    }

    /** @return {@code colour} with each channel moved by a uniform amount in {@code [-spread, spread]}, clipped */
    public static int jitter(int colour, int spread, UniformRandomProvider rng) {
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int channel = ((colour >> shift) & 0xFF) + rng.nextInt(2 * spread + 1) - spread;
            out |= Math.max(0, Math.min(255, channel)) << shift;
        }
        return out;
    }

    /** @return {@code a + t (b - a)} per channel, rounded */
    public static int mix(int a, int b, double t) {
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double ca = (a >> shift) & 0xFF;
            double cb = (b >> shift) & 0xFF;
            out |= (int) Math.round(ca + t * (cb - ca)) << shift;
        }
        return out;
    }
}
