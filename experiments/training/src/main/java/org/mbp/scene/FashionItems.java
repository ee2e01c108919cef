package org.mbp.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fashion-MNIST items for {@link Scene.Kind#FASHION} scenes: 28×28 grey images, row-major,
 * intensities in [0, 1], with their class labels (0–9 in Fashion-MNIST; any non-negative
 * label is accepted). The caller loads them; the lists are not copied.
 */
public record FashionItems(List<float[]> images, int[] labels) {

    /** The side of a Fashion-MNIST image in pixels. */
    public static final int SIDE = 28;

    /**
     * Checks that there is at least one item, one label per image, 784 intensities in [0, 1] each and labels ≥ 0.
     *
     * @param images the images
     * @param labels the labels
     */
    public FashionItems {
        if (images.isEmpty() || images.size() != labels.length) {
            throw new IllegalArgumentException("Fashion items need at least one image and one label per image, got "
                    + images.size() + " images and " + labels.length + " labels");
        }
        for (int i = 0; i < images.size(); i++) {
            float[] image = images.get(i);
            if (image.length != SIDE * SIDE) {
                throw new IllegalArgumentException("Fashion item " + i + " has " + image.length
                        + " pixels, not 28×28 = 784");
            }
            for (int p = 0; p < image.length; p++) {
                if (!(image[p] >= 0 && image[p] <= 1)) {
                    throw new IllegalArgumentException("Fashion item " + i + ": pixel " + p + " (row " + p / SIDE
                            + ", column " + p % SIDE + ") is " + image[p] + ", outside [0, 1]");
                }
            }
            if (labels[i] < 0) {
                throw new IllegalArgumentException("Fashion item " + i + " has negative class label " + labels[i]);
            }
        }
    }

    /** The item indices of each class, classes in increasing order. */
    Map<Integer, List<Integer>> byClass() {
        Map<Integer, List<Integer>> classes = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            classes.computeIfAbsent(labels[i], c -> new ArrayList<>()).add(i);
        }
        return classes;
    }
}
