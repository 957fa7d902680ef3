package org.batchscope.generator.tabular;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The CSV form of a table: a header line of column names and {@code label}, then one line per row, values
 * separated by commas, lines ended by {@code \n}, no quoting (names are plain identifiers). Values are
 * the float32 values of the NPY file in {@link Float#toString(float)} form, the shortest decimal that
 * reads back as the same float32 (for example {@code -1.2345678} or {@code 3.0E-5}, which pandas, NumPy
 * and DataVec's CSVRecordReader all parse); labels are integers.
 */
final class CsvRows {

    private CsvRows() {
    }

    /** @return the header line, with its newline */
    static byte[] header(List<String> columns) {
        return (String.join(",", columns) + ",label\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** @return the lines of a chunk's rows */
    static byte[] encode(RowChunk chunk) {
        int width = chunk.rows() == 0 ? 0 : chunk.x().length / chunk.rows();
        StringBuilder text = new StringBuilder(chunk.rows() * (width * 12 + 4));
        float[] x = chunk.x();
        int i = 0;
        for (int r = 0; r < chunk.rows(); r++) {
            for (int j = 0; j < width; j++) {
                text.append(x[i++]).append(',');
            }
            text.append(chunk.y()[r]).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
