package org.batchscope.analyzer.logs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.batchscope.common.BadInputException;

/**
 * Tells how a log file's text is encoded from its first {@value #SAMPLE} bytes, and refuses files that
 * are not text:
 * <ol>
 *   <li>a byte-order mark names the encoding (UTF-8, UTF-16LE, UTF-16BE);</li>
 *   <li>without one, zero bytes in every other position mean UTF-16 (zeros at odd positions: little
 *       endian, as Windows PowerShell writes it);</li>
 *   <li>any other zero byte, or more than 5% control characters (other than tab, line feed, carriage
 *       return, form feed), means the file is not text: a {@link BadInputException};</li>
 *   <li>otherwise UTF-8 when the sample decodes as UTF-8, else ISO-8859-1 (Latin-1, which decodes any
 *       byte; the numbers of a log are ASCII either way).</li>
 * </ol>
 */
final class LogEncoding {

    /** Bytes examined. */
    static final int SAMPLE = 64 * 1024;

    private LogEncoding() {
    }

    /** @return the encoding of {@code file}'s text */
    static Charset of(Path file) {
        byte[] head = head(file);
        int n = head.length;
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        int zerosEven = 0;
        int zerosOdd = 0;
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xFF;
            if (b == 0) {
                if (i % 2 == 0) {
                    zerosEven++;
                } else {
                    zerosOdd++;
                }
            } else if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        int half = n / 2;
        if (half > 0 && zerosOdd >= half * 0.9 && zerosEven == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (half > 0 && zerosEven >= half * 0.9 && zerosOdd == 0) {
            return StandardCharsets.UTF_16BE;
        }
        if (zerosEven + zerosOdd > 0 || control > n * 0.05) {
            throw new BadInputException(file + ": not a text file (it holds binary bytes); expected a CSV training log");
        }
        return decodesAsUtf8(head) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    }

    /** @return a decoder for {@code charset} that puts U+FFFD for bytes it cannot decode instead of failing */
    static CharsetDecoder lenientDecoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    private static boolean decodesAsUtf8(byte[] head) {
        // the sample may end inside a multi-byte character: drop up to three trailing bytes of one
        int end = head.length;
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        if (end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0xC0) {
            end = end - back - 1;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] head(Path file) {
        if (Files.isDirectory(file)) {
            throw new BadInputException(file + ": is a folder; expected a CSV training log file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[SAMPLE];
            int n = in.readNBytes(buffer, 0, SAMPLE);
            return Arrays.copyOf(buffer, n);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": file does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
