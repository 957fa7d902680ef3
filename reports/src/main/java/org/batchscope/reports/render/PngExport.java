package org.batchscope.reports.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.batchscope.common.AtomicFiles;

/**
 * Rasterises a {@link Figure} at {@value #SCALE}x its logical size (twice screen resolution), so that
 * a 900 x 560 figure becomes a 1800 x 1120 PNG whose text stays crisp when zoomed or printed.
 */
public final class PngExport {

    /** Device pixels per logical pixel. */
    public static final int SCALE = 2;

    static {
        // encode in memory: ImageIO's default file cache writes temporary files to java.io.tmpdir from a
        // thread of its own, which on a full disk prints a stack trace instead of failing this write
        ImageIO.setUseCache(false);
    }

    private PngExport() {
    }

    /** @return the figure drawn on a white {@code SCALE*width x SCALE*height} RGB image */
    public static BufferedImage render(Figure figure) {
        BufferedImage image = new BufferedImage(figure.width() * SCALE, figure.height() * SCALE,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g2.scale(SCALE, SCALE);
            figure.drawing().draw(g2, figure.area());
        } finally {
            g2.dispose();
        }
        return image;
    }

    /** Writes {@code <folder>/<figure name>.png} atomically and returns its path. */
    public static Path write(Figure figure, Path folder) {
        BufferedImage image = render(figure);
        Path target = folder.resolve(figure.name() + ".png");
        AtomicFiles.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this JDK");
            }
        });
        return target;
    }
}
