package org.mbp.nn;

/**
 * The shape of one image's activations. An image is held as a matrix of {@code height·width}
 * rows (locations, row-major over the image) and {@code channels} columns: the layout of the
 * features F (m locations × d dimensions) that DeepO₂P and the similarity of §7.2 consume.
 */
public record ImageShape(int height, int width, int channels) {

    /**
     * Checks that every extent is positive.
     *
     * @param height the height
     * @param width the width
     * @param channels the number of channels
     */
    public ImageShape {
        if (height <= 0 || width <= 0 || channels <= 0) {
            throw new IllegalArgumentException("image shape must be positive, got " + height + "×" + width
                    + "×" + channels);
        }
    }

    /**
     * Number of locations, the rows of the activation matrix.
     *
     * @return number of locations, the rows of the activation matrix
     */
    public int locations() {
        return height * width;
    }

    /**
     * Number of values.
     *
     * @return number of values
     */
    public int size() {
        return height * width * channels;
    }

    /**
     * The same image with another number of channels.
     *
     * @param c the column
     * @return the same image with another number of channels
     */
    public ImageShape withChannels(int c) {
        return new ImageShape(height, width, c);
    }

    @Override
    public String toString() {
        return height + "×" + width + "×" + channels;
    }
}
