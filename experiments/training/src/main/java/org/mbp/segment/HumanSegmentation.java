package org.mbp.segment;

/**
 * One human segmentation of a BSDS300 image, as stored in a {@code .seg} file: the header fields
 * and the label map. The labels are the file's segment ids {@code 0 .. segments-1}, each used.
 *
 * @param image    the image id (header field {@code image}), one token
 * @param user     the annotator's id (header field {@code user}), one token
 * @param date     the free-text date (header field {@code date}), one line, stripped, possibly empty
 * @param gray     whether the annotator saw the gray-scale image ({@code gray 1})
 * @param invert   header field {@code invert} (the image was shown inverted)
 * @param flipflop header field {@code flipflop} (the image was shown mirrored)
 * @param labels   the segmentation; its width, height and segment count are the header's
 */
public record HumanSegmentation(String image, String user, String date, boolean gray, boolean invert,
        boolean flipflop, LabelMap labels) {

    /**
     * Validates that every field can be written to a {@code .seg} header.
     *
     * @param image the image
     * @param user the user-supplied value
     * @param date the free-text date (header field {@code date}), one line, stripped, possibly
     *             empty
     * @param gray whether the annotator saw the gray-scale image ({@code gray 1})
     * @param invert header field {@code invert} (the image was shown inverted)
     * @param flipflop header field {@code flipflop} (the image was shown mirrored)
     * @param labels the labels
     */
    public HumanSegmentation {
        requireToken("image", image);
        requireToken("user", user);
        if (date == null || date.contains("\n") || date.contains("\r") || !date.equals(date.strip())) {
            throw new IllegalArgumentException("date must be one line of text without leading or trailing"
                    + " spaces, got '" + date + "'");
        }
        if (labels == null) {
            throw new IllegalArgumentException("labels are required");
        }
        if (!labels.isDense()) {
            throw new IllegalArgumentException("segment ids must be 0.." + (labels.segmentCount() - 1)
                    + ", each used, but the largest is " + labels.maxLabel() + " (use LabelMap.relabelled())");
        }
    }

    /**
     * A segmentation with the header fields a tool would write: no date, not gray, not inverted or flipped.
     *
     * @param image the image
     * @param user the user-supplied value
     * @param labels the labels
     * @return a segmentation with the header fields a tool would write: no date, not gray, not
     *         inverted or flipped
     */
    public static HumanSegmentation of(String image, String user, LabelMap labels) {
        return new HumanSegmentation(image, user, "", false, false, false, labels);
    }

    /**
     * The number of segments (header field {@code segments}).
     *
     * @return the number of segments (header field {@code segments})
     */
    public int segments() {
        return labels.segmentCount();
    }

    private static void requireToken(String field, String value) {
        if (value == null || value.isEmpty() || !value.chars().noneMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(field + " must be one non-empty token without spaces, got '"
                    + value + "'");
        }
    }
}
