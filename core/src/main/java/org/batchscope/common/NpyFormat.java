package org.batchscope.common;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The NumPy {@code .npy} format, version 1.0, written by hand so that arrays can stream to disk: the magic
 * {@code \x93NUMPY}, version bytes 1 and 0, a little-endian uint16 header length, then an ASCII
 * dictionary {@code {'descr': '<f4', 'fortran_order': False, 'shape': (n, d), }} padded with spaces and
 * a final newline so that the data starts at a multiple of 64 bytes, then the data in C order,
 * little-endian (NumPy's "NEP 1" format description, {@code numpy.lib.format}). The shape is known
 * before the first value, so the header is written first. Used by the generator's tables and by the
 * analyzer's saved weights.
 */
public final class NpyFormat {

    /** float32, little-endian. */
    public static final String FLOAT32 = "<f4";
    /** int32, little-endian. */
    public static final String INT32 = "<i4";
    /** int64, little-endian. */
    public static final String INT64 = "<i8";
    /** float64, little-endian. */
    public static final String FLOAT64 = "<f8";

    private static final int ALIGNMENT = 64;
    private static final int PREAMBLE = 10;

    private NpyFormat() {
    }

    /**
     * @param shape the array's dimensions; one value gives a 1-d array, none a 0-d array (a scalar)
     * @return the complete header, a multiple of 64 bytes long
     */
    public static byte[] header(String descr, long... shape) {
        StringBuilder dims = new StringBuilder();
        for (long dim : shape) {
            dims.append(dim).append(", ");
        }
        String tuple = shape.length == 1 ? "(" + shape[0] + ",)"
                : "(" + dims.substring(0, Math.max(0, dims.length() - 2)) + ")";
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
    public static byte[] float32(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    /** @return {@code values} as little-endian int32 */
    public static byte[] int32(int[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asIntBuffer().put(values);
        return buffer.array();
    }

    /**
     * @param values C-order values of an array of {@code shape}
     * @return a whole little-endian float32 file, header included
     * @throws IllegalArgumentException when the shape does not hold exactly {@code values.length} values
     */
    public static byte[] float32File(float[] values, long... shape) {
        requireSize(values.length, shape);
        return concat(header(FLOAT32, shape), float32(values));
    }

    /**
     * @param values the values of a 1-d array, widened to int64
     * @return a whole little-endian int64 file, header included
     */
    public static byte[] int64File(int[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            buffer.putLong(v);
        }
        return concat(header(INT64, values.length), buffer.array());
    }

    /** @return a whole little-endian float64 matrix, header included */
    public static byte[] float64Matrix(double[][] matrix) {
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

    private static void requireSize(int count, long... shape) {
        long size = 1;
        for (long dim : shape) {
            size *= dim;
        }
        if (size != count) {
            throw new IllegalArgumentException("shape " + java.util.Arrays.toString(shape) + " holds " + size
                    + " values, not " + count);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
