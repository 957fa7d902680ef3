package org.batchscope.reports.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.batchscope.reports.render.Figure;
import org.batchscope.reports.render.PdfFigureExport;

/**
 * Lays text, tables and figures out top to bottom on A4 pages of one {@link PDDocument}, starting a
 * new page when the next block does not fit. Text pages are portrait; figure pages are landscape
 * so that charts print large. All text uses the standard 14 fonts (Helvetica for text, Courier for
 * formulas), so it is real, searchable text and no font file is needed. Units are PDF points
 * (1/72 inch), origin at the bottom left of the page.
 */
final class PageFlow implements AutoCloseable {

    static final PDRectangle PORTRAIT = PDRectangle.A4;
    static final PDRectangle LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    static final float MARGIN = 50;
    static final float BODY_SIZE = 10.5f;
    static final float LEADING = 1.35f;

    final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    final PDFont italic = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
    final PDFont mono = new PDType1Font(Standard14Fonts.FontName.COURIER);

    private final PDDocument document;
    private PDPage page;
    private PDPageContentStream content;
    private float cursor;

    PageFlow(PDDocument document) {
        this.document = document;
    }

    /** Starts a page of {@code size}; the cursor goes to its top margin. */
    void newPage(PDRectangle size) {
        try {
            closeContent();
            page = new PDPage(size);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            cursor = size.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes sure {@code height} points fit above the bottom margin, else starts a portrait page. */
    void ensure(float height) {
        if (page == null || cursor - height < MARGIN) {
            newPage(PORTRAIT);
        }
    }

    /** @return the width between the side margins of the current page */
    float textWidth() {
        return page.getMediaBox().getWidth() - 2 * MARGIN;
    }

    float cursor() {
        return cursor;
    }

    void moveDown(float points) {
        cursor -= points;
    }

    PDPageContentStream content() {
        return content;
    }

    /**
     * Writes wrapped text at the left margin plus {@code indent}, moving to a new page between lines
     * when needed.
     */
    void text(String text, PDFont font, float size, float indent, Color color) {
        String printable = PdfText.printable(text, font);
        List<String> lines = PdfText.wrap(printable, font, size, textWidth() - indent);
        for (String line : lines) {
            ensure(size * LEADING);
            cursor -= size * LEADING;
            showText(line, font, size, MARGIN + indent, cursor + size * 0.25f, color);
        }
    }

    /** Draws one printable line with its baseline at ({@code x}, {@code baseline}). */
    void showText(String line, PDFont font, float size, float x, float baseline, Color color) {
        try {
            content.beginText();
            content.setFont(font, size);
            content.setNonStrokingColor(color);
            content.newLineAtOffset(x, baseline);
            content.showText(line);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fills a rectangle (lower-left corner x, y). */
    void fill(float x, float y, float width, float height, Color color) {
        try {
            content.setNonStrokingColor(color);
            content.addRect(x, y, width, height);
            content.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws a horizontal rule at the cursor across the text width. */
    void rule(Color color, float lineWidth) {
        try {
            content.setStrokingColor(color);
            content.setLineWidth(lineWidth);
            content.moveTo(MARGIN, cursor);
            content.lineTo(MARGIN + textWidth(), cursor);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A landscape page with the figure as large as fits and its caption under it.
     *
     * @param label   for example {@code "Figure 2."}, written before the caption
     * @param caption how to read the figure
     */
    void figurePage(Figure figure, String label, String caption) {
        newPage(LANDSCAPE);
        float captionSize = BODY_SIZE + 0.5f;
        String printable = PdfText.printable(label + " " + caption, regular);
        int captionLines = PdfText.wrap(printable, regular, captionSize, textWidth()).size();
        float captionHeight = captionLines * captionSize * LEADING + 10;
        float figureTop = cursor + MARGIN - 30;
        float maxHeight = figureTop - MARGIN - captionHeight;
        try {
            float height = PdfFigureExport.place(document, content, figure, MARGIN, figureTop - maxHeight,
                    textWidth(), maxHeight);
            cursor = figureTop - height - 6;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        text(label + " " + caption, regular, captionSize, 0, Color.BLACK);
        cursor = MARGIN; // the figure page is full: what follows starts a portrait page
    }

    /** Adds "title - page i of n" at the foot of every page. */
    void footers(String left) {
        closeContent();
        List<PDPage> pages = StreamSupport.stream(document.getPages().spliterator(), false).toList();
        for (int i = 0; i < pages.size(); i++) {
            PDPage p = pages.get(i);
            try (PDPageContentStream foot = new PDPageContentStream(document, p,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String text = PdfText.printable(left + "  -  page " + (i + 1) + " of " + pages.size(), regular);
                foot.beginText();
                foot.setFont(regular, 8.5f);
                foot.setNonStrokingColor(Color.GRAY);
                foot.newLineAtOffset(MARGIN, MARGIN / 2);
                foot.showText(text);
                foot.endText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void closeContent() {
        if (content != null) {
            try {
                content.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            content = null;
        }
    }

    @Override
    public void close() {
        closeContent();
    }
}
