package org.mbp.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Fashion-MNIST data set (Xiao, Rasul and Vollgraf, 2017, <i>Fashion-MNIST: a Novel Image
 * Dataset for Benchmarking Machine Learning Algorithms</i>, arXiv:1708.07747): 28 × 28 grey-level
 * images of Zalando articles in 10 classes, 60,000 for training and 10,000 for testing, in the
 * IDX files of the MNIST distribution ({@link IdxFile}).
 */
public final class FashionMnist {

    /** Where Debian's {@code dataset-fashion-mnist} package installs the four files. */
    public static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    /** Image height and width in pixels. */
    public static final int SIDE = 28;

    /** The class names, indexed by label (the data set's README). */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final String INSTALL_HINT =
            "install it with `apt-get install -y dataset-fashion-mnist` (Debian) or pass --data DIR";

    /** The two parts of the data set and their file name prefixes. */
    public enum Split {
        /** 60,000 training images, files {@code train-*}. */
        TRAIN("train"),
        /** 10,000 test images, files {@code t10k-*}. */
        TEST("t10k");

        private final String prefix;

        Split(String prefix) {
            this.prefix = prefix;
        }

        /**
         * The images file name without the optional {@code .gz}, e.g. {@code t10k-images-idx3-ubyte}.
         *
         * @return the images file name without the optional {@code .gz}, e.g. {@code
         *         t10k-images-idx3-ubyte}
         */
        public String imagesFile() {
            return prefix + "-images-idx3-ubyte";
        }

        /**
         * The labels file name without the optional {@code .gz}, e.g. {@code t10k-labels-idx1-ubyte}.
         *
         * @return the labels file name without the optional {@code .gz}, e.g. {@code
         *         t10k-labels-idx1-ubyte}
         */
        public String labelsFile() {
            return prefix + "-labels-idx1-ubyte";
        }
    }

    private FashionMnist() {
    }

    /**
     * Loads one split from {@code dir}, where each file may be plain or gzip-compressed (the plain
     * name is used when both exist). Pixels are scaled to [0, 1] by 1/255.
     *
     * @param dir the dir
     * @param split the data split
     * @return one split from {@code dir}, where each file may be plain or gzip-compressed (the
     *         plain name is used when both exist)
     * @throws IllegalArgumentException if the directory or a file is missing (with how to install it)
     * @throws DataFileException        if a file is malformed, the images are not 28 × 28, a label is
     *                                  not 0..9, or the two files disagree on the number of images
     * @throws IOException              if a file cannot be read
     */
    public static LabelledImages load(Path dir, Split split) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Fashion-MNIST directory " + dir + " is missing; " + INSTALL_HINT);
        }
        IdxFile images = IdxFile.read(locate(dir, split.imagesFile()), 3);
        IdxFile labels = IdxFile.read(locate(dir, split.labelsFile()), 1);
        for (int axis = 1; axis <= 2; axis++) {
            if (images.dimension(axis) != SIDE) {
                throw images.error(images.dimensionOffset(axis), "expected Fashion-MNIST images of " + SIDE + " × "
                        + SIDE + " pixels, found " + images.dimension(1) + " × " + images.dimension(2));
            }
        }
        int count = images.dimension(0);
        if (labels.dimension(0) != count) {
            throw labels.error(labels.dimensionOffset(0), "expected " + count + " labels, one per image of "
                    + images.path() + ", found " + labels.dimension(0));
        }
        return new LabelledImages(count, SIDE, SIDE, scaledPixels(images), labelValues(labels));
    }

    private static Path locate(Path dir, String name) {
        Path plain = dir.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gzip = dir.resolve(name + ".gz");
        if (Files.isRegularFile(gzip)) {
            return gzip;
        }
        throw new IllegalArgumentException("Fashion-MNIST file " + gzip + " (or " + plain.getFileName()
                + " uncompressed) is missing; " + INSTALL_HINT);
    }

    private static float[] scaledPixels(IdxFile images) {
        float[] pixels = new float[images.size()];
        for (int k = 0; k < pixels.length; k++) {
            pixels[k] = images.value(k) / 255f;
        }
        return pixels;
    }

    private static int[] labelValues(IdxFile labels) {
        int[] values = new int[labels.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = labels.value(i);
            if (values[i] >= LabelledImages.CLASS_COUNT) {
                throw labels.error(labels.valueOffset(i), "expected a class label 0.."
                        + (LabelledImages.CLASS_COUNT - 1) + " for image " + i + ", found " + values[i]);
            }
        }
        return values;
    }
}
