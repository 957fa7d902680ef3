package org.batchscope.reports.pdf;

import java.awt.Color;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Draws a {@link ReportTable} into a {@link PageFlow}: columns as wide as their widest cell, the
 * font shrunk (down to {@value #MIN_SIZE} pt) when the table is wider than the page, zebra rows,
 * numbers right-aligned, and the header repeated at the top of every page the table runs onto.
 */
final class TableWriter {

    static final float MAX_SIZE = 9.5f;
    static final float MIN_SIZE = 6.5f;
    private static final float PAD = 4;
    private static final Color HEADER_FILL = new Color(0xDCE6F0);
    private static final Color ZEBRA = new Color(0xF4F4F4);

    private TableWriter() {
    }

    static void write(PageFlow flow, ReportTable table) {
        flow.ensure(60);
        List<String> header = table.header().stream().map(h -> PdfText.printable(h, flow.bold)).toList();
        List<List<String>> rows = table.rows().stream()
                .map(r -> r.stream().map(c -> PdfText.printable(c, flow.regular)).toList()).toList();
        float size = MAX_SIZE;
        float[] widths = widths(header, rows, flow, size);
        float total = sum(widths);
        if (total > flow.textWidth()) {
            size = Math.max(MIN_SIZE, size * flow.textWidth() / total);
            widths = widths(header, rows, flow, size);
            total = sum(widths);
        }
        float rowHeight = size * 1.6f;
        writeRow(flow, header, widths, size, rowHeight, flow.bold, HEADER_FILL);
        for (int r = 0; r < rows.size(); r++) {
            if (flow.cursor() - rowHeight < PageFlow.MARGIN) {
                flow.newPage(PageFlow.PORTRAIT);
                writeRow(flow, header, widths, size, rowHeight, flow.bold, HEADER_FILL);
            }
            writeRow(flow, rows.get(r), widths, size, rowHeight, flow.regular, r % 2 == 1 ? ZEBRA : null);
        }
        flow.moveDown(8);
    }

    private static void writeRow(PageFlow flow, List<String> cells, float[] widths, float size, float height,
                                 PDFont font, Color fill) {
        flow.moveDown(height);
        float y = flow.cursor();
        if (fill != null) {
            flow.fill(PageFlow.MARGIN, y, sum(widths), height, fill);
        }
        float x = PageFlow.MARGIN;
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            float textWidth = PdfText.width(cell, font, size);
            float left = ReportTable.isNumeric(cell) ? x + widths[c] - PAD - textWidth : x + PAD;
            flow.showText(cell, font, size, left, y + height * 0.32f, Color.BLACK);
            x += widths[c];
        }
    }

    private static float[] widths(List<String> header, List<List<String>> rows, PageFlow flow, float size) {
        float[] widths = new float[header.size()];
        for (int c = 0; c < header.size(); c++) {
            widths[c] = PdfText.width(header.get(c), flow.bold, size) + 2 * PAD;
        }
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], PdfText.width(row.get(c), flow.regular, size) + 2 * PAD);
            }
        }
        return widths;
    }

    private static float sum(float[] values) {
        float total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }
}
