package org.mbp.scene;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Draws a dead-leaves layer map: leaves are placed front to back, each covering only pixels
 * that no earlier leaf covers. A leaf has a radius from {@link RadiusLaw}, a centre uniform
 * over the image, an outline uniform among disc, ellipse (aspect in [0.4, 1], random angle)
 * and rectangle (aspect in [0.4, 1], axis-aligned or at a random angle with equal odds), and a
 * texture from {@link Textures#random}. After {@link SceneOptions#leaves()} leaves, one more
 * background leaf takes every pixel still uncovered.
 */
final class DeadLeaves {

    private DeadLeaves() {
    }

    static LayerMap draw(SceneOptions options, Random rng) {
        int size = options.size();
        RadiusLaw law = new RadiusLaw(options.minRadius(), options.maxRadius());
        int[] layers = new int[size * size];
        Arrays.fill(layers, -1);
        List<Texture> paints = new ArrayList<>();
        for (int leaf = 0; leaf < options.leaves(); leaf++) {
            LeafShape shape = shape(law.sample(rng.nextDouble()), size, rng);
            paints.add(Textures.random(rng));
            cover(layers, size, shape, leaf);
        }
        paints.add(Textures.random(rng));
        for (int p = 0; p < layers.length; p++) {
            if (layers[p] < 0) {
                layers[p] = options.leaves();
            }
        }
        return new LayerMap(size, size, layers, paints);
    }

    private static LeafShape shape(double r, int size, Random rng) {
        double cx = size * rng.nextDouble();
        double cy = size * rng.nextDouble();
        LeafShape.Outline outline = LeafShape.Outline.values()[rng.nextInt(3)];
        double aspect = 0.4 + 0.6 * rng.nextDouble();
        double angle = rng.nextDouble() * Math.PI;
        return switch (outline) {
            case DISC -> new LeafShape(outline, cx, cy, r, 1, 0);
            case ELLIPSE -> new LeafShape(outline, cx, cy, r, aspect, angle);
            case RECTANGLE -> new LeafShape(outline, cx, cy, r, aspect, rng.nextBoolean() ? 0 : angle);
        };
    }

    /** Gives the uncovered pixels whose centres lie inside the shape to {@code leaf}. */
    private static void cover(int[] layers, int size, LeafShape shape, int leaf) {
        double reach = shape.r() * Math.sqrt(2);
        int x0 = Math.max(0, (int) Math.floor(shape.cx() - reach));
        int x1 = Math.min(size - 1, (int) Math.ceil(shape.cx() + reach));
        int y0 = Math.max(0, (int) Math.floor(shape.cy() - reach));
        int y1 = Math.min(size - 1, (int) Math.ceil(shape.cy() + reach));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int p = y * size + x;
                if (layers[p] < 0 && shape.contains(x + 0.5, y + 0.5)) {
                    layers[p] = leaf;
                }
            }
        }
    }
}
