package org.batchscope.reports.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.file.Path;
import org.batchscope.common.AtomicFiles;
import org.batchscope.generator.image.PngEncoder;

/**
 * Rasterises a {@link Figure} at {@value #SCALE}x its logical size (twice screen resolution), so that
 * a 900 x 560 figure becomes a 1800 x 1120 PNG whose text stays crisp when zoomed or printed.
 */
public final class PngExport {

    /** Device pixels per logical pixel. */
    public static final int SCALE = 2;

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
        byte[] png = encode(render(figure));
        Path target = folder.resolve(figure.name() + ".png");
        AtomicFiles.write(target, out -> out.write(png));
        return target;
    }

    /**
     * Encodes an image of {@link #render} with the generator's {@link PngEncoder} (8-bit RGB, Sub filter, zlib
     * level 1). Written by hand because it was measured much faster than the JDK's ImageIO PNG writer, which
     * took almost half of a small sweep's report CPU time reading the raster pixel by pixel (bench/README.md,
     * "Report rendering").
     *
     * @param image a {@link BufferedImage#TYPE_INT_RGB} image, as {@link #render} makes
     * @return the PNG file's bytes
     */
    static byte[] encode(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("expected an RGB image of PngExport.render, got type " + image.getType());
        }
        // a fresh TYPE_INT_RGB image keeps its pixels as 0xRRGGBB ints, row after row
        int[] packed = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        byte[] rgb = new byte[3 * packed.length];
        for (int i = 0, j = 0; i < packed.length; i++, j += 3) {
            int pixel = packed[i];
            rgb[j] = (byte) (pixel >> 16);
            rgb[j + 1] = (byte) (pixel >> 8);
            rgb[j + 2] = (byte) pixel;
        }
        try (PngEncoder encoder = new PngEncoder()) {
            return encoder.rgb(rgb, width, height);
        }
    }
}
