package org.batchscope.analyzer.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.batchscope.common.BadInputException;

/**
 * A CSV table with a header row, split into numeric feature columns and one label column, read with
 * {@link CsvReader} (RFC 4180 quoting within a line, blank lines skipped). Every non-label cell must
 * parse as a number ({@link Double#parseDouble}); the first one that does not is reported by file,
 * 1-based data row and column name.
 *
 * @param columns  the feature columns' names, in file order
 * @param features rows x columns values, row-major
 * @param labels   the label column's text per row
 */
public record CsvTable(List<String> columns, float[] features, List<String> labels) {

    public CsvTable {
        columns = List.copyOf(columns);
        labels = List.copyOf(labels);
    }

    /** @return the number of data rows */
    public int rows() {
        return labels.size();
    }

    /**
     * Reads {@code file}.
     *
     * @param labelColumn the name of the label column (as in the header)
     * @throws BadInputException for a missing file, a missing label column, a row with the wrong
     *                           number of fields, a non-numeric feature cell or an empty table
     */
    public static CsvTable read(Path file, String labelColumn) {
        try (CsvReader csv = CsvReader.open(file)) {
            List<String> header = csv.header();
            int labelIndex = header.indexOf(labelColumn);
            if (labelIndex < 0) {
                throw new BadInputException(file + ": no label column '" + labelColumn + "' (columns: "
                        + String.join(", ", header) + "); name it with --label-column");
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String name : header) {
                if (!seen.add(name)) {
                    throw new BadInputException(file + ": column '" + name + "' appears twice in the header; column"
                            + " names must be distinct");
                }
            }
            List<String> columns = new ArrayList<>(header);
            columns.remove(labelIndex);
            if (columns.isEmpty()) {
                throw new BadInputException(file + ": only the label column; at least one feature column is needed");
            }
            FloatList values = new FloatList();
            List<String> labels = new ArrayList<>();
            List<String> fields;
            while ((fields = csv.next()) != null) {
                if (fields.size() != header.size()) {
                    throw new BadInputException(file + ": row " + csv.row() + " has " + fields.size()
                            + " fields; the header has " + header.size());
                }
                for (int c = 0; c < fields.size(); c++) {
                    if (c == labelIndex) {
                        if (fields.get(c).isBlank()) {
                            throw new BadInputException(file + ": row " + csv.row() + " has an empty label ('"
                                    + labelColumn + "' column); every row needs a class");
                        }
                        labels.add(fields.get(c));
                    } else {
                        values.add(parse(fields.get(c), file, csv.row(), header.get(c)));
                    }
                }
            }
            if (labels.isEmpty()) {
                throw new BadInputException(file + ": no data rows after the header");
            }
            return new CsvTable(columns, values.toArray(), labels);
        }
    }

    private static float parse(String text, Path file, int row, String column) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return (float) v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException(file + ": row " + row + ", column '" + column + "': '" + text
                + "' is not a finite number (every column but the label column must be numeric)");
    }

    /** A growable float array. */
    private static final class FloatList {
        private float[] values = new float[1024];
        private int size;

        void add(float v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        float[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
