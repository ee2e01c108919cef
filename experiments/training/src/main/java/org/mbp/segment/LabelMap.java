package org.mbp.segment;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A segmentation of a {@code width × height} image: one non-negative label per pixel, stored row
 * by row ({@code labels[y * width + x]}). Pixels with equal labels form one region, connected or
 * not; {@link #connectedComponents()} splits regions into their connected pieces.
 *
 * <p>The record keeps its own copy of the labels: the constructor copies the array and
 * {@link #labels()} returns a copy, so a label map never changes.
 *
 * @param width  columns, at least 1
 * @param height rows, at least 1
 * @param labels row-major labels, {@code width * height} of them, each {@code >= 0}
 */
public record LabelMap(int width, int height, int[] labels) {

    /**
     * Validates the shape and the labels and copies the array.
     *
     * @param width the width
     * @param height the height
     * @param labels the labels
     */
    public LabelMap {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a label map needs width and height >= 1, got "
                    + width + "×" + height);
        }
        if ((long) width * height > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a " + width + "×" + height + " label map is too large");
        }
        if (labels == null || labels.length != width * height) {
            throw new IllegalArgumentException("a " + width + "×" + height + " label map needs "
                    + width * height + " labels, got " + (labels == null ? "none" : labels.length));
        }
        labels = labels.clone();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label " + labels[i] + " at row " + i / width
                        + ", column " + i % width + " is negative");
            }
        }
    }

    /**
     * A copy of the row-major labels.
     *
     * @return a copy of the row-major labels
     */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    /**
     * The label of the pixel in column {@code x}, row {@code y}.
     *
     * @param x the input
     * @param y the output
     * @return the label of the pixel in column {@code x}, row {@code y}
     */
    public int label(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new IndexOutOfBoundsException("pixel (" + x + ", " + y + ") outside the "
                    + width + "×" + height + " map");
        }
        return labels[y * width + x];
    }

    /**
     * The number of pixels.
     *
     * @return the number of pixels
     */
    public int pixels() {
        return labels.length;
    }

    /**
     * The largest label.
     *
     * @return the largest label
     */
    public int maxLabel() {
        int max = 0;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return max;
    }

    /**
     * The number of distinct labels (regions).
     *
     * @return the number of distinct labels (regions)
     */
    public int segmentCount() {
        return (int) Arrays.stream(labels).distinct().count();
    }

    /**
     * Whether the labels are exactly {@code 0 .. segmentCount() - 1}, each used.
     *
     * @return whether the labels are exactly {@code 0 .. segmentCount() - 1}, each used
     */
    public boolean isDense() {
        return maxLabel() + 1 == segmentCount();
    }

    /**
     * The same regions labelled {@code 0 .. n-1} in the order in which they first appear in a
     * row-major scan (the top-left pixel's region gets 0).
     *
     * @return the same regions labelled {@code 0 .. n-1} in order of first appearance
     */
    public LabelMap relabelled() {
        int[] dense = new int[labels.length];
        Map<Integer, Integer> next = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            dense[i] = next.computeIfAbsent(labels[i], label -> next.size());
        }
        return new LabelMap(width, height, dense);
    }

    /**
     * This map resampled to {@code targetWidth × targetHeight} by nearest neighbour, for maps
     * computed at reduced resolution. Pixel centres are aligned: the target pixel in column x
     * (centre {@code x + 1/2}) takes the source column {@code floor((x + 1/2) · width /
     * targetWidth)}, the source pixel whose extent contains that centre when both images span the
     * same rectangle; rows likewise. Enlarging by an integer factor f thus repeats every pixel f
     * times. Shrinking works the same way (it subsamples) but loses regions.
     *
     * @param targetWidth the target width
     * @param targetHeight the target height
     * @return this map resampled to {@code targetWidth × targetHeight} by nearest neighbour, for
     *         maps computed at reduced resolution
     */
    public LabelMap upsampledTo(int targetWidth, int targetHeight) {
        if (targetWidth < 1 || targetHeight < 1) {
            throw new IllegalArgumentException("target size must be at least 1×1, got "
                    + targetWidth + "×" + targetHeight);
        }
        int[] sourceColumn = new int[targetWidth];
        for (int x = 0; x < targetWidth; x++) {
            sourceColumn[x] = (int) ((2L * x + 1) * width / (2L * targetWidth));
        }
        int[] out = new int[Math.multiplyExact(targetWidth, targetHeight)];
        for (int y = 0; y < targetHeight; y++) {
            int sourceRow = (int) ((2L * y + 1) * height / (2L * targetHeight));
            for (int x = 0; x < targetWidth; x++) {
                out[y * targetWidth + x] = labels[sourceRow * width + sourceColumn[x]];
            }
        }
        return new LabelMap(targetWidth, targetHeight, out);
    }

    /**
     * Every 4-connected piece of every region as its own segment, labelled {@code 0 .. n-1} in the
     * order of first appearance in a row-major scan. Two pixels are neighbours when they share an
     * edge; diagonal contact does not connect. Iterative flood fill with an explicit stack.
     *
     * @return every 4-connected piece of every region as its own segment, labelled {@code 0 .. n-1}
     */
    public LabelMap connectedComponents() {
        int[] out = new int[labels.length];
        Arrays.fill(out, -1);
        int[] stack = new int[labels.length];
        int components = 0;
        for (int seed = 0; seed < labels.length; seed++) {
            if (out[seed] >= 0) {
                continue;
            }
            int label = labels[seed];
            int top = 0;
            stack[top++] = seed;
            out[seed] = components;
            while (top > 0) {
                int p = stack[--top];
                int x = p % width;
                if (x > 0 && out[p - 1] < 0 && labels[p - 1] == label) {
                    out[p - 1] = components;
                    stack[top++] = p - 1;
                }
                if (x < width - 1 && out[p + 1] < 0 && labels[p + 1] == label) {
                    out[p + 1] = components;
                    stack[top++] = p + 1;
                }
                if (p >= width && out[p - width] < 0 && labels[p - width] == label) {
                    out[p - width] = components;
                    stack[top++] = p - width;
                }
                if (p + width < labels.length && out[p + width] < 0 && labels[p + width] == label) {
                    out[p + width] = components;
                    stack[top++] = p + width;
                }
            }
            components++;
        }
        return new LabelMap(width, height, out);
    }

    /**
     * Whether the other map has this map's size.
     *
     * @param other the other one
     * @return whether the other map has this map's size
     */
    public boolean sameSize(LabelMap other) {
        return width == other.width && height == other.height;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelMap m && m.width == width && m.height == height
                && Arrays.equals(m.labels, labels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "LabelMap[" + width + "×" + height + ", " + segmentCount() + " segments]";
    }
}
