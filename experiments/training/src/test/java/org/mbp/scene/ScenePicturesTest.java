package org.mbp.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenes written as PNG read back pixel for pixel. */
class ScenePicturesTest {

    @Test
    void scenesRoundTripThroughPng(@TempDir Path folder) throws IOException {
        SceneSet set = new SceneSet(new SceneGenerator(SceneOptions.DEFAULTS, SceneTestSupport.items()), 8, 4, 0.5);
        List<Scene> scenes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Scene scene = set.scene(i);
            scenes.add(scene);
            Path file = folder.resolve("scene-" + i + ".png");
            ScenePictures.writePng(file, ScenePictures.image(scene.rgb(), scene.width(), scene.height()));
            BufferedImage read = ImageIO.read(file.toFile());
            assertEquals(64, read.getWidth());
            assertEquals(64, read.getHeight());
            for (int p = 0; p < 64 * 64; p++) {
                int pixel = read.getRGB(p % 64, p / 64);
                for (int c = 0; c < 3; c++) {
                    int expected = (int) Math.floor(scene.rgb()[3 * p + c] * 255 + 0.5);
                    assertEquals(expected, (pixel >> (16 - 8 * c)) & 0xff, "scene " + i + " pixel " + p + " channel " + c);
                }
            }
        }
        BufferedImage montage = ScenePictures.montage(scenes, 2);
        // 1 image + 5 annotations per row, tiles of 128 px with 2 px gaps
        assertEquals(6 * 130 - 2, montage.getWidth());
        assertEquals(4 * 130 - 2, montage.getHeight());
        ScenePictures.writePng(folder.resolve("montage.png"), montage);
        try (var files = Files.list(folder)) {
            assertEquals(5, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void neighbouringLabelsGetDifferentColours() {
        int[] labels = new int[12];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i;
        }
        BufferedImage image = ScenePictures.labels(labels, 12, 1);
        for (int i = 0; i + 1 < labels.length; i++) {
            assertNotEquals(image.getRGB(i, 0), image.getRGB(i + 1, 0));
        }
    }
}
