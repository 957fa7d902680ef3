package org.batchscope.generator.tabular;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The CSV form of a table: a header line of column names and {@code label}, then one line per row, values
 * separated by commas, lines ended by {@code \n}, no quoting (names are plain identifiers). Values are
 * the float32 values of the NPY file written by {@link Float32Text} (9 significant digits, which read
 * back as the same float32, for example {@code -1.54230154} or {@code 3.0E-5}; pandas, NumPy and DataVec's
 * CSVRecordReader parse them); labels are integers.
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
        byte[] out = new byte[chunk.rows() * (width * (Float32Text.MAX_LENGTH + 1) + 12)];
        float[] x = chunk.x();
        int pos = 0;
        int i = 0;
        for (int r = 0; r < chunk.rows(); r++) {
            for (int j = 0; j < width; j++) {
                pos = Float32Text.write(x[i++], out, pos);
                out[pos++] = ',';
            }
            int label = chunk.y()[r];
            if (label >= 10) {
                out[pos++] = (byte) ('0' + label / 10);
            }
            out[pos++] = (byte) ('0' + label % 10);
            out[pos++] = '\n';
        }
        return java.util.Arrays.copyOf(out, pos);
    }
}
