package org.batchscope.generator.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A minimal PNG encoder for 8-bit RGB and gray images: IHDR, one IDAT, IEND, no ancillary chunks (so
 * no timestamps), every row with the Sub filter, zlib at level {@value #LEVEL}. The same pixels always
 * give the same bytes. Not thread-safe: use one instance per thread and close it to free the native zlib state.
 */
public final class PngEncoder implements AutoCloseable {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int LEVEL = 1;
    private static final byte FILTER_SUB = 1;

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
            int row = y * (stride + 1);
            int src = y * stride;
            raw[row] = FILTER_SUB;
            for (int i = 0; i < stride; i++) {
                int left = i < channels ? 0 : pixels[src + i - channels];
                raw[row + 1 + i] = (byte) (pixels[src + i] - left);
            }
        }
        deflater.reset();
        deflater.setInput(raw, 0, rawLength);
        deflater.finish();
        int length = 0;
        while (!deflater.finished()) {
            if (length == compressed.length) {
                compressed = java.util.Arrays.copyOf(compressed, 2 * compressed.length);
            }
            length += deflater.deflate(compressed, length, compressed.length - length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 64);
        out.writeBytes(SIGNATURE);
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put(colourType).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array(), 13);
        chunk(out, "IDAT", compressed, length);
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
    }

    @Override
    public void close() {
        deflater.end();
    }

    private void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(length).array());
        out.writeBytes(typeBytes);
        out.write(data, 0, length);
        crc.reset();
        crc.update(typeBytes);
        crc.update(data, 0, length);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
