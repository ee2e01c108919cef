package org.mbp.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbp.scene.Scene;
import org.mbp.segment.BsdsDataset;
import org.mbp.segment.HumanSegmentation;
import org.mbp.segment.LabelMap;
import org.mbp.segment.SegFile;

/** BSDS300 photographs resampled to squares: block averages, centre labels, portraits transposed. */
public class BsdsScenesTest {

    /** A BSDS300 tree: a landscape and a portrait training image and one test image, two users each. */
    public static Path tree(Path root) throws IOException {
        write(root, "train", "100", 16, 8, false);
        write(root, "train", "200", 8, 16, true);
        write(root, "test", "300", 16, 8, false);
        return root;
    }

    private static void write(Path root, String split, String id, int w, int h, boolean portrait) throws IOException {
        image(root.resolve("images/" + split + "/" + id + ".jpg"), w, h, portrait);
        int[] halves = new int[w * h];
        int[] one = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                halves[y * w + x] = (portrait ? y < h / 2 : x < w / 2) ? 0 : 1;
            }
        }
        SegFile.write(root.resolve("human/color/1/" + id + ".seg"), HumanSegmentation.of(id, "1", new LabelMap(w, h, one)));
        SegFile.write(root.resolve("human/color/2/" + id + ".seg"),
                HumanSegmentation.of(id, "2", new LabelMap(w, h, halves)));
    }

    /**
     * Black in the first half (left, or top for a portrait), white in the second, stored losslessly:
     * PNG bytes under the .jpg name (javax.imageio reads by content), so the colours stay exact.
     */
    private static void image(Path file, int w, int h, boolean portrait) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, (portrait ? y < h / 2 : x < w / 2) ? 0 : 0xFFFFFF);
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }

    @Test
    void photographsBecomeSquareScenesFinestAnnotationFirst(@TempDir Path dir) throws IOException {
        List<Scene> scenes = BsdsScenes.load(new BsdsDataset(tree(dir)), BsdsDataset.Split.TRAIN, 4);
        assertEquals(2, scenes.size());
        for (Scene s : scenes) {
            assertEquals(Scene.Kind.PHOTOGRAPH, s.kind());
            assertEquals(4, s.width());
            // the two-segment annotation comes first; a portrait is transposed, so both are left | right
            assertArrayEquals(new int[] {0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1}, s.annotations().get(0));
            assertArrayEquals(new int[16], s.annotations().get(1));
            // each target pixel averages a 4×2 block of one colour
            assertEquals(0, s.rgb()[0], 0);
            assertEquals(1, s.rgb()[3 * 3], 0);
        }
    }
}
