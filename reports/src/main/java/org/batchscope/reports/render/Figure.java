package org.batchscope.reports.render;

import java.awt.geom.Rectangle2D;
import org.jfree.chart.ui.Drawable;

/**
 * A chart ready to export: something that draws itself onto any {@link java.awt.Graphics2D}
 * (a {@link org.jfree.chart.JFreeChart} or a {@link PanelGrid} of them) and its logical size. The same
 * drawing code makes the PNG ({@link PngExport}) and the vector PDF page ({@link PdfFigureExport}).
 *
 * @param name   file stem, lowercase with dashes, for example {@code seed-picture}
 * @param width  logical width in pixels (the PNG is twice this)
 * @param height logical height in pixels
 * @param drawing what to draw into the rectangle (0, 0, width, height)
 */
public record Figure(String name, int width, int height, Drawable drawing) {

    /** Logical width of a single chart. */
    public static final int DEFAULT_WIDTH = 900;
    /** Logical height of a single chart. */
    public static final int DEFAULT_HEIGHT = 560;

    public Figure {
        if (name == null || !name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("figure name must be lowercase words joined by dashes, got " + name);
        }
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("figure size " + width + "x" + height + " is below 100x100");
        }
        if (drawing == null) {
            throw new IllegalArgumentException("figure " + name + " has nothing to draw");
        }
    }

    /** @return the same figure under another file stem (one chart kind drawn for several datasets) */
    public Figure named(String newName) {
        return new Figure(newName, width, height, drawing);
    }

    /** @return the logical drawing area, (0, 0, width, height) */
    public Rectangle2D area() {
        return new Rectangle2D.Double(0, 0, width, height);
    }
}
