package org.mbp.scene;

/**
 * Parameters of the scene generator.
 *
 * @param size          the image side in pixels (scenes are size×size)
 * @param minRadius     the smallest dead-leaves radius, pixels
 * @param maxRadius     the largest dead-leaves radius, pixels
 * @param leaves        the number of dead leaves drawn before the background leaf
 * @param minRegionArea regions smaller than this many pixels are merged into a neighbour
 * @param annotators    the number of simulated annotators, at least 1 (annotator 0 is the finest)
 */
public record SceneOptions(int size, double minRadius, double maxRadius, int leaves, int minRegionArea,
        int annotators) {

    /**
     * Defaults for 64×64 scenes: radii 6–40 px, 12 leaves (the largest region then covers about
     * 40% of the image on average, about 13 regions in all), regions of at least 16 px (one block
     * of a 16×16 reduced grid), 5 annotators.
     */
    public static final SceneOptions DEFAULTS = new SceneOptions(64, 6, 40, 12, 16, 5);

    /**
     * Checks size ≥ 1, 0 &lt; minRadius ≤ maxRadius &lt; ∞, leaves ≥ 0, minRegionArea, annotators ≥ 1.
     *
     * @param size the size
     * @param minRadius the smallest dead-leaves radius, pixels
     * @param maxRadius the largest dead-leaves radius, pixels
     * @param leaves the number of dead leaves drawn before the background leaf
     * @param minRegionArea regions smaller than this many pixels are merged into a neighbour
     * @param annotators the number of simulated annotators, at least 1 (annotator 0 is the finest)
     */
    public SceneOptions {
        if (size < 1) {
            throw new IllegalArgumentException("scene size must be at least 1 pixel, got " + size);
        }
        new RadiusLaw(minRadius, maxRadius);
        if (leaves < 0) {
            throw new IllegalArgumentException("number of leaves must be non-negative, got " + leaves);
        }
        if (minRegionArea < 1) {
            throw new IllegalArgumentException("minimum region area must be at least 1 pixel, got " + minRegionArea);
        }
        if (annotators < 1) {
            throw new IllegalArgumentException("number of annotators must be at least 1, got " + annotators);
        }
    }
}
