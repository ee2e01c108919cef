package org.mbp.segment;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * A colour image as floats in [0, 1]: red, green and blue of each pixel, pixels row by row
 * ({@code rgb[3 * (y * width + x) + channel]}, channel 0 = red). Decoded sRGB values divided by
 * 255, without gamma linearisation. The record keeps its own copy of the array.
 *
 * @param width  columns, at least 1
 * @param height rows, at least 1
 * @param rgb    {@code 3 * width * height} values in [0, 1]
 */
public record RgbImage(int width, int height, float[] rgb) {

    /**
     * Validates the shape and the range and copies the array.
     *
     * @param width the width
     * @param height the height
     * @param rgb the RGB pixels
     */
    public RgbImage {
        if (width < 1 || height < 1 || (long) width * height * 3 > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("an image needs a size from 1×1 up to 2^31/3 pixels, got "
                    + width + "×" + height);
        }
        if (rgb == null || rgb.length != 3 * width * height) {
            throw new IllegalArgumentException("a " + width + "×" + height + " RGB image needs "
                    + 3 * width * height + " values, got " + (rgb == null ? "none" : rgb.length));
        }
        rgb = rgb.clone();
        for (int i = 0; i < rgb.length; i++) {
            if (!(rgb[i] >= 0 && rgb[i] <= 1)) {
                throw new IllegalArgumentException("value " + rgb[i] + " of pixel " + i / 3 + ", channel "
                        + i % 3 + " is outside [0, 1]");
            }
        }
    }

    /**
     * Reads an image javax.imageio can decode (JPEG, PNG, ...); gray images give equal channels.
     *
     * @param file the file
     * @return an image javax.imageio can decode (JPEG, PNG, ...); gray images give equal channels
     */
    public static RgbImage read(Path file) {
        BufferedImage image = decode(file, "");
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        float[] rgb = new float[3 * argb.length];
        for (int i = 0; i < argb.length; i++) {
            rgb[3 * i] = ((argb[i] >> 16) & 0xff) / 255f;
            rgb[3 * i + 1] = ((argb[i] >> 8) & 0xff) / 255f;
            rgb[3 * i + 2] = (argb[i] & 0xff) / 255f;
        }
        return new RgbImage(width, height, rgb);
    }

    /**
     * A copy of the interleaved values.
     *
     * @return a copy of the interleaved values
     */
    @Override
    public float[] rgb() {
        return rgb.clone();
    }

    /**
     * One channel (0 red, 1 green, 2 blue) of the pixel in column {@code x}, row {@code y}.
     *
     * @param x the input
     * @param y the output
     * @param channel the channel
     * @return one channel (0 red, 1 green, 2 blue) of the pixel in column {@code x}, row {@code y}
     */
    public float get(int x, int y, int channel) {
        if (x < 0 || x >= width || y < 0 || y >= height || channel < 0 || channel > 2) {
            throw new IndexOutOfBoundsException("(" + x + ", " + y + ", channel " + channel + ") outside the "
                    + width + "×" + height + " RGB image");
        }
        return rgb[3 * (y * width + x) + channel];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RgbImage m && m.width == width && m.height == height && Arrays.equals(m.rgb, rgb);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(rgb);
    }

    @Override
    public String toString() {
        return "RgbImage[" + width + "×" + height + "]";
    }

    /**
     * Decodes an image file with javax.imageio.
     *
     * @param hint appended to the error when the file is not an image, e.g. {@code " (expected a PNG)"}
     * @throws SegmentationFileException naming the file when it cannot be read or decoded
     */
    static BufferedImage decode(Path file, String hint) {
        BufferedImage image;
        try (InputStream in = Files.newInputStream(file)) {
            image = ImageIO.read(in);
        } catch (IOException | RuntimeException e) {
            throw SegmentationFileException.unreadable(file, e);
        }
        if (image == null) {
            throw new SegmentationFileException(file + ": not a PNG, JPEG, GIF or BMP image" + hint);
        }
        return image;
    }
}
