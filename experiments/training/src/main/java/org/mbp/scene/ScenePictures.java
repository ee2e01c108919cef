package org.mbp.scene;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.mbp.io.AtomicFile;

/** Pictures of scenes: the image, label maps in false colour, montages, and PNG files. */
public final class ScenePictures {

    /** Pixels between the tiles of a montage. */
    private static final int GAP = 2;

    private ScenePictures() {
    }

    /**
     * An interleaved-RGB image as 8-bit RGB, each channel rounded from [0, 1] to 0..255.
     *
     * @param rgb the RGB pixels
     * @param width the width
     * @param height the height
     * @return an interleaved-RGB image as 8-bit RGB, each channel rounded from [0, 1] to 0..255
     */
    public static BufferedImage image(float[] rgb, int width, int height) {
        if (width <= 0 || height <= 0 || rgb.length != 3L * width * height) {
            throw new IllegalArgumentException("image of " + rgb.length + " floats is not " + width + "×" + height
                    + "×3");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int p = 0; p < width * height; p++) {
            int packed = (byte8(rgb[3 * p]) << 16) | (byte8(rgb[3 * p + 1]) << 8) | byte8(rgb[3 * p + 2]);
            image.setRGB(p % width, p / width, packed);
        }
        return image;
    }

    /**
     * A label map in false colour: label l gets hue l·φ (mod 1), φ the golden ratio, and alternating
     * brightness, so consecutive labels differ clearly.
     *
     * @param labels the labels
     * @param width the width
     * @param height the height
     * @return a label map in false colour: label l gets hue l·φ (mod 1), φ the golden ratio, and
     *         alternating brightness, so consecutive labels differ clearly
     */
    public static BufferedImage labels(int[] labels, int width, int height) {
        if (width <= 0 || height <= 0 || labels.length != (long) width * height) {
            throw new IllegalArgumentException("label map of " + labels.length + " pixels is not " + width + "×"
                    + height);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int p = 0; p < labels.length; p++) {
            double hue = labels[p] * 0.6180339887498949;
            float brightness = (labels[p] & 1) == 0 ? 0.95f : 0.7f;
            image.setRGB(p % width, p / width, Color.HSBtoRGB((float) (hue - Math.floor(hue)), 0.75f, brightness));
        }
        return image;
    }

    /**
     * One row per scene: the image, then each annotation in false colour; pixels enlarged {@code zoom} times.
     *
     * @param scenes training scenes to generate, or the cap on BSDS300's; at least 1
     * @param zoom the zoom
     * @return one row per scene: the image, then each annotation in false colour; pixels enlarged
     *         {@code zoom} times
     */
    public static BufferedImage montage(List<Scene> scenes, int zoom) {
        List<List<BufferedImage>> rows = new ArrayList<>();
        for (Scene scene : scenes) {
            List<BufferedImage> row = new ArrayList<>(List.of(image(scene.rgb(), scene.width(), scene.height())));
            for (int[] annotation : scene.annotations()) {
                row.add(labels(annotation, scene.width(), scene.height()));
            }
            rows.add(row);
        }
        return grid(rows, zoom);
    }

    /**
     * Pictures laid out in rows, each enlarged {@code zoom} times, with a gap between tiles.
     *
     * @param rows the number of rows
     * @param zoom the zoom
     * @return pictures laid out in rows, each enlarged {@code zoom} times, with a gap between tiles
     */
    public static BufferedImage grid(List<List<BufferedImage>> rows, int zoom) {
        if (rows.isEmpty() || zoom < 1) {
            throw new IllegalArgumentException("a montage needs pictures and a zoom ≥ 1, got " + rows.size()
                    + " rows and zoom " + zoom);
        }
        int tile = 0;
        int columns = 0;
        for (List<BufferedImage> row : rows) {
            columns = Math.max(columns, row.size());
            for (BufferedImage picture : row) {
                tile = Math.max(tile, zoom * Math.max(picture.getWidth(), picture.getHeight()));
            }
        }
        BufferedImage montage = new BufferedImage(columns * (tile + GAP) - GAP, rows.size() * (tile + GAP) - GAP,
                BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                paste(montage, rows.get(r).get(c), zoom, c * (tile + GAP), r * (tile + GAP));
            }
        }
        return montage;
    }

    /**
     * Writes a PNG atomically.
     *
     * @param target the target
     * @param image the image
     * @throws IOException if reading or writing fails
     */
    public static void writePng(Path target, BufferedImage image) throws IOException {
        AtomicFile.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available for " + target);
            }
        });
    }

    private static void paste(BufferedImage target, BufferedImage source, int zoom, int left, int top) {
        for (int y = 0; y < source.getHeight() * zoom; y++) {
            for (int x = 0; x < source.getWidth() * zoom; x++) {
                target.setRGB(left + x, top + y, source.getRGB(x / zoom, y / zoom));
            }
        }
    }

    private static int byte8(float v) {
        return Math.round(Math.min(1f, Math.max(0f, v)) * 255);
    }
}
