package org.batchscope.analyzer.logs;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.batchscope.analyzer.data.CsvReader;
import org.batchscope.common.BadInputException;

/**
 * A training log's CSV file read in one streaming pass into one array of numbers per column, so a
 * log of a million rows costs 8 bytes per cell rather than its text: the encoding is told by
 * {@link LogEncoding}, the separator by {@link FieldSeparator}, and rows are split by
 * {@link CsvReader}. A blank cell is a missing value (not a point of any series); {@code nan},
 * {@code inf}, {@code -inf}, {@code infinity} (any case) are kept as non-finite values; with a
 * semicolon separator a decimal comma ({@code 0,25}) is read as a decimal point. A column whose first
 * value is text (a run name, a timestamp) is a text column and holds no numbers; text in a column
 * that held numbers is a {@link BadInputException} naming the file, line and column.
 */
final class LogTable {

    private static final int INITIAL_ROWS = 1024;

    private final Path file;
    private final List<String> header;
    private final char separator;
    private final Charset charset;
    private final double[][] values;
    private final BitSet[] present;
    private final boolean[] text;
    private int[] lines = new int[INITIAL_ROWS];
    private int rows;

    private LogTable(Path file, List<String> header, char separator, Charset charset) {
        this.file = file;
        this.header = header;
        this.separator = separator;
        this.charset = charset;
        this.values = new double[header.size()][INITIAL_ROWS];
        this.present = new BitSet[header.size()];
        this.text = new boolean[header.size()];
        for (int c = 0; c < header.size(); c++) {
            present[c] = new BitSet();
        }
    }

    /** Reads a whole log file. */
    static LogTable read(Path file) {
        Charset charset = LogEncoding.of(file);
        char separator = FieldSeparator.of(file, charset);
        try (CsvReader csv = CsvReader.open(file, LogEncoding.lenientDecoder(charset), separator)) {
            LogTable table = new LogTable(file, csv.header(), separator, charset);
            List<String> cells;
            while ((cells = csv.next()) != null) {
                table.add(cells, csv.line());
            }
            return table;
        }
    }

    private void add(List<String> cells, int line) {
        if (rows == lines.length) {
            int capacity = rows * 2;
            lines = Arrays.copyOf(lines, capacity);
            for (int c = 0; c < values.length; c++) {
                values[c] = Arrays.copyOf(values[c], capacity);
            }
        }
        lines[rows] = line;
        for (int c = 0; c < values.length; c++) {
            String cell = c < cells.size() ? cells.get(c) : "";
            if (cell.isEmpty() || text[c]) {
                continue;
            }
            double value = parse(cell);
            if (Double.isNaN(value) && !isNotANumber(cell)) {
                if (present[c].isEmpty()) {
                    text[c] = true;
                    continue;
                }
                throw new BadInputException(file + ": line " + line + ", column '" + header.get(c) + "': '" + cell
                        + "' is not a number");
            }
            values[c][rows] = value;
            present[c].set(rows);
        }
        rows++;
    }

    private double parse(String cell) {
        String lower = cell.toLowerCase(Locale.ROOT);
        if (isNotANumber(cell)) {
            return Double.NaN;
        }
        if (lower.matches("[+]?inf(inity)?")) {
            return Double.POSITIVE_INFINITY;
        }
        if (lower.matches("-inf(inity)?")) {
            return Double.NEGATIVE_INFINITY;
        }
        String number = separator == ';' && cell.indexOf(',') >= 0 && cell.indexOf('.') < 0 ? cell.replace(',', '.') : cell;
        try {
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static boolean isNotANumber(String cell) {
        return cell.equalsIgnoreCase("nan");
    }

    Path file() {
        return file;
    }

    List<String> header() {
        return header;
    }

    /** @return the field separator the file uses */
    char separator() {
        return separator;
    }

    /** @return the encoding the file was read in */
    Charset charset() {
        return charset;
    }

    /** @return the index of the column named {@code name}, ignoring case and surrounding blanks, or -1 */
    int column(String name) {
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).strip().equalsIgnoreCase(name.strip())) {
                return c;
            }
        }
        return -1;
    }

    /** @return whether a column holds at least one number */
    boolean isNumeric(int column) {
        return !text[column] && !present[column].isEmpty();
    }

    /** @return whether the cell holds a value (possibly not finite) */
    boolean has(int row, int column) {
        return present[column].get(row);
    }

    /** @return the number in a cell; meaningful only where {@link #has} */
    double number(int row, int column) {
        return values[column][row];
    }

    /** @return how many rows have a value in the column */
    int count(int column) {
        return present[column].cardinality();
    }

    /** @return the 1-based line in the file of a row */
    int line(int row) {
        return lines[row];
    }

    /**
     * @param x       the x column, or -1 for the row number (1, 2, ...)
     * @param y       the series column
     * @param name    the series' name
     * @param kind    what it measures
     * @param xName   the x axis name
     * @param perStep whether each point is one optimisation step
     * @return the points of column {@code y} against {@code x}, skipping rows where y is missing or where
     *         x has no finite value; non-finite y values are counted in {@link Curve#nonFinite()}; null
     *         when the column has no value on any row with an x
     */
    Curve curve(int x, int y, String name, SeriesKind kind, String xName, boolean perStep) {
        int capacity = count(y);
        double[] xs = new double[capacity];
        double[] ys = new double[capacity];
        int n = 0;
        NonFinite first = null;
        int nonFinite = 0;
        int finiteAfter = 0;
        for (int r = present[y].nextSetBit(0); r >= 0; r = present[y].nextSetBit(r + 1)) {
            double at = x < 0 ? r + 1 : has(r, x) ? number(r, x) : Double.NaN;
            if (!Double.isFinite(at)) {
                continue;
            }
            double value = number(r, y);
            if (!Double.isFinite(value)) {
                nonFinite++;
                if (first == null) {
                    first = new NonFinite(at, lines[r], value, 0, 0);
                }
                continue;
            }
            if (first != null) {
                finiteAfter++;
            }
            xs[n] = at;
            ys[n] = value;
            n++;
        }
        if (n == 0 && first == null) {
            return null;
        }
        NonFinite summary = first == null ? null : new NonFinite(first.x(), first.line(), first.value(), nonFinite, finiteAfter);
        return new Curve(name, kind, xName, perStep, n == capacity ? xs : Arrays.copyOf(xs, n),
                n == capacity ? ys : Arrays.copyOf(ys, n), summary);
    }

    /** @return how many rows have a value in column {@code y} but no finite value in column {@code x} */
    int valuesWithoutX(int x, int y) {
        if (x < 0) {
            return 0;
        }
        int without = 0;
        for (int r = present[y].nextSetBit(0); r >= 0; r = present[y].nextSetBit(r + 1)) {
            if (!has(r, x) || !Double.isFinite(number(r, x))) {
                without++;
            }
        }
        return without;
    }

    /** @return whether column {@code y} has at most one value per distinct value of column {@code x} */
    boolean atMostOnePerX(int x, int y) {
        Set<Double> seen = new HashSet<>();
        for (int r = present[y].nextSetBit(0); r >= 0; r = present[y].nextSetBit(r + 1)) {
            if (has(r, x) && !seen.add(number(r, x))) {
                return false;
            }
        }
        return true;
    }
}
