package org.batchscope.reports.pdf;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Draws a {@link ReportTable} into a {@link PageFlow} so that it always fits the page width: columns as
 * wide as their widest cell; when that is wider than the page the font shrinks (down to
 * {@value #MIN_SIZE} pt), and when it still does not fit, cells wrap onto several lines inside their
 * column (text breaks after {@code _ / - .} or a space where it can, anywhere when it must; numbers
 * never break), each column getting at least its widest unbreakable piece and the rest of the page
 * shared in proportion to what it lacks; and when even that is too wide, the columns are split over
 * several tables that each repeat the first column. Zebra rows, numbers right-aligned, and the header repeated at
 * the top of every page the table runs onto.
 */
final class TableWriter {

    static final float MAX_SIZE = 9.5f;
    static final float MIN_SIZE = 6.5f;
    private static final float PAD = 4;
    /** Widest piece of text kept unbroken, in points; longer words break anywhere. */
    private static final float MAX_PIECE = 70;
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
        float[] widths = naturalWidths(header, rows, flow, size);
        float total = sum(widths);
        if (total > flow.textWidth()) {
            size = Math.max(MIN_SIZE, size * flow.textWidth() / total);
            widths = naturalWidths(header, rows, flow, size);
            total = sum(widths);
        }
        if (total > flow.textWidth()) {
            float[] least = leastWidths(header, rows, flow, size);
            if (sum(least) > flow.textWidth() && header.size() > 2) {
                writeInParts(flow, table, least);
                return;
            }
            widths = wrappedWidths(least, flow, widths);
        }
        writeRow(flow, header, widths, size, flow.bold, HEADER_FILL);
        for (int r = 0; r < rows.size(); r++) {
            float height = rowHeight(lines(rows.get(r), widths, flow.regular, size), size);
            if (flow.cursor() - height < PageFlow.MARGIN) {
                flow.newPage(PageFlow.PORTRAIT);
                writeRow(flow, header, widths, size, flow.bold, HEADER_FILL);
            }
            writeRow(flow, rows.get(r), widths, size, flow.regular, r % 2 == 1 ? ZEBRA : null);
        }
        flow.moveDown(8);
    }

    private static void writeRow(PageFlow flow, List<String> cells, float[] widths, float size, PDFont font,
                                 Color fill) {
        List<List<String>> lines = lines(cells, widths, font, size);
        float height = rowHeight(lines, size);
        flow.moveDown(height);
        float y = flow.cursor();
        if (fill != null) {
            flow.fill(PageFlow.MARGIN, y, sum(widths), height, fill);
        }
        float x = PageFlow.MARGIN;
        float leading = size * 1.2f;
        for (int c = 0; c < cells.size(); c++) {
            List<String> cellLines = lines.get(c);
            for (int l = 0; l < cellLines.size(); l++) {
                String line = cellLines.get(l);
                float textWidth = PdfText.width(line, font, size);
                float left = ReportTable.isNumeric(cells.get(c)) ? x + widths[c] - PAD - textWidth : x + PAD;
                float baseline = y + height - (l + 1) * leading;
                flow.showText(line, font, size, left, baseline, Color.BLACK);
            }
            x += widths[c];
        }
    }

    private static float rowHeight(List<List<String>> lines, float size) {
        int most = lines.stream().mapToInt(List::size).max().orElse(1);
        return size * 0.6f + most * size * 1.2f;
    }

    private static List<List<String>> lines(List<String> cells, float[] widths, PDFont font, float size) {
        List<List<String>> lines = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            lines.add(wrap(cells.get(c), font, size, widths[c] - 2 * PAD));
        }
        return lines;
    }

    /** Cells at their natural width. */
    private static float[] naturalWidths(List<String> header, List<List<String>> rows, PageFlow flow, float size) {
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

    /**
     * Too many columns to fit even wrapped: the table is written as several tables, each with the first
     * column (the row's name) and as many of the next columns as fit.
     */
    private static void writeInParts(PageFlow flow, ReportTable table, float[] least) {
        List<List<Integer>> parts = new ArrayList<>();
        List<Integer> part = new ArrayList<>();
        float used = least[0];
        for (int c = 1; c < least.length; c++) {
            if (!part.isEmpty() && used + least[c] > flow.textWidth()) {
                parts.add(part);
                part = new ArrayList<>();
                used = least[0];
            }
            part.add(c);
            used += least[c];
        }
        parts.add(part);
        for (List<Integer> columns : parts) {
            List<Integer> kept = new ArrayList<>(List.of(0));
            kept.addAll(columns);
            List<String> header = kept.stream().map(table.header()::get).toList();
            List<List<String>> rows = table.rows().stream().map(r -> kept.stream().map(r::get).toList()).toList();
            write(flow, new ReportTable(header, rows));
        }
    }

    /** @return each column's widest unbreakable piece, padded */
    private static float[] leastWidths(List<String> header, List<List<String>> rows, PageFlow flow, float size) {
        float[] least = new float[header.size()];
        for (int c = 0; c < header.size(); c++) {
            least[c] = widestPiece(header.get(c), flow.bold, size) + 2 * PAD;
        }
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                least[c] = Math.max(least[c], widestPiece(row.get(c), flow.regular, size) + 2 * PAD);
            }
        }
        return least;
    }

    /** Each column its widest unbreakable piece, plus a share of the rest of the page. */
    private static float[] wrappedWidths(float[] least, PageFlow flow, float[] natural) {
        float spare = flow.textWidth() - sum(least);
        float lacking = 0;
        for (int c = 0; c < least.length; c++) {
            lacking += natural[c] - least[c];
        }
        float[] widths = new float[least.length];
        for (int c = 0; c < least.length; c++) {
            float share = lacking > 0 && spare > 0 ? spare * (natural[c] - least[c]) / lacking : 0;
            widths[c] = Math.min(natural[c], least[c] + share);
        }
        return widths;
    }

    private static float widestPiece(String text, PDFont font, float size) {
        if (ReportTable.isNumeric(text)) {
            return PdfText.width(text, font, size);
        }
        float widest = 0;
        for (String piece : pieces(text)) {
            widest = Math.max(widest, Math.min(MAX_PIECE, PdfText.width(piece, font, size)));
        }
        return widest;
    }

    /** Splits text after each break character, keeping the characters. */
    private static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '_' || ch == '/' || ch == '-' || ch == '.' || ch == ' ') {
                pieces.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            pieces.add(text.substring(start));
        }
        return pieces;
    }

    /** Lines of at most {@code width} points: whole pieces where they fit, pieces broken where they do not. */
    static List<String> wrap(String text, PDFont font, float size, float width) {
        List<String> lines = new ArrayList<>();
        if (ReportTable.isNumeric(text) || PdfText.width(text, font, size) <= width) {
            lines.add(text);
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String piece : pieces(text)) {
            if (line.length() > 0 && PdfText.width(line + piece, font, size) > width) {
                lines.add(line.toString().strip());
                line.setLength(0);
            }
            String rest = piece;
            while (PdfText.width(rest, font, size) > width && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && PdfText.width(rest.substring(0, cut), font, size) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (line.length() > 0) {
            lines.add(line.toString().strip());
        }
        return lines;
    }

    private static float sum(float[] values) {
        float total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }
}
