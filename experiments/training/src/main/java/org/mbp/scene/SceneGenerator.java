package org.mbp.scene;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * Generates synthetic scenes with exact ground truth, deterministically: the same seed, kind,
 * options and items give the same scene bit for bit on any JVM ({@link Random} is specified
 * exactly, trigonometry uses {@link StrictMath}, float arithmetic is strict since Java 17).
 *
 * <p>Ground truth: the drawing (dead leaves, or background cells and items) is cut into
 * 4-connected components of one layer each, so the disconnected pieces of an occluded leaf
 * are separate regions. Regions smaller than {@link SceneOptions#minRegionArea()} are merged
 * into the neighbour with the longest shared boundary ({@link SpeckRemoval}), and the image is
 * painted from the merged regions (each pixel with the paint of the region it ends up in), so
 * image and ground truth agree exactly. Annotators coarsen the regions ({@link Annotators}).
 */
public final class SceneGenerator {

    private final SceneOptions options;
    private final FashionItems items;

    /**
     * A generator of dead-leaves scenes only.
     *
     * @param options the options
     */
    public SceneGenerator(SceneOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.items = null;
    }

    /**
     * A generator of both kinds, drawing FASHION scenes from these items.
     *
     * @param options the options
     * @param items the items
     */
    public SceneGenerator(SceneOptions options, FashionItems items) {
        this.options = Objects.requireNonNull(options, "options");
        this.items = Objects.requireNonNull(items, "items");
    }

    /**
     * The options scenes are drawn with.
     *
     * @return the options scenes are drawn with
     */
    public SceneOptions options() {
        return options;
    }

    /**
     * The Fashion-MNIST items, if this generator has them.
     *
     * @return the Fashion-MNIST items, if this generator has them
     */
    public Optional<FashionItems> items() {
        return Optional.ofNullable(items);
    }

    /**
     * The dead-leaves scene of this seed.
     *
     * @param seed the random seed
     * @return the dead-leaves scene of this seed
     */
    public Scene generate(long seed) {
        return generate(seed, Scene.Kind.DEAD_LEAVES);
    }

    /**
     * The scene of this seed and kind.
     *
     * @param seed the random seed
     * @param kind the kind
     * @return the scene of this seed and kind
     * @throws IllegalStateException for FASHION when the generator was made without items
     */
    public Scene generate(long seed, Scene.Kind kind) {
        Random rng = new Random(seed);
        LayerMap drawing = switch (kind) {
            case DEAD_LEAVES -> DeadLeaves.draw(options, rng);
            case FASHION -> {
                if (items == null) {
                    throw new IllegalStateException("FASHION scenes need Fashion-MNIST items; "
                            + "this generator was made without them");
                }
                yield FashionComposer.draw(options, items, rng);
            }
            case PHOTOGRAPH -> throw new IllegalArgumentException("photographs are read from BSDS300, not generated");
        };
        int width = drawing.width();
        int height = drawing.height();
        int[] layers = drawing.layers();
        int[] pieces = Regions.components(layers, width, height);
        int pieceCount = Regions.count(pieces);
        int[] survivor = SpeckRemoval.survivors(pieces, pieceCount, width, height, options.minRegionArea());
        int[] pieceLayer = new int[pieceCount];
        for (int p = 0; p < layers.length; p++) {
            pieceLayer[pieces[p]] = layers[p];
        }
        int[] merged = new int[layers.length];
        float[] rgb = new float[3 * layers.length];
        for (int p = 0; p < layers.length; p++) {
            merged[p] = survivor[pieces[p]];
            drawing.paints().get(pieceLayer[merged[p]]).colourAt(p % width, p / width, rgb, 3 * p);
        }
        int[] regions = Regions.dense(merged);
        List<int[]> annotations = Annotators.annotate(regions, Regions.count(regions), width, height,
                options.annotators(), rng);
        return new Scene(width, height, rgb, regions, annotations, seed, kind);
    }
}
