package org.batchscope.reports.render;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawerDefaultFonts;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Draws a {@link Figure} into a PDF as vector graphics: the figure's own drawing code runs on a
 * {@link PdfBoxGraphics2D} (pdfbox-graphics2d, Apache-2.0), which records it as a form XObject that
 * is then placed on a page, scaled to fit a box. Text is written with the standard 14 PDF fonts
 * ({@link PdfBoxGraphics2DFontTextDrawerDefaultFonts}: the figure's SansSerif becomes Helvetica), so
 * chart titles, axis labels and tick labels are real, searchable text and nothing must be embedded
 * or installed.
 */
public final class PdfFigureExport {

    private PdfFigureExport() {
    }

    /** @return the figure recorded as a form XObject of {@code width x height} points (one point per logical pixel) */
    public static PDFormXObject toForm(PDDocument document, Figure figure) {
        try {
            PdfBoxGraphics2D g2 = new PdfBoxGraphics2D(document, figure.width(), figure.height());
            try {
                g2.setFontTextDrawer(new PdfBoxGraphics2DFontTextDrawerDefaultFonts());
                figure.drawing().draw(g2, figure.area());
            } finally {
                g2.dispose();
            }
            return g2.getXFormObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw figure " + figure.name() + " into the PDF: " + e.getMessage(), e);
        }
    }

    /**
     * Places the figure into the box whose lower-left corner is ({@code x}, {@code y}) in page
     * coordinates (points, origin bottom left), scaled uniformly to fit {@code maxWidth x maxHeight}
     * and centred horizontally in it.
     *
     * @return the height in points the figure occupies on the page
     */
    public static float place(PDDocument document, PDPageContentStream content, Figure figure,
                              float x, float y, float maxWidth, float maxHeight) throws IOException {
        float scale = Math.min(maxWidth / figure.width(), maxHeight / figure.height());
        float width = figure.width() * scale;
        float height = figure.height() * scale;
        PDFormXObject form = toForm(document, figure);
        content.saveGraphicsState();
        content.transform(new Matrix(scale, 0, 0, scale, x + (maxWidth - width) / 2, y + maxHeight - height));
        content.drawForm(form);
        content.restoreGraphicsState();
        return height;
    }
}
