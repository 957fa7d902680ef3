package org.batchscope.analyzer.logs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.batchscope.analyzer.data.CsvReader;
import org.batchscope.common.BadInputException;

/**
 * A training log's CSV file as a header and rows of cells, read with {@link CsvReader} (RFC 4180
 * quoting within a line; a UTF-8 byte-order mark and blank lines are ignored). Cells are read as
 * numbers on demand: a blank cell, {@code nan} or {@code inf} is a missing value (not zero, and not a point of any series); any other text that is
 * not a number is a {@link BadInputException} naming the file, line and column.
 */
final class LogTable {

    private final Path file;
    private final List<String> header;
    private final List<String[]> rows = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();

    private LogTable(Path file, List<String> header) {
        this.file = file;
        this.header = header;
    }

    /** Reads a whole CSV file. */
    static LogTable read(Path file) {
        try (CsvReader csv = CsvReader.open(file)) {
            LogTable table = new LogTable(file, csv.header());
            List<String> cells;
            while ((cells = csv.next()) != null) {
                table.rows.add(cells.toArray(new String[0]));
                table.lines.add(csv.line());
            }
            return table;
        }
    }

    Path file() {
        return file;
    }

    List<String> header() {
        return header;
    }

    /** @return the index of the column named {@code name} (exact match), or -1 */
    int column(String name) {
        return header.indexOf(name);
    }

    int rowCount() {
        return rows.size();
    }

    /** @return the number in a cell, or NaN when it is missing (blank, nan, inf, or beyond the row's end) */
    double number(int row, int column) {
        String[] cells = rows.get(row);
        String cell = column < cells.length ? cells[column] : "";
        String lower = cell.toLowerCase(Locale.ROOT);
        if (cell.isEmpty() || lower.equals("nan") || lower.matches("[-+]?inf(inity)?")) {
            return Double.NaN;
        }
        try {
            double value = Double.parseDouble(cell);
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            throw new BadInputException(file + ": line " + lines.get(row) + ", column '" + header.get(column)
                    + "': '" + cell + "' is not a number");
        }
    }

    /**
     * @return the points of column {@code y} against column {@code x}, skipping rows where y is
     *         missing; null when the column has no value at all
     * @throws BadInputException when a row has a y value but no x value
     */
    Curve curve(int x, int y, SeriesKind kind, boolean perStep) {
        double[] xs = new double[rows.size()];
        double[] ys = new double[rows.size()];
        int n = 0;
        for (int r = 0; r < rows.size(); r++) {
            double value = number(r, y);
            if (Double.isNaN(value)) {
                continue;
            }
            double at = number(r, x);
            if (Double.isNaN(at)) {
                throw new BadInputException(file + ": line " + lines.get(r) + " has a value in column '"
                        + header.get(y) + "' but none in '" + header.get(x) + "'");
            }
            xs[n] = at;
            ys[n] = value;
            n++;
        }
        return n == 0 ? null : new Curve(header.get(y), kind, header.get(x), perStep,
                Arrays.copyOf(xs, n), Arrays.copyOf(ys, n));
    }
}
