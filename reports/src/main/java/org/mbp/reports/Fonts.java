package org.mbp.reports;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The TrueType fonts that charts and reports are drawn with: DejaVu Sans where installed, else Noto
 * Sans, Liberation Sans or Arial, found by a short search of the usual font folders. The same files
 * give the AWT fonts of the charts and the fonts embedded in the PDF, so that text measures the same
 * in both and every Greek letter, mathematical sign, superscript and subscript the project writes
 * has a glyph.
 */
public final class Fonts {

    /** What to do when the check fails, the first part of its message. */
    static final String REMEDY =
            "charts and reports need a TrueType font and fontconfig: apt-get install -y fontconfig fonts-dejavu-core";

    /** Regular and bold file names, most wanted first. */
    private static final List<String[]> FAMILIES = List.of(
            new String[] {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"},
            new String[] {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf"},
            new String[] {"LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"},
            new String[] {"Arial.ttf", "Arial Bold.ttf"},
            new String[] {"arial.ttf", "arialbd.ttf"});

    private static final int SEARCH_DEPTH = 5;

    private static FontFiles installed;
    private static FontsUnavailableException failure;

    private Fonts() {
    }

    /**
     * Fails fast, with a one-line message saying how to fix the host, when charts or reports could
     * not be drawn here: no usable TrueType font, or an AWT font system that does not start
     * (typically fontconfig missing on a headless Linux host). The answer is worked out once.
     *
     * @throws FontsUnavailableException naming the fix when fonts are unusable
     */
    public static void check() {
        files();
    }

    /** The regular font at the given size, for charts. */
    static Font regular(float size) {
        return files().regular().deriveFont(size);
    }

    /** The bold font at the given size, for charts. */
    static Font bold(float size) {
        return files().bold().deriveFont(size);
    }

    /** The regular TrueType file, for embedding in a PDF. */
    static Path regularFile() {
        return files().regularFile();
    }

    /** The bold TrueType file (the regular one where the family has no bold), for embedding. */
    static Path boldFile() {
        return files().boldFile();
    }

    private static synchronized FontFiles files() {
        if (installed == null && failure == null) {
            try {
                installed = locate(searchFolders());
            } catch (FontsUnavailableException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new FontsUnavailableException(failure.getMessage(), failure.getCause());
        }
        return installed;
    }

    /**
     * Finds the most wanted font family under the given folders and proves that AWT can draw with
     * it.
     *
     * @throws FontsUnavailableException naming the fix when no family is found or AWT cannot use it
     */
    static FontFiles locate(List<Path> folders) {
        Map<String, Path> found = fontFilesUnder(folders);
        for (String[] family : FAMILIES) {
            Path regular = found.get(family[0].toLowerCase(Locale.ROOT));
            if (regular != null) {
                Path bold = found.getOrDefault(family[1].toLowerCase(Locale.ROOT), regular);
                return load(regular, bold);
            }
        }
        throw new FontsUnavailableException(REMEDY + " (none of DejaVu Sans, Noto Sans, Liberation Sans or Arial in "
                + folders + ")", null);
    }

    private static FontFiles load(Path regularFile, Path boldFile) {
        try {
            Font regular = Font.createFont(Font.TRUETYPE_FONT, regularFile.toFile());
            Font bold = Font.createFont(Font.TRUETYPE_FONT, boldFile.toFile());
            drawWith(regular);
            drawWith(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            return new FontFiles(regularFile, boldFile, regular, bold);
        } catch (IOException | FontFormatException e) {
            throw new FontsUnavailableException(REMEDY + " (" + regularFile + " is not a usable TrueType font: "
                    + oneLine(e.getMessage()) + ")", e);
        } catch (RuntimeException | LinkageError | InternalError e) {
            throw new FontsUnavailableException(REMEDY + " (the AWT font system failed: " + rootCause(e) + ")", e);
        }
    }

    /** The innermost cause, which names the missing library or font rather than a reflection wrapper. */
    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return oneLine(root.toString());
    }

    private static String oneLine(String text) {
        return String.valueOf(text).replaceAll("\\s*\\R\\s*", " ");
    }

    /** Draws and measures a line of text, which starts the AWT font system if it is not running. */
    private static void drawWith(Font font) {
        BufferedImage image = new BufferedImage(64, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setFont(font.deriveFont(12f));
            g2.drawString("ε ≤ 10⁻¹²", 0, 12);
            g2.getFontMetrics().stringWidth("Σ");
        } finally {
            g2.dispose();
        }
    }

    private static Map<String, Path> fontFilesUnder(List<Path> folders) {
        Map<String, Path> found = new HashMap<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder, SEARCH_DEPTH)) {
                files.filter(Files::isRegularFile)
                        .forEach(file -> found.putIfAbsent(
                                file.getFileName().toString().toLowerCase(Locale.ROOT), file));
            } catch (IOException | UncheckedIOException e) {
                // a folder that cannot be read holds no usable font
            }
        }
        return found;
    }

    private static List<Path> searchFolders() {
        List<Path> folders = new ArrayList<>();
        folders.add(Path.of("/usr/share/fonts"));
        folders.add(Path.of("/usr/local/share/fonts"));
        String home = System.getProperty("user.home");
        if (home != null) {
            folders.add(Path.of(home, ".local", "share", "fonts"));
            folders.add(Path.of(home, ".fonts"));
        }
        folders.add(Path.of("/Library/Fonts"));
        folders.add(Path.of("/System/Library/Fonts"));
        String windows = System.getenv("WINDIR");
        if (windows != null) {
            folders.add(Path.of(windows, "Fonts"));
        }
        folders.add(Path.of(System.getProperty("java.home", ""), "lib", "fonts"));
        return folders;
    }

    /** A located font family: its files and the AWT fonts made from them. */
    record FontFiles(Path regularFile, Path boldFile, Font regular, Font bold) {
    }
}
