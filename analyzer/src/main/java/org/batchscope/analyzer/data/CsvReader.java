package org.batchscope.analyzer.data;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.batchscope.common.BadInputException;

/**
 * Reads a CSV file one row at a time, so a large table need not be held as text: the header is
 * the first non-blank line (a leading byte-order mark dropped), then every non-blank line is a row.
 * Fields are separated by commas (UTF-8), or by the separator and in the encoding given to
 * {@link #open(Path, CharsetDecoder, char)}; a field may be double-quoted (RFC 4180, {@code ""} for a quote
 * inside) but not span lines; fields are stripped of surrounding white space. Each row knows its
 * 1-based number among the rows ({@link #row()}) and its 1-based line in the file ({@link #line()}), for
 * messages. Problems are {@link BadInputException}s naming the file; read errors are
 * {@link UncheckedIOException}s. Shared by the dataset loader's {@link CsvTable} and the log reader.
 */
public final class CsvReader implements Closeable {

    private final Path file;
    private final BufferedReader reader;
    private final char separator;
    private final List<String> header;
    private int line;
    private int row;

    private CsvReader(Path file, BufferedReader reader, char separator) throws IOException {
        this.file = file;
        this.reader = reader;
        this.separator = separator;
        String first = nextNonBlankLine();
        if (first == null) {
            throw new BadInputException(file + ": empty file; expected a CSV header line");
        }
        this.header = List.copyOf(split(first.startsWith("\uFEFF") ? first.substring(1) : first));
    }

    /**
     * Opens {@code file} and reads its header.
     *
     * @throws BadInputException for a missing or empty file, or a header with an unclosed quote
     */
    public static CsvReader open(Path file) {
        return open(file, StandardCharsets.UTF_8.newDecoder(), ',');
    }

    /**
     * Opens {@code file} with the given decoder and field separator and reads its header.
     *
     * @throws BadInputException for a missing or empty file, or a header with an unclosed quote
     */
    public static CsvReader open(Path file, CharsetDecoder decoder, char separator) {
        BufferedReader reader;
        try {
            reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder));
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": file does not exist");
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        try {
            return new CsvReader(file, reader, separator);
        } catch (IOException e) {
            closeAfterFailure(reader, e);
            throw unreadable(file, e);
        } catch (RuntimeException e) {
            closeAfterFailure(reader, e);
            throw e;
        }
    }

    /** @return the file being read */
    public Path file() {
        return file;
    }

    /** @return the header's fields */
    public List<String> header() {
        return header;
    }

    /**
     * @return the next row's fields, or null after the last row
     * @throws BadInputException for a row with an unclosed quote
     */
    public List<String> next() {
        String text;
        try {
            text = nextNonBlankLine();
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (text == null) {
            return null;
        }
        row++;
        return split(text);
    }

    /** @return the 1-based number of the row last returned by {@link #next()} among the rows */
    public int row() {
        return row;
    }

    /** @return the 1-based line in the file of the row last returned by {@link #next()} */
    public int line() {
        return line;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private String nextNonBlankLine() throws IOException {
        String text;
        do {
            text = reader.readLine();
            line++;
        } while (text != null && text.isBlank());
        return text;
    }

    /** Splits one line into stripped fields, honouring double quotes. */
    private List<String> split(String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == separator) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new BadInputException(file + ": line " + line + " has an unclosed quote");
        }
        fields.add(field.toString().strip());
        return fields;
    }

    private static void closeAfterFailure(BufferedReader reader, Exception failure) {
        try {
            reader.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static RuntimeException unreadable(Path file, IOException e) {
        return org.batchscope.common.InputFiles.readError(file, e);
    }
}
