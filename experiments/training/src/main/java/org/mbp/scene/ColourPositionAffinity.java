package org.mbp.scene;

/**
 * The classic colour-and-position affinity, a baseline for learned ones, on the reduced grid
 * of {@link Downsample}: location i of an r×r grid has the mean colour c_i of its block and
 * position p_i = ((column + ½)/r, (row + ½)/r), in units of the image width and height, and
 * W_ij = exp(−|c_i − c_j|²/σc² − |p_i − p_j|²/σp²), set to 0 when |p_i − p_j| exceeds the
 * radius.
 *
 * @param sigmaColour   σc, in RGB units (channels in [0, 1])
 * @param sigmaPosition σp, in units of the image size
 * @param radius        the largest position distance with a non-zero affinity, in units of the
 *                      image size; {@link Double#POSITIVE_INFINITY} for a dense W
 */
public record ColourPositionAffinity(double sigmaColour, double sigmaPosition, double radius) {

    /** σc = 0.2, σp = 0.25 (a quarter of the image), dense. */
    public static final ColourPositionAffinity DEFAULT =
            new ColourPositionAffinity(0.2, 0.25, Double.POSITIVE_INFINITY);

    /**
     * Checks that the widths are positive and finite and the radius positive.
     *
     * @param sigmaColour σc, in RGB units (channels in [0, 1])
     * @param sigmaPosition σp, in units of the image size
     * @param radius the radius
     */
    public ColourPositionAffinity {
        if (!(sigmaColour > 0 && sigmaColour < Double.POSITIVE_INFINITY && sigmaPosition > 0
                && sigmaPosition < Double.POSITIVE_INFINITY && radius > 0)) {
            throw new IllegalArgumentException("affinity needs finite σc, σp > 0 and a radius > 0, got σc = "
                    + sigmaColour + ", σp = " + sigmaPosition + ", radius = " + radius);
        }
    }

    /**
     * W over the r×r grid of an interleaved-RGB image, (r·r)×(r·r) row-major.
     *
     * @param rgb the RGB pixels
     * @param width the width
     * @param height the height
     * @param r the row
     * @return W over the r×r grid of an interleaved-RGB image, (r·r)×(r·r) row-major
     */
    public double[] affinity(float[] rgb, int width, int height, int r) {
        double[] colour = blockMeans(rgb, width, height, r);
        int n = r * r;
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dx = (double) (i % r - j % r) / r;
                double dy = (double) (i / r - j / r) / r;
                double position = dx * dx + dy * dy;
                if (position > radius * radius) {
                    continue;
                }
                double colourDistance = 0;
                for (int c = 0; c < 3; c++) {
                    double d = colour[3 * i + c] - colour[3 * j + c];
                    colourDistance += d * d;
                }
                w[i * n + j] = Math.exp(-colourDistance / (sigmaColour * sigmaColour)
                        - position / (sigmaPosition * sigmaPosition));
            }
        }
        return w;
    }

    /**
     * The mean colour of each block of the r×r grid, interleaved RGB, locations row-major.
     *
     * @param rgb the RGB pixels
     * @param width the width
     * @param height the height
     * @param r the row
     * @return the mean colour of each block of the r×r grid, interleaved RGB, locations row-major
     */
    public static double[] blockMeans(float[] rgb, int width, int height, int r) {
        if (width <= 0 || height <= 0 || rgb.length != 3L * width * height) {
            throw new IllegalArgumentException("image of " + rgb.length + " floats is not " + width + "×" + height
                    + "×3");
        }
        if (r <= 0 || width % r != 0 || height % r != 0) {
            throw new IllegalArgumentException("a " + width + "×" + height + " image cannot be cut into an "
                    + r + "×" + r + " grid of equal blocks");
        }
        int blockWidth = width / r;
        int blockHeight = height / r;
        double[] means = new double[3 * r * r];
        for (int p = 0; p < width * height; p++) {
            int block = (p / width / blockHeight) * r + (p % width) / blockWidth;
            for (int c = 0; c < 3; c++) {
                means[3 * block + c] += rgb[3 * p + c];
            }
        }
        for (int i = 0; i < means.length; i++) {
            means[i] /= blockWidth * blockHeight;
        }
        return means;
    }
}
