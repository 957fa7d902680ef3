package org.batchscope.analyzer.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells which character separates a log's fields: comma, tab or semicolon (Keras' CSVLogger takes any
 * {@code separator}; spreadsheets in many locales write semicolons). It counts each candidate outside
 * double quotes on the first {@value #LINES} non-blank lines and takes the one that splits the header
 * into the most fields while giving every sampled row the header's field count (a row may have fewer
 * fields, as when trailing cells are blank); a comma when none splits the header.
 */
final class FieldSeparator {

    /** Lines sampled. */
    static final int LINES = 20;
    private static final char[] CANDIDATES = {',', '\t', ';'};

    private FieldSeparator() {
    }

    /** @return the separator of {@code file}, read as {@code charset} */
    static char of(Path file, Charset charset) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                LogEncoding.lenientDecoder(charset)))) {
            String line;
            while (lines.size() < LINES && (line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return of(lines);
    }

    /** @return the separator of a file starting with {@code lines} (header first) */
    static char of(List<String> lines) {
        char best = ',';
        int bestFields = 1;
        for (char candidate : CANDIDATES) {
            if (lines.isEmpty()) {
                break;
            }
            int fields = fields(lines.get(0), candidate);
            boolean consistent = lines.stream().skip(1).allMatch(l -> fields(l, candidate) <= fields);
            if (fields > bestFields && consistent) {
                best = candidate;
                bestFields = fields;
            }
        }
        return best;
    }

    private static int fields(String line, char separator) {
        int fields = 1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == separator && !quoted) {
                fields++;
            }
        }
        return fields;
    }
}
