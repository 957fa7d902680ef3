package org.batchscope.generator.tabular;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The NumPy {@code .npy} format, version 1.0, written by hand so that arrays stream to disk: the magic
 * {@code \x93NUMPY}, version bytes 1 and 0, a little-endian uint16 header length, then an ASCII
 * dictionary {@code {'descr': '<f4', 'fortran_order': False, 'shape': (n, d), }} padded with spaces and
 * a final newline so that the data starts at a multiple of 64 bytes, then the data in C order,
 * little-endian. The shape is known before the first row, so the header is written first.
 */
final class NpyFormat {

    /** float32, little-endian. */
    static final String FLOAT32 = "<f4";
    /** int32, little-endian. */
    static final String INT32 = "<i4";
    /** float64, little-endian. */
    static final String FLOAT64 = "<f8";

    private static final int ALIGNMENT = 64;
    private static final int PREAMBLE = 10;

    private NpyFormat() {
    }

    /**
     * @param shape the array's dimensions; one value gives a 1-d array
     * @return the complete header, a multiple of 64 bytes long
     */
    static byte[] header(String descr, long... shape) {
        StringBuilder dims = new StringBuilder();
        for (long dim : shape) {
            dims.append(dim).append(", ");
        }
        String tuple = shape.length == 1 ? "(" + shape[0] + ",)" : "(" + dims.substring(0, dims.length() - 2) + ")";
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + tuple + ", }";
        int unpadded = PREAMBLE + dict.length() + 1;
        int total = (unpadded + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        String text = dict + " ".repeat(total - unpadded) + "\n";
        ByteBuffer buffer = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        buffer.putShort((short) text.length());
        buffer.put(text.getBytes(StandardCharsets.US_ASCII));
        return buffer.array();
    }

    /** @return {@code values} as little-endian float32 */
    static byte[] float32(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    /** @return {@code values} as little-endian int32 */
    static byte[] int32(int[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asIntBuffer().put(values);
        return buffer.array();
    }

    /** @return a whole little-endian float64 matrix, header included */
    static byte[] float64Matrix(double[][] matrix) {
        byte[] header = header(FLOAT64, matrix.length, matrix.length == 0 ? 0 : matrix[0].length);
        ByteBuffer buffer = ByteBuffer.allocate(header.length + matrix.length * (matrix.length == 0 ? 0
                : matrix[0].length) * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(header);
        for (double[] row : matrix) {
            for (double v : row) {
                buffer.putDouble(v);
            }
        }
        return buffer.array();
    }
}
