package org.mbp.segment;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A segmentation or image file that cannot be read or written: a {@code .seg} file, a label-map
 * PNG, a BSDS image. The message names the file and, where it applies, the line and byte offset.
 */
public class SegmentationFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * A segmentation file problem, described in {@code message}.
     *
     * @param message the message
     */
    public SegmentationFileException(String message) {
        super(message);
    }

    /**
     * A segmentation file problem, described in {@code message}, with the underlying cause.
     *
     * @param message the message
     * @param cause the underlying cause
     */
    public SegmentationFileException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A file that could not be read, worded without Java class names: missing, not permitted, or
     * what the reader or decoder said.
     */
    static SegmentationFileException unreadable(Path file, Exception e) {
        String why;
        if (e instanceof NoSuchFileException) {
            why = "no such file";
        } else if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (Files.isDirectory(file)) {
            why = "a folder, not a file";
        } else if (e instanceof IOException) {
            why = "cannot read (" + firstLine(e.getMessage()) + ")";
        } else {
            why = "the image data is damaged";
        }
        return new SegmentationFileException(file + ": " + why, e);
    }

    private static String firstLine(String message) {
        return message == null ? "input failed" : message.lines().findFirst().orElse("input failed");
    }
}
