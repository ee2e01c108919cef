package org.mbp.scene;

/**
 * A procedural colour field over image pixel coordinates, channels in [0, 1]. Textures are
 * evaluated in image coordinates, so a region painted with one texture is seamless however it
 * is cut by occlusion. Implementations are pure functions of their parameters and the pixel.
 */
@FunctionalInterface
public interface Texture {

    /**
     * Writes the colour of pixel (x, y) to {@code out[offset..offset + 2]}.
     *
     * @param x the input
     * @param y the output
     * @param out where to write
     * @param offset the offset
     */
    void colourAt(int x, int y, float[] out, int offset);

    /**
     * The colour of pixel (x, y) as {r, g, b}.
     *
     * @param x the input
     * @param y the output
     * @return the colour of pixel (x, y) as {r, g, b}
     */
    default float[] rgbAt(int x, int y) {
        float[] colour = new float[3];
        colourAt(x, y, colour, 0);
        return colour;
    }

    /**
     * Paints the pixels of an interleaved-RGB, row-major image whose entry in {@code labels}
     * equals {@code label}; the other pixels are left as they are.
     *
     * @param rgb the RGB pixels
     * @param width the width
     * @param labels the labels
     * @param label the label
     */
    default void fill(float[] rgb, int width, int[] labels, int label) {
        if (rgb.length != 3 * labels.length || labels.length % width != 0) {
            throw new IllegalArgumentException("image of " + rgb.length + " floats does not match a label map of "
                    + labels.length + " pixels and width " + width);
        }
        for (int p = 0; p < labels.length; p++) {
            if (labels[p] == label) {
                colourAt(p % width, p / width, rgb, 3 * p);
            }
        }
    }
}
