package org.mbp.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Draws a Fashion-MNIST scene's layer map. The background is 1–3 textured cells: the Voronoi
 * cells (nearest pixel-centre distance, ties to the lower site) of sites uniform over the
 * image, each with a {@link Textures#random} texture. Then 1–3 items of distinct classes (fewer
 * when fewer classes are given), each a random item of its class, are scaled by a factor
 * uniform in [1, min(2, size/28)], placed uniformly so they lie inside the image, tinted with a
 * palette colour (flat, grey noise ±0.03) and composited back to front: an item's mask,
 * intensity &gt; 0.1, covers the background and earlier items.
 */
final class FashionComposer {

    private FashionComposer() {
    }

    static LayerMap draw(SceneOptions options, FashionItems items, Random rng) {
        int size = options.size();
        if (size < FashionItems.SIDE) {
            throw new IllegalArgumentException("FASHION scenes need a size of at least 28 pixels, got " + size);
        }
        List<Texture> paints = new ArrayList<>();
        int[] layers = background(size, rng, paints);
        Map<Integer, List<Integer>> byClass = items.byClass();
        List<Integer> classes = new ArrayList<>(byClass.keySet());
        int count = Math.min(1 + rng.nextInt(3), classes.size());
        double maxScale = Math.min(2, size / (double) FashionItems.SIDE);
        for (int n = 0; n < count; n++) {
            int pick = n + rng.nextInt(classes.size() - n);
            Integer chosen = classes.get(pick);
            classes.set(pick, classes.get(n));
            classes.set(n, chosen);
            List<Integer> members = byClass.get(chosen);
            float[] grey = items.images().get(members.get(rng.nextInt(members.size())));
            double scale = 1 + rng.nextDouble() * (maxScale - 1);
            int extent = Math.min(size, (int) Math.floor(FashionItems.SIDE * scale));
            int ox = rng.nextInt(size - extent + 1);
            int oy = rng.nextInt(size - extent + 1);
            Rgb colour = Textures.PALETTE.get(rng.nextInt(Textures.PALETTE.size()));
            ShadedItem item = new ShadedItem(grey, ox, oy, scale, extent,
                    new Textures.Flat(colour, 0.03f, rng.nextLong()));
            int layer = paints.size();
            paints.add(item);
            for (int y = oy; y < oy + extent; y++) {
                for (int x = ox; x < ox + extent; x++) {
                    if (item.covers(x, y)) {
                        layers[y * size + x] = layer;
                    }
                }
            }
        }
        return new LayerMap(size, size, layers, paints);
    }

    private static int[] background(int size, Random rng, List<Texture> paints) {
        int cells = 1 + rng.nextInt(3);
        double[] sx = new double[cells];
        double[] sy = new double[cells];
        for (int c = 0; c < cells; c++) {
            sx[c] = size * rng.nextDouble();
            sy[c] = size * rng.nextDouble();
            paints.add(Textures.random(rng));
        }
        int[] layers = new int[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int best = 0;
                double bestDistance = Double.POSITIVE_INFINITY;
                for (int c = 0; c < cells; c++) {
                    double dx = x + 0.5 - sx[c];
                    double dy = y + 0.5 - sy[c];
                    double distance = dx * dx + dy * dy;
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        best = c;
                    }
                }
                layers[y * size + x] = best;
            }
        }
        return layers;
    }
}
