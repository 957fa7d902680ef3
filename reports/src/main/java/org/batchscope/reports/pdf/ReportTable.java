package org.batchscope.reports.pdf;

import java.util.List;

/**
 * A table for the PDF report: a header row and body rows of already formatted cells. Cells that
 * parse as numbers are right-aligned.
 *
 * @param header the column names, at least one
 * @param rows   the body rows, each as long as the header
 */
public record ReportTable(List<String> header, List<List<String>> rows) {

    public ReportTable {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).size() != header.size()) {
                throw new IllegalArgumentException("table row " + r + " has " + rows.get(r).size()
                        + " cells but the header has " + header.size());
            }
        }
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** @return whether the cell reads as a number (so it is right-aligned) */
    public static boolean isNumeric(String cell) {
        return cell.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?%?|NaN|n/a|-");
    }
}
