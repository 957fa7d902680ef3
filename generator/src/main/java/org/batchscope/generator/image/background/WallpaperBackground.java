package org.batchscope.generator.image.background;

import org.apache.commons.rng.UniformRandomProvider;
import org.batchscope.generator.image.paint.Canvas;

/**
 * A repeating wallpaper: square tiles 10% to 22% of the image side on a grid whose odd rows are shifted
 * by half a tile; each tile shows one motif in colour B on colour A. With {@code (s, t)} the pixel's
 * position inside its tile in [0, 1) and {@code d = (s - 1/2, t - 1/2)}: dots {@code |d| < 0.28};
 * diamonds {@code |d_x| + |d_y| < 0.32}; crosses {@code min(|d_x|, |d_y|) < 0.09 and max(|d_x|, |d_y|) < 0.38};
 * flowers: four petals of radius 0.14 at distance 0.2 from the centre, plus a centre of radius 0.1.
 */
final class WallpaperBackground implements Background {

    private enum Motif { DOTS, DIAMONDS, CROSSES, FLOWERS }

    @Override
    public void paint(Canvas canvas, UniformRandomProvider rng) {
        int size = canvas.size();
        int a = Canvas.randomColour(rng);
        int b = Canvas.randomColour(rng);
        Motif motif = Motif.values()[rng.nextInt(Motif.values().length)];
        double tile = size * (0.10 + 0.12 * rng.nextDouble());
        double offX = tile * rng.nextDouble();
        double offY = tile * rng.nextDouble();
        for (int y = 0; y < size; y++) {
            double ty = (y + 0.5 + offY) / tile;
            long row = (long) Math.floor(ty);
            double dy = ty - row - 0.5;
            double shift = (row & 1) == 0 ? 0 : 0.5;
            for (int x = 0; x < size; x++) {
                double tx = (x + 0.5 + offX) / tile + shift;
                double dx = tx - Math.floor(tx) - 0.5;
                canvas.set(x, y, inMotif(motif, dx, dy) ? b : a);
            }
        }
    }

    private static boolean inMotif(Motif motif, double dx, double dy) {
        double ax = Math.abs(dx);
        double ay = Math.abs(dy);
        return switch (motif) {
            case DOTS -> dx * dx + dy * dy < 0.28 * 0.28;
            case DIAMONDS -> ax + ay < 0.32;
            case CROSSES -> Math.min(ax, ay) < 0.09 && Math.max(ax, ay) < 0.38;
            case FLOWERS -> dx * dx + dy * dy < 0.01 || petal(ax - 0.2, ay) || petal(ax, ay - 0.2);
        };
    }

    private static boolean petal(double px, double py) {
        return px * px + py * py < 0.14 * 0.14;
    }
}
