package org.batchscope.generator.image;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.batchscope.generator.image.paint.Canvas;

/**
 * Eye-like distractors in the background: discs of radius 2.5% to 5% of the image side in a colour
 * drawn uniformly from all class eye colours, each with a dark centre. They carry no class information
 * and make the eyes harder to find as r grows ({@link RatioCalibrator#clutterDots}).
 */
final class Clutter {

    private Clutter() {
    }

    /** Paints {@code dots} distractors onto {@code canvas}. */
    static void paint(Canvas canvas, int dots, List<EyeColour> colours, UniformRandomProvider rng) {
        int size = canvas.size();
        for (int d = 0; d < dots; d++) {
            float[] rgb = colours.get(rng.nextInt(colours.size())).rgb();
            int colour = ((int) rgb[0] << 16) | ((int) rgb[1] << 8) | (int) rgb[2];
            double radius = Math.max(1, size * (0.025 + 0.025 * rng.nextDouble()));
            double x = size * rng.nextDouble();
            double y = size * rng.nextDouble();
            canvas.fillCircle(x, y, radius, colour);
            canvas.fillCircle(x, y, 0.4 * radius, (int) Scene.PUPIL * 0x010101);
        }
    }
}
