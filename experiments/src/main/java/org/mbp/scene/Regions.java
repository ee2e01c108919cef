package org.mbp.scene;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

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
     */
    public static int[] components(int[] labels, int width, int height) {
        requireShape(labels, width, height);
        int[] components = new int[labels.length];
        Arrays.fill(components, -1);
        int[] stack = new int[labels.length];
        int next = 0;
        for (int start = 0; start < labels.length; start++) {
            if (components[start] >= 0) {
                continue;
            }
            int top = 0;
            stack[top++] = start;
            components[start] = next;
            while (top > 0) {
                int p = stack[--top];
                int x = p % width;
                int y = p / width;
                if (x > 0) {
                    top = visit(labels, components, stack, top, p, p - 1, next);
                }
                if (x + 1 < width) {
                    top = visit(labels, components, stack, top, p, p + 1, next);
                }
                if (y > 0) {
                    top = visit(labels, components, stack, top, p, p - width, next);
                }
                if (y + 1 < height) {
                    top = visit(labels, components, stack, top, p, p + width, next);
                }
            }
            next++;
        }
        return components;
    }

    private static int visit(int[] labels, int[] components, int[] stack, int top, int from, int to, int component) {
        if (components[to] < 0 && labels[to] == labels[from]) {
            components[to] = component;
            stack[top++] = to;
        }
        return top;
    }

    /** The labels renumbered 0..n−1 in the order each first appears in a row-major scan. */
    public static int[] dense(int[] labels) {
        int[] out = new int[labels.length];
        Map<Integer, Integer> numbers = new HashMap<>();
        for (int p = 0; p < labels.length; p++) {
            out[p] = numbers.computeIfAbsent(labels[p], label -> numbers.size());
        }
        return out;
    }

    /** The number of labels of a dense label map (its largest label plus one; 0 when empty). */
    public static int count(int[] labels) {
        int max = -1;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return max + 1;
    }

    /** The pixel count of each label of a dense label map with n labels. */
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
