package org.mbp.segment;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.mbp.io.AtomicFile;

/**
 * Label maps as PNG images (javax.imageio).
 *
 * <p>Writing produces a 16-bit grayscale PNG whose sample values are the labels, so labels up to
 * {@value #MAX_LABEL} fit. Reading accepts
 * <ul>
 * <li>single-channel gray images (8 or 16 bit, no palette): the label is the sample value, as
 *     stored (labels need not be dense);</li>
 * <li>every other image (RGB, RGBA, palette, gray with alpha, gray of fewer than 8 bits, which
 *     javax.imageio reads with a palette): each distinct colour (ARGB value) is one label,
 *     numbered {@code 0 .. n-1} in the order of first appearance in a row-major scan.</li>
 * </ul>
 * Errors are {@link SegmentationFileException}s naming the file.
 */
public final class LabelMapPng {

    /** The largest label a 16-bit PNG holds. */
    public static final int MAX_LABEL = 65535;

    private LabelMapPng() {
    }

    /**
     * Reads a label map from a PNG (or any image javax.imageio reads), as described above.
     *
     * @param file the file
     * @return a label map from a PNG (or any image javax.imageio reads), as described above
     */
    public static LabelMap read(Path file) {
        BufferedImage image = RgbImage.decode(file, " (expected a PNG)");
        return isPlainGray(image) ? grayLabels(image) : colourLabels(image);
    }

    /**
     * Writes a label map as a 16-bit grayscale PNG, atomically.
     *
     * @param file the file
     * @param map the map
     * @throws IOException if reading or writing fails
     */
    public static void write(Path file, LabelMap map) throws IOException {
        int max = map.maxLabel();
        if (max > MAX_LABEL) {
            throw new IllegalArgumentException(file + ": label " + max + " does not fit a 16-bit PNG (at most "
                    + MAX_LABEL + ")");
        }
        BufferedImage image = new BufferedImage(map.width(), map.height(), BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster raster = image.getRaster();
        raster.setPixels(0, 0, map.width(), map.height(), map.labels());
        AtomicFile.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException(file + ": no PNG writer for 16-bit gray images");
            }
        });
    }

    private static boolean isPlainGray(BufferedImage image) {
        ColorModel model = image.getColorModel();
        return !(model instanceof IndexColorModel) && image.getRaster().getNumBands() == 1
                && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    private static LabelMap grayLabels(BufferedImage image) {
        Raster raster = image.getRaster();
        int[] labels = raster.getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null);
        return new LabelMap(image.getWidth(), image.getHeight(), labels);
    }

    private static LabelMap colourLabels(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        Map<Integer, Integer> labelOf = new HashMap<>();
        int[] labels = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            labels[i] = labelOf.computeIfAbsent(argb[i], colour -> labelOf.size());
        }
        return new LabelMap(width, height, labels);
    }
}
