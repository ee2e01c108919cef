package org.mbp.scene;

import org.mbp.segment.LabelMap;

/**
 * Operations on label maps: {@code int[]} row-major, one label per pixel. Pixels are
 * neighbours when they share an edge (4-connectivity) throughout.
 */
public final class Regions {

    private Regions() {
    }

    /**
     * The 4-connected components of equal labels, numbered 0..n−1 in the order their first
     * pixel appears in a row-major scan.
     *
     * @param labels the labels
     * @param width the width
     * @param height the height
     * @return the 4-connected components of equal labels, numbered 0..n−1 in the order their first
     *         pixel appears in a row-major scan
     */
    public static int[] components(int[] labels, int width, int height) {
        requireShape(labels, width, height);
        return new LabelMap(width, height, labels).connectedComponents().labels();
    }

    /**
     * The labels renumbered 0..n−1 in the order each first appears in a row-major scan.
     *
     * @param labels the labels
     * @return the labels renumbered 0..n−1 in the order each first appears in a row-major scan
     */
    public static int[] dense(int[] labels) {
        return new LabelMap(labels.length, 1, labels).relabelled().labels();
    }

    /**
     * The number of labels of a dense label map (its largest label plus one; 0 when empty).
     *
     * @param labels the labels
     * @return the number of labels of a dense label map (its largest label plus one; 0 when empty)
     */
    public static int count(int[] labels) {
        int max = -1;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return max + 1;
    }

    /**
     * The pixel count of each label of a dense label map with n labels.
     *
     * @param labels the labels
     * @param n the size
     * @return the pixel count of each label of a dense label map with n labels
     */
    public static int[] areas(int[] labels, int n) {
        int[] areas = new int[n];
        for (int label : labels) {
            areas[label]++;
        }
        return areas;
    }

    /**
     * The shared boundary lengths of a dense label map with n labels: entry [a][b] counts the
     * 4-adjacent pixel pairs with one pixel labelled a and the other b (symmetric, zero
     * diagonal). Labels a and b are adjacent exactly when it is positive.
     *
     * @param labels the labels
     * @param width the width
     * @param height the height
     * @param n the size
     * @return the shared boundary lengths of a dense label map with n labels: entry [a][b] counts
     *         the 4-adjacent pixel pairs with one pixel labelled a and the other b (symmetric, zero
     *         diagonal)
     */
    public static int[][] boundaries(int[] labels, int width, int height, int n) {
        requireShape(labels, width, height);
        int[][] shared = new int[n][n];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int a = labels[y * width + x];
                if (x + 1 < width) {
                    count(shared, a, labels[y * width + x + 1]);
                }
                if (y + 1 < height) {
                    count(shared, a, labels[(y + 1) * width + x]);
                }
            }
        }
        return shared;
    }

    private static void count(int[][] shared, int a, int b) {
        if (a != b) {
            shared[a][b]++;
            shared[b][a]++;
        }
    }

    private static void requireShape(int[] labels, int width, int height) {
        if (width <= 0 || height <= 0 || labels.length != (long) width * height) {
            throw new IllegalArgumentException("label map of " + labels.length + " pixels does not match "
                    + width + "×" + height);
        }
    }
}
