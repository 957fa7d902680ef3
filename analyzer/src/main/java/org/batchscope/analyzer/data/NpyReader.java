package org.batchscope.analyzer.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.batchscope.common.BadInputException;

/**
 * Reads NumPy {@code .npy} files, format versions 1.0 and 2.0 (3.0 differs only in the header's
 * encoding and is accepted too): magic {@code \x93NUMPY}, major and minor version bytes, the header
 * length (little-endian uint16 for 1.0, uint32 for 2.0 and 3.0), then a Python dict literal with
 * {@code descr}, {@code fortran_order} and {@code shape}, then the data. Only little-endian (or
 * single-byte) numeric dtypes in C order are accepted; anything else is a {@link BadInputException}
 * naming the file.
 */
public final class NpyReader {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Set<String> DTYPES = Set.of("<f4", "<f8", "<i4", "<i8", "|i1", "|u1");
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyReader() {
    }

    /** @return the array stored in {@code file} */
    public static NpyArray read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": file does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), bytes);
    }

    /** Parses the bytes of a {@code .npy} file; {@code name} is used in messages. */
    static NpyArray parse(String name, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10) {
            throw bad(name, "too short to be a .npy file");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw bad(name, "not a .npy file (no \\x93NUMPY magic)");
            }
        }
        int major = bytes[6];
        int headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(in.getShort(8));
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw bad(name, "truncated header");
            }
            headerLength = in.getInt(8);
            headerStart = 12;
        } else {
            throw bad(name, "format version " + major + "." + bytes[7] + " is not supported (1.0, 2.0, 3.0 are)");
        }
        if (headerLength < 0 || headerStart + headerLength > bytes.length) {
            throw bad(name, "truncated header");
        }
        String header = new String(bytes, headerStart, headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String dtype = group(DESCR, header, name, "descr");
        if (!DTYPES.contains(dtype)) {
            throw bad(name, "dtype " + dtype + " is not supported (allowed: float32, float64, int32, int64,"
                    + " int8, uint8, little-endian)");
        }
        if (group(FORTRAN, header, name, "fortran_order").equals("True")) {
            throw bad(name, "Fortran-ordered arrays are not supported; save with C order (numpy.ascontiguousarray)");
        }
        int[] shape = parseShape(group(SHAPE, header, name, "shape"), name);
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        int itemSize = Integer.parseInt(dtype.substring(2));
        int dataStart = headerStart + headerLength;
        long expected = count * itemSize;
        if (bytes.length - dataStart != expected) {
            throw bad(name, "holds " + (bytes.length - dataStart) + " data bytes; shape and dtype need " + expected);
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, (int) expected).slice().order(ByteOrder.LITTLE_ENDIAN);
        return new NpyArray(name, dtype, shape, data);
    }

    private static int[] parseShape(String tuple, String name) {
        String[] parts = tuple.split(",");
        int dims = 0;
        int[] shape = new int[parts.length];
        for (String part : parts) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            try {
                shape[dims++] = Integer.parseInt(p.endsWith("L") ? p.substring(0, p.length() - 1) : p);
            } catch (NumberFormatException e) {
                throw bad(name, "shape (" + tuple + ") is not a tuple of integers");
            }
        }
        return java.util.Arrays.copyOf(shape, dims);
    }

    private static String group(Pattern pattern, String header, String name, String key) {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw bad(name, "header has no '" + key + "'");
        }
        return m.group(1);
    }

    private static BadInputException bad(String name, String what) {
        return new BadInputException(name + ": " + what);
    }
}
