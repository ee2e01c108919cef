package org.mbp.segment;

import java.util.Arrays;

/**
 * The terms of a covering C(S′ → S) (see {@link Covering}): for each ground-truth region R of S,
 * its size |R| and its best overlap max_{R′ ∈ S′} |R ∩ R′| / |R ∪ R′|. Regions are indexed in
 * the order in which they first appear in a row-major scan of the ground truth (the order of
 * {@link LabelMap#relabelled()}).
 *
 * <p>The raw sums {@link #weightedOverlap()} = Σ_R |R| · overlap(R) and {@link #pixels()} = N =
 * Σ_R |R| let dataset figures be area-weighted (Σ numerators / Σ N), as in the BSR code.
 */
public final class RegionOverlaps {

    private final int[] sizes;
    private final double[] overlaps;

    RegionOverlaps(int[] sizes, double[] overlaps) {
        this.sizes = sizes.clone();
        this.overlaps = overlaps.clone();
    }

    /**
     * The number of ground-truth regions.
     *
     * @return the number of ground-truth regions
     */
    public int regions() {
        return sizes.length;
    }

    /**
     * |R| of ground-truth region i.
     *
     * @param i the index
     * @return |R| of ground-truth region i
     */
    public int size(int i) {
        return sizes[i];
    }

    /**
     * The best overlap (intersection over union) of ground-truth region i with a machine region.
     *
     * @param i the index
     * @return the best overlap (intersection over union) of ground-truth region i with a machine
     *         region
     */
    public double overlap(int i) {
        return overlaps[i];
    }

    /**
     * Σ_R |R| · overlap(R): the numerator of the covering.
     *
     * @return Σ_R |R| · overlap(R): the numerator of the covering
     */
    public double weightedOverlap() {
        double sum = 0;
        for (int i = 0; i < sizes.length; i++) {
            sum += sizes[i] * overlaps[i];
        }
        return sum;
    }

    /**
     * N = Σ_R |R|: the number of pixels, the denominator of the covering.
     *
     * @return N = Σ_R |R|: the number of pixels, the denominator of the covering
     */
    public long pixels() {
        long sum = 0;
        for (int size : sizes) {
            sum += size;
        }
        return sum;
    }

    /**
     * The covering weightedOverlap() / pixels(), in [0, 1].
     *
     * @return the covering weightedOverlap() / pixels(), in [0, 1]
     */
    public double covering() {
        return weightedOverlap() / pixels();
    }

    /**
     * Region by region the larger overlap of this and another covering of the same ground truth
     * (e.g. by other machine segmentations): the benchmark's "Best" takes, for each region, its
     * best overlap over all segmentations.
     *
     * @param other the other one
     * @return region by region the larger overlap of this and another covering of the same ground
     *         truth (e.g. by other machine segmentations): the benchmark's "Best" takes, for each region,
     *         its best overlap over all segmentations
     */
    public RegionOverlaps max(RegionOverlaps other) {
        if (!Arrays.equals(sizes, other.sizes)) {
            throw new IllegalArgumentException("the two coverings are of different ground truths ("
                    + sizes.length + " and " + other.sizes.length + " regions or different sizes)");
        }
        double[] best = new double[overlaps.length];
        for (int i = 0; i < best.length; i++) {
            best[i] = Math.max(overlaps[i], other.overlaps[i]);
        }
        return new RegionOverlaps(sizes, best);
    }

    @Override
    public String toString() {
        return "RegionOverlaps[" + sizes.length + " regions, covering " + covering() + "]";
    }
}
