package org.batchscope.generator.image.background;

import org.apache.commons.rng.UniformRandomProvider;
import org.batchscope.generator.image.paint.Canvas;

/**
 * Stripes: pixel {@code (x, y)} takes colour A when {@code frac((x cos t + y sin t) / period + phase) < duty},
 * colour B otherwise; angle t uniform in [0, pi), period 6% to 25% of the image side, duty 0.3 to 0.7.
 */
final class StripesBackground implements Background {

    @Override
    public void paint(Canvas canvas, UniformRandomProvider rng) {
        int size = canvas.size();
        int a = Canvas.randomColour(rng);
        int b = Canvas.randomColour(rng);
        double angle = Math.PI * rng.nextDouble();
        double period = size * (0.06 + 0.19 * rng.nextDouble());
        double phase = rng.nextDouble();
        double duty = 0.3 + 0.4 * rng.nextDouble();
        double ux = StrictMath.cos(angle) / period;
        double uy = StrictMath.sin(angle) / period;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double t = (x + 0.5) * ux + (y + 0.5) * uy + phase;
                canvas.set(x, y, t - Math.floor(t) < duty ? a : b);
            }
        }
    }
}
