package org.mbp.scene;

/**
 * A dataset of n scenes from a base seed: scene i has seed {@code SplitMix64(base + (i+1)·γ)}
 * (γ the golden-ratio increment) and is FASHION exactly when ⌊(i+1)·f⌋ &gt; ⌊i·f⌋, f the
 * fashion fraction. The kinds are thus spread evenly: f = 0.5 alternates dead leaves and
 * fashion, and any prefix of i scenes holds ⌊i·f⌋ fashion scenes.
 */
public record SceneSet(SceneGenerator generator, long baseSeed, int size, double fashionFraction) {

    /**
     * Checks size ≥ 0, the fraction in [0, 1], and that a positive fraction comes with Fashion-MNIST items.
     *
     * @param generator the generator
     * @param baseSeed the base seed
     * @param size the size
     * @param fashionFraction fraction of generated scenes with Fashion-MNIST items (0: no data
     *                        needed)
     */
    public SceneSet {
        if (size < 0) {
            throw new IllegalArgumentException("a scene set cannot have " + size + " scenes");
        }
        if (!(fashionFraction >= 0 && fashionFraction <= 1)) {
            throw new IllegalArgumentException("fashion fraction must lie in [0, 1], got " + fashionFraction);
        }
        if (fashionFraction > 0 && generator.items().isEmpty()) {
            throw new IllegalArgumentException("fashion fraction " + fashionFraction
                    + " needs a generator with Fashion-MNIST items");
        }
    }

    /**
     * The seed of scene i.
     *
     * @param i the index
     * @return the seed of scene i
     */
    public long seed(int i) {
        checkIndex(i);
        return Hashing.derive(baseSeed, i);
    }

    /**
     * The kind of scene i.
     *
     * @param i the index
     * @return the kind of scene i
     */
    public Scene.Kind kind(int i) {
        checkIndex(i);
        return Math.floor((i + 1) * fashionFraction) > Math.floor(i * fashionFraction)
                ? Scene.Kind.FASHION : Scene.Kind.DEAD_LEAVES;
    }

    /**
     * Scene i, generated afresh.
     *
     * @param i the index
     * @return scene i, generated afresh
     */
    public Scene scene(int i) {
        return generator.generate(seed(i), kind(i));
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("scene " + i + " of a set of " + size);
        }
    }
}
