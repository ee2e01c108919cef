package org.mbp.segment;

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
}
