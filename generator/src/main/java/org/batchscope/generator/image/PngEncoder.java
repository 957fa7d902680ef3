package org.batchscope.generator.image;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A minimal PNG encoder for 8-bit RGB and gray images: IHDR, one IDAT, IEND, no ancillary chunks (so
 * no timestamps), every row with the Sub filter, zlib at level {@value #LEVEL}. The same pixels always
 * give the same bytes, written into one exactly sized array. Not thread-safe: use one instance per
 * thread and close it to free the native zlib state.
 */
public final class PngEncoder implements AutoCloseable {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int LEVEL = 1;
    private static final byte FILTER_SUB = 1;
    private static final byte[] IHDR = "IHDR".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] IDAT = "IDAT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] IEND = "IEND".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_LENGTH = 13;
    /** Length, type and CRC fields of a chunk. */
    private static final int CHUNK_OVERHEAD = 12;

    private final Deflater deflater = new Deflater(LEVEL);
    private final CRC32 crc = new CRC32();
    private byte[] raw = new byte[0];
    private byte[] compressed = new byte[0];

    /** @return the PNG bytes of a {@code width} x {@code height} image of row-major RGB triples */
    public byte[] rgb(byte[] pixels, int width, int height) {
        return encode(pixels, width, height, 3, (byte) 2);
    }

    /** @return the PNG bytes of a {@code width} x {@code height} gray image */
    public byte[] gray(byte[] pixels, int width, int height) {
        return encode(pixels, width, height, 1, (byte) 0);
    }

    private byte[] encode(byte[] pixels, int width, int height, int channels, byte colourType) {
        int stride = width * channels;
        int rawLength = height * (stride + 1);
        if (raw.length < rawLength) {
            raw = new byte[rawLength];
            compressed = new byte[rawLength + rawLength / 1000 + 64];
        }
        for (int y = 0; y < height; y++) {
            int row = y * (stride + 1) + 1;
            int src = y * stride;
            raw[row - 1] = FILTER_SUB;
            System.arraycopy(pixels, src, raw, row, channels);
            for (int i = channels; i < stride; i++) {
                raw[row + i] = (byte) (pixels[src + i] - pixels[src + i - channels]);
            }
        }
        deflater.reset();
        deflater.setInput(raw, 0, rawLength);
        deflater.finish();
        int length = 0;
        while (!deflater.finished()) {
            if (length == compressed.length) {
                compressed = Arrays.copyOf(compressed, 2 * compressed.length);
            }
            length += deflater.deflate(compressed, length, compressed.length - length);
        }
        ByteBuffer out = ByteBuffer.allocate(SIGNATURE.length + 3 * CHUNK_OVERHEAD + HEADER_LENGTH + length);
        out.put(SIGNATURE);
        int header = out.position();
        out.putInt(HEADER_LENGTH).put(IHDR).putInt(width).putInt(height)
                .put((byte) 8).put(colourType).put((byte) 0).put((byte) 0).put((byte) 0);
        endChunk(out, header);
        int data = out.position();
        out.putInt(length).put(IDAT).put(compressed, 0, length);
        endChunk(out, data);
        int end = out.position();
        out.putInt(0).put(IEND);
        endChunk(out, end);
        return out.array();
    }

    /** Appends the CRC of the chunk that starts (with its length field) at {@code start}: over type and data. */
    private void endChunk(ByteBuffer out, int start) {
        crc.reset();
        crc.update(out.array(), start + 4, out.position() - start - 4);
        out.putInt((int) crc.getValue());
    }

    @Override
    public void close() {
        deflater.end();
    }
}
