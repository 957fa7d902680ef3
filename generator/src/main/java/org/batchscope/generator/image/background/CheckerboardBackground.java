package org.batchscope.generator.image.background;

import org.apache.commons.rng.UniformRandomProvider;
import org.batchscope.generator.image.paint.Canvas;

/**
 * A checkerboard of two colours with cells 8% to 20% of the image side, rotated by a uniform angle in
 * [0, pi/2) and shifted by a random offset: colour A where {@code floor(u) + floor(v)} is even, with
 * {@code (u, v)} the rotated pixel centre in cell units.
 */
final class CheckerboardBackground implements Background {

    @Override
    public void paint(Canvas canvas, UniformRandomProvider rng) {
        int size = canvas.size();
        int a = Canvas.randomColour(rng);
        int b = Canvas.randomColour(rng);
        double cell = size * (0.08 + 0.12 * rng.nextDouble());
        double angle = 0.5 * Math.PI * rng.nextDouble();
        double offU = rng.nextDouble();
        double offV = rng.nextDouble();
        double cos = StrictMath.cos(angle) / cell;
        double sin = StrictMath.sin(angle) / cell;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double px = x + 0.5;
                double py = y + 0.5;
                long u = (long) Math.floor(px * cos + py * sin + offU);
                long v = (long) Math.floor(-px * sin + py * cos + offV);
                canvas.set(x, y, ((u + v) & 1) == 0 ? a : b);
            }
        }
    }
}
