package org.mbp.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A set of grey-level images with class labels 0..9, as Fashion-MNIST holds them.
 *
 * <p>The arrays are held as given, not copied (a training set is 188 MB of pixels); callers must
 * not modify them afterwards.
 *
 * @param count  the number of images
 * @param rows   image height in pixels
 * @param cols   image width in pixels
 * @param pixels {@code count * rows * cols} values in [0, 1] (grey level / 255), image after image,
 *               each image row-major
 * @param labels {@code count} class labels in 0..{@value #CLASS_COUNT}−1
 */
public record LabelledImages(int count, int rows, int cols, float[] pixels, int[] labels) {

    /** The number of classes; labels are 0..CLASS_COUNT−1. */
    public static final int CLASS_COUNT = 10;

    /**
     * Checks that the shape and the array lengths agree, that every label is a class and every
     * pixel is in [0, 1].
     *
     * @param count the count
     * @param rows the number of rows
     * @param cols the number of columns
     * @param pixels {@code count * rows * cols} values in [0, 1] (grey level / 255), image after
     *               image,
     * @param labels the labels
     * @throws IllegalArgumentException naming the first offending image otherwise
     */
    public LabelledImages {
        if (count < 0 || rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("image set shape must be count ≥ 0 of rows × cols ≥ 1, got "
                    + count + " of " + rows + " × " + cols);
        }
        long expected = (long) count * rows * cols;
        if (pixels.length != expected) {
            throw new IllegalArgumentException(count + " images of " + rows + " × " + cols + " need " + expected
                    + " pixels, got " + pixels.length);
        }
        if (labels.length != count) {
            throw new IllegalArgumentException(count + " images need " + count + " labels, got " + labels.length);
        }
        for (int i = 0; i < count; i++) {
            if (labels[i] < 0 || labels[i] >= CLASS_COUNT) {
                throw new IllegalArgumentException("label of image " + i + " is " + labels[i] + ", expected 0.."
                        + (CLASS_COUNT - 1));
            }
        }
        for (int k = 0; k < pixels.length; k++) {
            if (!(pixels[k] >= 0 && pixels[k] <= 1)) {
                throw new IllegalArgumentException("pixel " + k % (rows * cols) + " of image " + k / (rows * cols)
                        + " is " + pixels[k] + ", expected a value in [0, 1]");
            }
        }
    }

    /**
     * The number of pixels of one image, {@code rows * cols}.
     *
     * @return the number of pixels of one image, {@code rows * cols}
     */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /**
     * Image {@code i} as a fresh row-major array of {@code rows * cols} values in [0, 1].
     *
     * @param i the index
     * @return image {@code i} as a fresh row-major array of {@code rows * cols} values in [0, 1]
     */
    public float[] image(int i) {
        checkImage(i);
        int n = pixelsPerImage();
        return Arrays.copyOfRange(pixels, i * n, (i + 1) * n);
    }

    /**
     * The label of image {@code i}, 0..9.
     *
     * @param i the index
     * @return the label of image {@code i}, 0..9
     */
    public int label(int i) {
        checkImage(i);
        return labels[i];
    }

    /**
     * How many images each class has: entry c counts the labels equal to c.
     *
     * @return how many images each class has: entry c counts the labels equal to c
     */
    public int[] classCounts() {
        int[] counts = new int[CLASS_COUNT];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * Images {@code from} (inclusive) to {@code to} (exclusive), copied.
     *
     * @param from the source
     * @param to the destination
     * @return images {@code from} (inclusive) to {@code to} (exclusive), copied
     */
    public LabelledImages subset(int from, int to) {
        if (from < 0 || to > count || from > to) {
            throw new IllegalArgumentException("subset [" + from + ", " + to + ") is not within the " + count
                    + " images");
        }
        int n = pixelsPerImage();
        return new LabelledImages(to - from, rows, cols, Arrays.copyOfRange(pixels, from * n, to * n),
                Arrays.copyOfRange(labels, from, to));
    }

    private void checkImage(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("image " + i + " of " + count);
        }
    }

    /** Equal shapes, pixels and labels. */
    @Override
    public boolean equals(Object o) {
        return o instanceof LabelledImages other && count == other.count && rows == other.rows && cols == other.cols
                && Arrays.equals(pixels, other.pixels) && Arrays.equals(labels, other.labels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(pixels) + Arrays.hashCode(labels)) + count;
    }

    /** The shape, without the arrays. */
    @Override
    public String toString() {
        return "LabelledImages[" + count + " images of " + rows + " × " + cols + "]";
    }

    /**
     * {@code count} 28×28 images of uniform random grey levels with uniform random labels: input
     * for timings and counts that need no data set.
     *
     * @param count the number of images
     * @param seed the random seed
     * @return the images
     */
    public static LabelledImages random(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[count * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextDouble();
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(CLASS_COUNT);
        }
        return new LabelledImages(count, 28, 28, pixels, labels);
    }
}
