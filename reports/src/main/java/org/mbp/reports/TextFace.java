package org.mbp.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A TrueType font embedded in a PDF, with what text layout needs from it: the characters it can
 * show, widths, and line breaking. A character the font has no glyph for is shown as {@code ?}
 * rather than failing the whole document.
 */
final class TextFace {

    private static final int MISSING = '?';

    private final PDType0Font font;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();

    TextFace(PDType0Font font) {
        this.font = font;
    }

    /** The PDF font. */
    PDType0Font font() {
        return font;
    }

    /** The text with control characters as spaces and characters without a glyph as {@code ?}. */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(' ');
            } else if (hasGlyph(c)) {
                out.appendCodePoint(c);
            } else {
                out.appendCodePoint(MISSING);
            }
        });
        return out.toString();
    }

    /** The width of printable text at the given size, in points. */
    float width(String printable, float size) {
        try {
            return font.getStringWidth(printable) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure text in font " + font.getName(), e);
        }
    }

    /**
     * Breaks text into printable lines no wider than {@code width}: at spaces, at each newline of
     * the text, and inside a word that is wider than a line on its own. Runs of spaces count as
     * one. Always at least one line.
     */
    List<String> wrap(String text, float size, float width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : printable(paragraph).trim().split(" +")) {
                String joined = line.length() == 0 ? word : line + " " + word;
                if (width(joined, size) <= width) {
                    line.setLength(0);
                    line.append(joined);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(breakLongWord(word, size, width, lines));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Adds the full-width pieces of a word to the lines and returns the rest. */
    private String breakLongWord(String word, float size, float width, List<String> lines) {
        String rest = word;
        while (width(rest, size) > width) {
            int end = rest.offsetByCodePoints(0, 1);
            while (end < rest.length() && width(rest.substring(0, rest.offsetByCodePoints(end, 1)), size) <= width) {
                end = rest.offsetByCodePoints(end, 1);
            }
            lines.add(rest.substring(0, end));
            rest = rest.substring(end);
        }
        return rest;
    }

    private boolean hasGlyph(int codePoint) {
        return glyphs.computeIfAbsent(codePoint, c -> {
            try {
                font.encode(new String(Character.toChars(c)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        });
    }
}
