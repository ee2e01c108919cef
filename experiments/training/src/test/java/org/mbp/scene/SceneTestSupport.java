package org.mbp.scene;

import java.util.ArrayList;
import java.util.List;

/** Shared test fixtures: synthetic Fashion-MNIST-like items and an independent connectivity check. */
final class SceneTestSupport {

    private SceneTestSupport() {
    }

    /**
     * Four item classes drawn by hand on 28×28: a shaded block (0), a ring (1), two separate
     * blobs (2, a disconnected mask) and a T shape (3).
     */
    static FashionItems items() {
        List<float[]> images = new ArrayList<>();
        images.add(draw((x, y) -> x >= 6 && x < 22 && y >= 4 && y < 24 ? 0.4f + 0.02f * y : 0));
        images.add(draw((x, y) -> {
            double d = Math.hypot(x - 13.5, y - 13.5);
            return d >= 6 && d <= 12 ? 0.9f : 0;
        }));
        images.add(draw((x, y) -> Math.hypot(x - 7, y - 14) < 6 || Math.hypot(x - 21, y - 14) < 6 ? 1f : 0));
        images.add(draw((x, y) -> (y >= 3 && y < 9 && x >= 3 && x < 25) || (x >= 11 && x < 17 && y >= 3 && y < 26)
                ? 0.7f : 0));
        return new FashionItems(images, new int[] {0, 1, 2, 3});
    }

    private interface Intensity {
        float at(int x, int y);
    }

    private static float[] draw(Intensity intensity) {
        float[] image = new float[28 * 28];
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                image[y * 28 + x] = intensity.at(x, y);
            }
        }
        return image;
    }

    /**
     * The number of 4-connected pieces of each label, by union–find over pixel pairs (a method
     * independent of {@link Regions#components}).
     */
    static int[] piecesPerLabel(int[] labels, int width, int height) {
        int[] parent = new int[labels.length];
        for (int p = 0; p < parent.length; p++) {
            parent[p] = p;
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                if (x + 1 < width && labels[p] == labels[p + 1]) {
                    parent[root(parent, p)] = root(parent, p + 1);
                }
                if (y + 1 < height && labels[p] == labels[p + width]) {
                    parent[root(parent, p)] = root(parent, p + width);
                }
            }
        }
        int max = 0;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        int[] pieces = new int[max + 1];
        for (int p = 0; p < labels.length; p++) {
            if (root(parent, p) == p) {
                pieces[labels[p]]++;
            }
        }
        return pieces;
    }

    private static int root(int[] parent, int p) {
        while (parent[p] != p) {
            parent[p] = parent[parent[p]];
            p = parent[p];
        }
        return p;
    }
}
