package org.batchscope.analyzer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.batchscope.common.BadInputException;
import org.junit.jupiter.api.Test;

class NpyReaderTest {

    /** Builds a .npy file by hand: magic, version, header length, header dict padded to 64, data. */
    static byte[] npy(int major, String descr, String shape, boolean fortran, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': "
                + shape + ", }";
        int preamble = major == 1 ? 10 : 12;
        int total = (preamble + dict.length() + 1 + 63) / 64 * 64;
        String header = dict + " ".repeat(total - preamble - dict.length() - 1) + "\n";
        ByteBuffer b = ByteBuffer.allocate(total + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (major == 1) {
            b.putShort((short) header.length());
        } else {
            b.putInt(header.length());
        }
        b.put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
        return b.array();
    }

    private static byte[] le(int bytesPerValue, double... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * bytesPerValue).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            switch (bytesPerValue) {
                case 4 -> b.putFloat((float) v);
                default -> b.putDouble(v);
            }
        }
        return b.array();
    }

    @Test
    void readsFloat32MatrixVersion1() {
        NpyArray a = NpyReader.parse("x.npy", npy(1, "<f4", "(2, 3)", false, le(4, 1, 2, 3, 4, 5, 6.5)));
        assertThat(a.shape()).containsExactly(2, 3);
        assertThat(a.toFloats()).containsExactly(1f, 2f, 3f, 4f, 5f, 6.5f);
    }

    @Test
    void readsFloat64AndInt64Version2() {
        NpyArray f = NpyReader.parse("x.npy", npy(2, "<f8", "(3,)", false, le(8, 0.25, -1, 1e10)));
        assertThat(f.shape()).containsExactly(3);
        assertThat(f.get(0)).isEqualTo(0.25);
        assertThat(f.get(2)).isEqualTo(1e10);
        ByteBuffer ints = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putLong(0).putLong(1).putLong(7);
        assertThat(NpyReader.parse("y.npy", npy(2, "<i8", "(3,)", false, ints.array())).toInts()).containsExactly(0, 1, 7);
        ByteBuffer i4 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(2).putInt(-3);
        assertThat(NpyReader.parse("y.npy", npy(1, "<i4", "(2,)", false, i4.array())).toInts()).containsExactly(2, -3);
    }

    @Test
    void rejectsFortranOrderBigEndianWrongLengthAndFractionalLabels() {
        assertThatThrownBy(() -> NpyReader.parse("x.npy", npy(1, "<f4", "(1, 2)", true, le(4, 1, 2))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("x.npy: Fortran-ordered");
        assertThatThrownBy(() -> NpyReader.parse("x.npy", npy(1, ">f4", "(2,)", false, le(4, 1, 2))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("dtype >f4 is not supported");
        assertThatThrownBy(() -> NpyReader.parse("x.npy", npy(1, "<f4", "(3,)", false, le(4, 1, 2))))
                .isInstanceOf(BadInputException.class).hasMessage("x.npy: holds 8 data bytes; shape and dtype need 12");
        assertThatThrownBy(() -> NpyReader.parse("y.npy", npy(1, "<f8", "(2,)", false, le(8, 1, 0.5))).toInts())
                .isInstanceOf(BadInputException.class).hasMessage("y.npy: element 1 is 0.5; labels must be whole numbers");
        assertThatThrownBy(() -> NpyReader.parse("z.npy", "not a numpy file".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("z.npy: not a .npy file");
    }
}
