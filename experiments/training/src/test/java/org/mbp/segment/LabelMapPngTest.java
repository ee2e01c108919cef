package org.mbp.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelMapPngTest {

    @TempDir
    Path dir;

    @Test
    void sixteenBitRoundTripKeepsEveryLabel() throws IOException {
        LabelMap map = new LabelMap(3, 2, new int[] {0, 65535, 256, 255, 1, 40000});
        Path file = dir.resolve("labels.png");
        LabelMapPng.write(file, map);
        BufferedImage written = ImageIO.read(file.toFile());
        assertEquals(BufferedImage.TYPE_USHORT_GRAY, written.getType(), "16-bit gray on disk");
        assertEquals(map, LabelMapPng.read(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void eightBitGrayValuesAreLabels() throws IOException {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setPixels(0, 0, 2, 2, new int[] {7, 0, 255, 7});
        Path file = dir.resolve("gray8.png");
        ImageIO.write(image, "png", file.toFile());
        assertArrayEquals(new int[] {7, 0, 255, 7}, LabelMapPng.read(file).labels());
    }

    @Test
    void eachColourIsOneLabelInOrderOfFirstAppearance() throws IOException {
        BufferedImage rgb = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        int[] colours = {0xff0000, 0x00ff00, 0xff0000, 0x0000ff, 0x00ff00, 0x000000};
        rgb.setRGB(0, 0, 3, 2, colours, 0, 3);
        Path file = dir.resolve("rgb.png");
        ImageIO.write(rgb, "png", file.toFile());
        assertArrayEquals(new int[] {0, 1, 0, 2, 1, 3}, LabelMapPng.read(file).labels());

        byte[] r = {(byte) 200, 10, 0};
        byte[] g = {(byte) 100, 20, 0};
        byte[] b = {(byte) 50, 30, 0};
        BufferedImage indexed = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 3, r, g, b));
        indexed.getRaster().setPixels(0, 0, 2, 2, new int[] {2, 2, 1, 0});
        Path palette = dir.resolve("palette.png");
        ImageIO.write(indexed, "png", palette.toFile());
        assertArrayEquals(new int[] {0, 0, 1, 2}, LabelMapPng.read(palette).labels(),
                "palette entries are colours, not labels");
    }

    @Test
    void errorsNameTheFile() throws IOException {
        Path garbage = dir.resolve("garbage.png");
        Files.write(garbage, new byte[] {1, 2, 3, 4, 5});
        SegmentationFileException notImage = assertThrows(SegmentationFileException.class, () -> LabelMapPng.read(garbage));
        assertTrue(notImage.getMessage().startsWith(garbage + ": not a PNG, JPEG, GIF or BMP image"), notImage.getMessage());
        Path missing = dir.resolve("missing.png");
        assertTrue(assertThrows(SegmentationFileException.class, () -> LabelMapPng.read(missing)).getMessage()
                .equals(missing + ": no such file"));
        Path big = dir.resolve("big.png");
        IllegalArgumentException tooLarge = assertThrows(IllegalArgumentException.class,
                () -> LabelMapPng.write(big, new LabelMap(2, 1, new int[] {0, 65536})));
        assertTrue(tooLarge.getMessage().contains("big.png: label 65536 does not fit"), tooLarge.getMessage());
        assertFalse(Files.exists(big));
    }
}
