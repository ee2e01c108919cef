package org.mbp.segment;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Label maps read from files by their extension: PNG label maps ({@link LabelMapPng}) or BSDS300
 * .seg files ({@link SegFile}).
 */
public final class LabelMapFiles {

    private LabelMapFiles() {
    }

    /**
     * Whether the file's extension (any case) is .png or .seg.
     *
     * @param file the file
     * @return whether the file's extension (any case) is .png or .seg
     */
    public static boolean isKnownType(Path file) {
        return isSeg(file) || extension(file).equals(".png");
    }

    /**
     * The labels of a .seg file, or of any other file read as a PNG label map.
     *
     * @param file the file
     * @return the labels of a .seg file, or of any other file read as a PNG label map
     * @throws SegmentationFileException naming the file when it cannot be read or is malformed
     */
    public static LabelMap read(Path file) {
        return isSeg(file) ? SegFile.read(file).labels() : LabelMapPng.read(file);
    }

    private static boolean isSeg(Path file) {
        return extension(file).equals(".seg");
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }
}
