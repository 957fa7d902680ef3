package org.batchscope.generator.image.background;

import org.apache.commons.rng.UniformRandomProvider;
import org.batchscope.generator.image.paint.Canvas;

/**
 * A park: a vertical sky gradient above a horizon at 25% to 50% of the height, textured grass below,
 * one to three trees (trunk and round canopy) standing on the horizon, and either a sandy path that
 * narrows towards the horizon or a wooden bench on the grass (half the scenes each). Colours are
 * jittered around natural values; the grass texture multiplies each pixel by a factor in [0.75, 1.25].
 */
final class ParkBackground implements Background {

    private static final int SKY_TOP = 0x4A8FE0;
    private static final int SKY_HORIZON = 0xC8DDF2;
    private static final int GRASS = 0x4E9A3C;
    private static final int TRUNK = 0x6B4A2B;
    private static final int CANOPY = 0x2F6E2A;
    private static final int PATH = 0xC9B48A;
    private static final int BENCH = 0x7A5230;

    @Override
    public void paint(Canvas canvas, UniformRandomProvider rng) {
        int size = canvas.size();
        double horizon = size * (0.25 + 0.25 * rng.nextDouble());
        int skyTop = Canvas.jitter(SKY_TOP, 25, rng);
        int skyHorizon = Canvas.jitter(SKY_HORIZON, 20, rng);
        int grass = Canvas.jitter(GRASS, 30, rng);
        Canvas grassLayer = new Canvas(size);
        grassLayer.fill(grass);
        grassLayer.texture(0.25, rng);
        float[] rgb = canvas.pixels();
        float[] grassRgb = grassLayer.pixels();
        for (int y = 0; y < size; y++) {
            boolean sky = y + 0.5 < horizon;
            int skyColour = Canvas.mix(skyTop, skyHorizon, (y + 0.5) / horizon);
            for (int x = 0; x < size; x++) {
                if (sky) {
                    canvas.set(x, y, skyColour);
                } else {
                    int i = 3 * (y * size + x);
                    System.arraycopy(grassRgb, i, rgb, i, 3);
                }
            }
        }
        if (rng.nextBoolean()) {
            paintPath(canvas, horizon, rng);
        }
        int trees = 1 + rng.nextInt(3);
        for (int t = 0; t < trees; t++) {
            paintTree(canvas, horizon, rng);
        }
        if (rng.nextBoolean()) {
            paintBench(canvas, horizon, rng);
        }
    }

    private static void paintPath(Canvas canvas, double horizon, UniformRandomProvider rng) {
        int size = canvas.size();
        int colour = Canvas.jitter(PATH, 20, rng);
        double farX = size * rng.nextDouble();
        double nearX = size * (0.2 + 0.6 * rng.nextDouble());
        double farHalf = size * 0.02;
        double nearHalf = size * (0.12 + 0.1 * rng.nextDouble());
        canvas.fillTriangle(farX - farHalf, horizon, farX + farHalf, horizon, nearX + nearHalf, size, colour);
        canvas.fillTriangle(farX - farHalf, horizon, nearX - nearHalf, size, nearX + nearHalf, size, colour);
    }

    private static void paintTree(Canvas canvas, double horizon, UniformRandomProvider rng) {
        int size = canvas.size();
        double x = size * rng.nextDouble();
        double height = size * (0.2 + 0.25 * rng.nextDouble());
        double trunkHalf = size * (0.015 + 0.015 * rng.nextDouble());
        double base = horizon + size * 0.05 * rng.nextDouble();
        canvas.fillRect(x - trunkHalf, base - height, x + trunkHalf, base, Canvas.jitter(TRUNK, 15, rng));
        double canopy = height * (0.35 + 0.2 * rng.nextDouble());
        canvas.fillCircle(x, base - height, canopy, Canvas.jitter(CANOPY, 20, rng));
    }

    private static void paintBench(Canvas canvas, double horizon, UniformRandomProvider rng) {
        int size = canvas.size();
        int colour = Canvas.jitter(BENCH, 15, rng);
        double width = size * (0.2 + 0.15 * rng.nextDouble());
        double x = (size - width) * rng.nextDouble();
        double seatY = horizon + (size - horizon) * (0.2 + 0.5 * rng.nextDouble());
        double plank = Math.max(1, size * 0.025);
        canvas.fillRect(x, seatY - 3 * plank, x + width, seatY - 2 * plank, colour);
        canvas.fillRect(x, seatY, x + width, seatY + plank, colour);
        canvas.fillRect(x + plank, seatY, x + 2 * plank, seatY + 3 * plank, colour);
        canvas.fillRect(x + width - 2 * plank, seatY, x + width - plank, seatY + 3 * plank, colour);
    }
}
