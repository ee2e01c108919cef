package org.mbp.scene;

import java.util.List;

/**
 * An image with its ground truth: a generated scene (exact) or a photograph with its human
 * segmentations. Arrays are row-major and shared, not copied:
 * treat them as read-only.
 *
 * @param width       image width in pixels
 * @param height      image height in pixels
 * @param rgb         interleaved RGB, 3 floats per pixel in [0, 1]
 * @param regions     the finest segmentation: labels 0..n−1 numbered in row-major order of
 *                    first appearance, each region 4-connected
 * @param annotations one label map per simulated annotator (same numbering rule); entry 0
 *                    equals {@code regions}, the others are coarsenings of it
 * @param seed        the seed the scene was generated from
 * @param kind        how the scene was drawn
 */
public record Scene(int width, int height, float[] rgb, int[] regions, List<int[]> annotations, long seed, Kind kind) {

    /** How a scene is drawn. */
    public enum Kind {
        /** Occluding textured shapes (dead leaves). */
        DEAD_LEAVES,
        /** Fashion-MNIST items on a textured background. */
        FASHION,
        /** A photograph (BSDS300) with its human segmentations, finest first. */
        PHOTOGRAPH
    }

    /**
     * Checks that the arrays match the size and that there is at least one annotation.
     *
     * @param width the width
     * @param height the height
     * @param rgb the RGB pixels
     * @param regions the finest segmentation: labels 0..n−1 numbered in row-major order of first
     *                appearance, each region 4-connected
     * @param annotations one label map per simulated annotator (same numbering rule); entry 0
     *                    equals {@code regions}, the others are coarsenings of it
     * @param seed the random seed
     * @param kind the kind
     */
    public Scene {
        int pixels = width * height;
        if (width <= 0 || height <= 0 || rgb.length != 3 * pixels || regions.length != pixels) {
            throw new IllegalArgumentException("scene of " + width + "×" + height + " needs " + 3 * pixels
                    + " colour values and " + pixels + " labels, got " + rgb.length + " and " + regions.length);
        }
        if (annotations.isEmpty()) {
            throw new IllegalArgumentException("a scene needs at least one annotation");
        }
        for (int a = 0; a < annotations.size(); a++) {
            if (annotations.get(a).length != pixels) {
                throw new IllegalArgumentException("annotation " + a + " has " + annotations.get(a).length
                        + " labels, not " + pixels);
            }
        }
        annotations = List.copyOf(annotations);
    }

    /**
     * The number of regions of the finest segmentation.
     *
     * @return the number of regions of the finest segmentation
     */
    public int regionCount() {
        return Regions.count(regions);
    }
}
