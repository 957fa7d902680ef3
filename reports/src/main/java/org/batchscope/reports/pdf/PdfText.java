package org.batchscope.reports.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text measuring and line breaking for the standard 14 PDF fonts, which only know the WinAnsi
 * character set: {@link #printable} spells the few common characters outside it in ASCII
 * (minus sign, dashes, quotes, <= and >=, Greek letters used in formulas) and replaces anything else
 * with '?', so a label from a user's log can never make the PDF fail.
 */
final class PdfText {

    private PdfText() {
    }

    /** @return {@code text} with every character the font cannot encode spelled out or replaced */
    static String printable(String text, PDFont font) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String spelled = spell(cp);
            if (cp == '\n') {
                out.append('\n'); // kept: wrap() starts a new line there
            } else if (spelled != null) {
                out.append(spelled);
            } else if (encodable(font, cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static String spell(int codePoint) {
        switch (codePoint) {
            case '\t':
                return "    ";
            case 0x2212:
                return "-";
            case 0x2264:
                return "<=";
            case 0x2265:
                return ">=";
            case 0x2248:
                return "~";
            case 0x03B1:
                return "alpha";
            case 0x03C1:
                return "rho";
            case 0x03A3:
                return "Sigma";
            case 0x2211:
                return "sum";
            case 0x221A:
                return "sqrt";
            default:
                return null;
        }
    }

    private static boolean encodable(PDFont font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** @return the width of {@code text} in points at {@code size} */
    static float width(String text, PDFont font, float size) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Breaks printable text into lines no wider than {@code maxWidth}, at spaces; a word longer than
     * a line is broken where it overflows. Newlines in the text start new lines.
     */
    static List<String> wrap(String text, PDFont font, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(candidate, font, size) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(rest, font, size) > maxWidth && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(rest.substring(0, cut), font, size) > maxWidth) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
