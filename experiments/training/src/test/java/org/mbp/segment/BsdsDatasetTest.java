package org.mbp.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbp.segment.BsdsDataset.Annotation;
import org.mbp.segment.BsdsDataset.Split;

/** A BSDS300 tree in miniature: 6×4 JPEGs and .seg files by two users, written by the test. */
class BsdsDatasetTest {

    @TempDir
    Path root;

    private final LabelMap halves = new LabelMap(6, 4, new int[] {
        0, 0, 0, 1, 1, 1,
        0, 0, 0, 1, 1, 1,
        0, 0, 0, 1, 1, 1,
        0, 0, 0, 1, 1, 1});
    private final LabelMap one = new LabelMap(6, 4, new int[24]);

    @BeforeEach
    void writeTree() throws IOException {
        jpeg(root.resolve("images/train/12003.jpg"), 6, 4);
        jpeg(root.resolve("images/train/8068.jpg"), 6, 4);
        jpeg(root.resolve("images/test/3096.jpg"), 4, 6);
        Files.writeString(root.resolve("images/train/notes.txt"), "not an image");
        SegFile.write(root.resolve("human/color/1130/12003.seg"), HumanSegmentation.of("12003", "1130", one));
        SegFile.write(root.resolve("human/color/1105/12003.seg"), HumanSegmentation.of("12003", "1105", halves));
        SegFile.write(root.resolve("human/gray/1105/12003.seg"),
                new HumanSegmentation("12003", "1105", "", true, false, false, one));
        SegFile.write(root.resolve("human/color/1105/3096.seg"), HumanSegmentation.of("3096", "1105", halves));
    }

    /** A flat orange image: JPEG keeps a uniform colour up to a little rounding. */
    private static void jpeg(Path file, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, 0xff8000);
            }
        }
        Files.createDirectories(file.getParent());
        assertTrue(ImageIO.write(image, "jpg", file.toFile()));
    }

    @Test
    void listsImageIdsInNumericOrder() {
        BsdsDataset data = new BsdsDataset(root);
        assertEquals(List.of("8068", "12003"), data.imageIds(Split.TRAIN));
        assertEquals(List.of("3096"), data.imageIds(Split.TEST));
    }

    /** Tolerance 0.03: a flat colour survives JPEG's colour conversion and quantisation within a few levels. */
    @Test
    void loadsTheImageAsFloatRgbAndEveryHumanSegmentation() {
        BsdsDataset data = new BsdsDataset(root);
        BsdsDataset.Sample sample = data.sample(Split.TRAIN, "12003", Annotation.COLOR);
        assertEquals(6, sample.image().width());
        assertEquals(4, sample.image().height());
        assertEquals(1.0, sample.image().get(5, 3, 0), 0.03);
        assertEquals(0.5, sample.image().get(5, 3, 1), 0.03);
        assertEquals(0.0, sample.image().get(5, 3, 2), 0.03);
        assertEquals(List.of("1105", "1130"), sample.truths().stream().map(HumanSegmentation::user).toList());
        assertEquals(List.of(halves, one), sample.truthLabels());
        List<HumanSegmentation> gray = data.segmentations("12003", Annotation.GRAY);
        assertEquals(1, gray.size());
        assertTrue(gray.get(0).gray());
        assertEquals(2, data.segmentations("12003").size());
    }

    @Test
    void reportsWhatIsMissingOrInconsistent() throws IOException {
        BsdsDataset data = new BsdsDataset(root);
        SegmentationFileException noImage = assertThrows(SegmentationFileException.class,
                () -> data.image(Split.TEST, "12003"));
        assertTrue(noImage.getMessage().contains(root.resolve("images/test/12003.jpg").toString()), noImage.getMessage());
        SegmentationFileException noTruth = assertThrows(SegmentationFileException.class,
                () -> data.segmentations("8068"));
        assertTrue(noTruth.getMessage().contains("no human segmentation of image 8068"), noTruth.getMessage());
        SegmentationFileException size = assertThrows(SegmentationFileException.class,
                () -> data.sample(Split.TEST, "3096", Annotation.COLOR));
        assertTrue(size.getMessage().contains("are 6×4 but") && size.getMessage().contains("3096.jpg is 4×6"),
                size.getMessage());
        assertThrows(IllegalArgumentException.class, () -> data.segmentations("../x"));

        SegmentationFileException layout = assertThrows(SegmentationFileException.class,
                () -> new BsdsDataset(root.resolve("images")));
        assertTrue(layout.getMessage().contains("expected directory " + root.resolve("images/images")),
                layout.getMessage());
        Files.createDirectories(root.resolve("other/images"));
        Files.createDirectories(root.resolve("other/human"));
        SegmentationFileException split = assertThrows(SegmentationFileException.class,
                () -> new BsdsDataset(root.resolve("other")).imageIds(Split.TRAIN));
        assertTrue(split.getMessage().contains(root.resolve("other/images/train").toString()), split.getMessage());

        SegFile.write(root.resolve("human/color/1200/12003.seg"),
                HumanSegmentation.of("12003", "1200", new LabelMap(4, 6, new int[24])));
        SegmentationFileException mixed = assertThrows(SegmentationFileException.class,
                () -> data.segmentations("12003"));
        assertTrue(mixed.getMessage().contains("1200/12003.seg: 4×6 but"), mixed.getMessage());
    }
}
