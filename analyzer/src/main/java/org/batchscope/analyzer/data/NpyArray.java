package org.batchscope.analyzer.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.batchscope.common.BadInputException;

/**
 * One array read from a NumPy {@code .npy} file: its dtype, its shape and its little-endian data in C
 * order. Supported dtypes: {@code <f4}, {@code <f8}, {@code <i4}, {@code <i8} (and {@code |i1}, {@code |u1}).
 *
 * @param file  where it was read from, for messages
 * @param dtype the NumPy type string, for example {@code <f4}
 * @param shape the dimensions; their product is the number of elements
 * @param data  the raw element bytes, position 0, little-endian
 */
public record NpyArray(String file, String dtype, int[] shape, ByteBuffer data) {

    public NpyArray {
        shape = shape.clone();
        data = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** @return the number of elements, the product of the shape */
    public int size() {
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        return Math.toIntExact(size);
    }

    /** @return element {@code i} as a double (int64 beyond 2^53 loses precision) */
    public double get(int i) {
        return switch (dtype.substring(1)) {
            case "f4" -> data.getFloat(i * 4);
            case "f8" -> data.getDouble(i * 8);
            case "i4" -> data.getInt(i * 4);
            case "i8" -> data.getLong(i * 8);
            case "i1" -> data.get(i);
            case "u1" -> data.get(i) & 0xff;
            default -> throw new IllegalStateException("unsupported dtype " + dtype);
        };
    }

    /** @return every element as float, in C order */
    public float[] toFloats() {
        float[] values = new float[size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) get(i);
        }
        return values;
    }

    /**
     * @return every element as int, in C order
     * @throws BadInputException naming the file and the element when one is not a whole number in int range
     */
    public int[] toInts() {
        int[] values = new int[size()];
        for (int i = 0; i < values.length; i++) {
            double v = get(i);
            if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new BadInputException(file + ": element " + i + " is " + v + "; labels must be whole numbers");
            }
            values[i] = (int) v;
        }
        return values;
    }

    @Override
    public String toString() {
        return "NpyArray[" + file + ", " + dtype + ", " + Arrays.toString(shape) + "]";
    }
}
