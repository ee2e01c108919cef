package org.mbp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mbp.data.IdxFiles.gzip;
import static org.mbp.data.IdxFiles.ubyte;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbp.data.FashionMnist.Split;

/** Loading a split from IDX files written here, its error messages, and the installed test split. */
class FashionMnistTest {

    private static final int PIXELS = 28 * 28;

    @TempDir
    Path dir;

    private void write(String name, byte[] bytes) throws IOException {
        Files.write(dir.resolve(name), bytes);
    }

    /** Three images whose pixel k is k + 7·image (mod 256), labels 9, 0, 4. */
    private void writeSplit(Split split, boolean gzipImages, boolean gzipLabels) throws IOException {
        byte[] pixels = new byte[3 * PIXELS];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < PIXELS; k++) {
                pixels[i * PIXELS + k] = (byte) (k + 7 * i);
            }
        }
        byte[] images = ubyte(new int[] {3, 28, 28}, pixels);
        byte[] labels = ubyte(new int[] {3}, new byte[] {9, 0, 4});
        write(split.imagesFile() + (gzipImages ? ".gz" : ""), gzipImages ? gzip(images) : images);
        write(split.labelsFile() + (gzipLabels ? ".gz" : ""), gzipLabels ? gzip(labels) : labels);
    }

    @Test
    void loadsPlainOrGzipFilesAndScalesPixelsBy255() throws IOException {
        writeSplit(Split.TRAIN, false, true);
        LabelledImages set = FashionMnist.load(dir, Split.TRAIN);
        assertEquals(3, set.count());
        assertEquals(28, set.rows());
        assertEquals(28, set.cols());
        assertArrayEquals(new int[] {9, 0, 4}, set.labels());
        for (int i = 0; i < 3; i++) {
            float[] image = set.image(i);
            for (int k = 0; k < PIXELS; k++) {
                // float(double(v/255)) is the correctly rounded float quotient: 53 ≥ 2·24 + 2 bits
                assertEquals((float) (((k + 7 * i) & 0xff) / 255.0), image[k], 0f, "image " + i + " pixel " + k);
            }
        }
        assertEquals(1f, set.image(0)[255], 0f);
    }

    @Test
    void testSplitReadsT10kFiles() throws IOException {
        writeSplit(Split.TEST, true, false);
        assertEquals(3, FashionMnist.load(dir, Split.TEST).count());
        assertEquals("t10k-images-idx3-ubyte", Split.TEST.imagesFile());
        assertEquals("train-labels-idx1-ubyte", Split.TRAIN.labelsFile());
    }

    @Test
    void missingDirectoryOrFileSaysHowToInstall() throws IOException {
        Path absent = dir.resolve("absent");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FashionMnist.load(absent, Split.TEST));
        assertEquals("Fashion-MNIST directory " + absent + " is missing; install it with `apt-get install -y"
                + " dataset-fashion-mnist` (Debian) or pass --data DIR", e.getMessage());
        writeSplit(Split.TRAIN, true, true);
        Files.delete(dir.resolve("train-labels-idx1-ubyte.gz"));
        e = assertThrows(IllegalArgumentException.class, () -> FashionMnist.load(dir, Split.TRAIN));
        assertEquals("Fashion-MNIST file " + dir.resolve("train-labels-idx1-ubyte.gz") + " (or train-labels-idx1-ubyte"
                + " uncompressed) is missing; install it with `apt-get install -y dataset-fashion-mnist` (Debian)"
                + " or pass --data DIR", e.getMessage());
    }

    @Test
    void labelCountMustMatchImageCount() throws IOException {
        writeSplit(Split.TEST, false, false);
        Path labels = dir.resolve("t10k-labels-idx1-ubyte");
        Files.write(labels, ubyte(new int[] {2}, new byte[] {1, 2}));
        DataFileException e = assertThrows(DataFileException.class, () -> FashionMnist.load(dir, Split.TEST));
        assertEquals(labels + ": at byte offset 4: expected 3 labels, one per image of "
                + dir.resolve("t10k-images-idx3-ubyte") + ", found 2", e.getMessage());
    }

    @Test
    void labelOutOfRangeIsReportedAtItsByte() throws IOException {
        writeSplit(Split.TEST, false, false);
        Path labels = dir.resolve("t10k-labels-idx1-ubyte");
        Files.delete(labels);
        write("t10k-labels-idx1-ubyte.gz", gzip(ubyte(new int[] {3}, new byte[] {1, 10, 2})));
        DataFileException e = assertThrows(DataFileException.class, () -> FashionMnist.load(dir, Split.TEST));
        assertEquals(labels + ".gz: at byte offset 9 of the decompressed gzip stream: expected a class label 0..9"
                + " for image 1, found 10", e.getMessage());
    }

    @Test
    void imagesMustBe28By28() throws IOException {
        writeSplit(Split.TEST, false, false);
        Path images = dir.resolve("t10k-images-idx3-ubyte");
        Files.write(images, ubyte(new int[] {3, 28, 27}, new byte[3 * 28 * 27]));
        DataFileException e = assertThrows(DataFileException.class, () -> FashionMnist.load(dir, Split.TEST));
        assertEquals(images + ": at byte offset 12: expected Fashion-MNIST images of 28 × 28 pixels, found 28 × 27",
                e.getMessage());
    }

    /**
     * The installed test split (Debian's dataset-fashion-mnist). References computed independently
     * with Python's gzip module on t10k-images-idx3-ubyte.gz: byte sum 573469082 over 7,840,000
     * pixels, mean 573469082 / 255 / 7840000 = 0.2868492807122849; 1000 images per class; first
     * labels 9 2 1 1 6 1 4 6 5 7; byte sum of image 0 is 33456. The Java mean sums float pixels in
     * double: each pixel carries a relative rounding error ≤ 2⁻²⁴ ≈ 6e-8, so the mean is within
     * 0.29 · 6e-8 of the reference, far inside 1e-6.
     */
    @Test
    void installedTestSplitHasTheKnownStatistics() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(FashionMnist.DEFAULT_DIR), "Fashion-MNIST is not installed at "
                + FashionMnist.DEFAULT_DIR + " (apt-get install -y dataset-fashion-mnist); skipping the real-data test");
        LabelledImages test = FashionMnist.load(FashionMnist.DEFAULT_DIR, Split.TEST);
        assertEquals(10_000, test.count());
        assertEquals(28, test.rows());
        assertEquals(28, test.cols());
        int[] perClass = new int[10];
        Arrays.fill(perClass, 1000);
        assertArrayEquals(perClass, test.classCounts());
        assertArrayEquals(new int[] {9, 2, 1, 1, 6, 1, 4, 6, 5, 7}, Arrays.copyOf(test.labels(), 10));
        double sum = 0;
        for (float p : test.pixels()) {
            sum += p;
        }
        assertEquals(0.2868492807122849, sum / test.pixels().length, 1e-6);
        double first = 0;
        for (float p : test.image(0)) {
            first += p;
        }
        assertEquals(33456 / 255.0, first, 784 * 6e-8, "784 pixels, each within 2^-24 relative of v/255 ≤ 1");
        assertEquals("Ankle boot", FashionMnist.CLASS_NAMES.get(test.label(0)));
    }
}
