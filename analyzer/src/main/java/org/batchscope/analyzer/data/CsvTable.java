package org.batchscope.analyzer.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.batchscope.common.BadInputException;

/**
 * A CSV table with a header row, split into numeric feature columns and one label column. Fields are
 * separated by commas; a field may be double-quoted (RFC 4180, {@code ""} for a quote inside), but not
 * span lines. Blank lines are skipped. Every non-label cell must parse as a number
 * ({@link Double#parseDouble}); the first one that does not is reported by file, 1-based data row and
 * column name.
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
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String headerLine = reader.readLine();
            if (headerLine == null) {
                throw new BadInputException(file + ": empty file; expected a header row");
            }
            List<String> header = split(stripBom(headerLine), file, 0);
            int labelIndex = header.indexOf(labelColumn);
            if (labelIndex < 0) {
                throw new BadInputException(file + ": no label column '" + labelColumn + "' (columns: "
                        + String.join(", ", header) + "); name it with --label-column");
            }
            List<String> columns = new ArrayList<>(header);
            columns.remove(labelIndex);
            if (columns.isEmpty()) {
                throw new BadInputException(file + ": only the label column; at least one feature column is needed");
            }
            FloatList values = new FloatList();
            List<String> labels = new ArrayList<>();
            String line;
            int row = 0;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                row++;
                List<String> fields = split(line, file, row);
                if (fields.size() != header.size()) {
                    throw new BadInputException(file + ": row " + row + " has " + fields.size()
                            + " fields; the header has " + header.size());
                }
                for (int c = 0; c < fields.size(); c++) {
                    if (c == labelIndex) {
                        labels.add(fields.get(c).strip());
                    } else {
                        values.add(parse(fields.get(c), file, row, header.get(c)));
                    }
                }
            }
            if (row == 0) {
                throw new BadInputException(file + ": no data rows after the header");
            }
            return new CsvTable(columns, values.toArray(), labels);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": file does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static float parse(String field, Path file, int row, String column) {
        String text = field.strip();
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

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** Splits one line into fields, honouring double quotes. */
    static List<String> split(String line, Path file, int row) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new BadInputException(file + ": row " + row + " has an unclosed quote");
        }
        fields.add(field.toString());
        return fields;
    }

    /** A growable float array. */
    private static final class FloatList {
        private float[] values = new float[1024];
        private int size;

        void add(float v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
