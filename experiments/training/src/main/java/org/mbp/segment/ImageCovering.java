package org.mbp.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * How the machine segmentations of one image, indexed by a parameter k = 1..K (e.g. the number
 * of segments asked for), cover each of its ground truths s = 1..S.
 *
 * <p>Two ways to combine the ground truths:
 * <ul>
 * <li><b>average</b> over ground truths: Σ_s Σ_{R ∈ S_s} |R|·overlap / (S·N), which is the mean
 *     of the per-ground-truth coverings (all ground truths have the same N pixels) and is what the
 *     BSR benchmark computes, pooling the regions of all ground truths;</li>
 * <li><b>best</b> over ground truths: max_s C(S′ → S_s), the ground truth covered best.</li>
 * </ul>
 * For each, {@code ...Numerator} and {@code ...Denominator} give the raw sums from which
 * {@link SegmentationBenchmark} forms area-weighted dataset figures.
 */
public final class ImageCovering {

    private final List<List<RegionOverlaps>> byLevel;
    private final List<RegionOverlaps> bestOverLevels;
    private final long pixels;

    private ImageCovering(List<List<RegionOverlaps>> byLevel, List<RegionOverlaps> bestOverLevels, long pixels) {
        this.byLevel = byLevel;
        this.bestOverLevels = bestOverLevels;
        this.pixels = pixels;
    }

    /**
     * Scores the machine segmentations (element k-1 is the one for parameter k) against the ground
     * truths; all maps must have the same size.
     *
     * @param machine the machine description
     * @param truths the ground truths
     * @return the image covering
     */
    public static ImageCovering of(List<LabelMap> machine, List<LabelMap> truths) {
        if (machine.isEmpty() || truths.isEmpty()) {
            throw new IllegalArgumentException("an image needs at least one machine segmentation and one ground"
                    + " truth, got " + machine.size() + " and " + truths.size());
        }
        LabelMap reference = truths.get(0);
        for (int s = 0; s < truths.size(); s++) {
            requireSize(truths.get(s), reference, "ground truth " + (s + 1));
        }
        for (int k = 0; k < machine.size(); k++) {
            requireSize(machine.get(k), reference, "machine segmentation k=" + (k + 1));
        }
        List<List<RegionOverlaps>> byLevel = new ArrayList<>();
        for (LabelMap m : machine) {
            List<RegionOverlaps> level = new ArrayList<>();
            for (LabelMap truth : truths) {
                level.add(Covering.regionOverlaps(m, truth));
            }
            byLevel.add(List.copyOf(level));
        }
        List<RegionOverlaps> best = new ArrayList<>(byLevel.get(0));
        for (List<RegionOverlaps> level : byLevel) {
            for (int s = 0; s < best.size(); s++) {
                best.set(s, best.get(s).max(level.get(s)));
            }
        }
        return new ImageCovering(List.copyOf(byLevel), List.copyOf(best), reference.pixels());
    }

    private static void requireSize(LabelMap map, LabelMap reference, String what) {
        if (!map.sameSize(reference)) {
            throw new IllegalArgumentException(what + " is " + map.width() + "×" + map.height()
                    + " but ground truth 1 is " + reference.width() + "×" + reference.height());
        }
    }

    /**
     * K, the number of machine segmentations.
     *
     * @return K, the number of machine segmentations
     */
    public int levels() {
        return byLevel.size();
    }

    /**
     * S, the number of ground truths.
     *
     * @return S, the number of ground truths
     */
    public int truths() {
        return bestOverLevels.size();
    }

    /**
     * N, the number of pixels.
     *
     * @return N, the number of pixels
     */
    public long pixels() {
        return pixels;
    }

    /**
     * The terms of C(S′_k → S_s), k and s 1-based.
     *
     * @param k the number k
     * @param truth the ground truth
     * @return the terms of C(S′_k → S_s), k and s 1-based
     */
    public RegionOverlaps overlaps(int k, int truth) {
        return byLevel.get(checkLevel(k) - 1).get(truth - 1);
    }

    /**
     * C(S′_k → S_s), k and s 1-based.
     *
     * @param k the number k
     * @param truth the ground truth
     * @return C(S′_k → S_s), k and s 1-based
     */
    public double covering(int k, int truth) {
        return overlaps(k, truth).covering();
    }

    /**
     * Σ_s Σ_R |R|·overlap for segmentation k: the numerator of {@link #averageOverTruths(int)}.
     *
     * @param k the number k
     * @return Σ_s Σ_R |R|·overlap for segmentation k: the numerator of {@link
     *         #averageOverTruths(int)}
     */
    public double averageNumerator(int k) {
        return sumOfWeighted(byLevel.get(checkLevel(k) - 1));
    }

    /**
     * S·N: the denominator of every average over ground truths.
     *
     * @return S·N: the denominator of every average over ground truths
     */
    public long averageDenominator() {
        return truths() * pixels;
    }

    /**
     * Mean over ground truths of C(S′_k → S_s).
     *
     * @param k the number k
     * @return mean over ground truths of C(S′_k → S_s)
     */
    public double averageOverTruths(int k) {
        return averageNumerator(k) / averageDenominator();
    }

    /**
     * max_s Σ_R |R|·overlap for segmentation k: the numerator of {@link #bestOverTruths(int)}, whose denominator is N.
     *
     * @param k the number k
     * @return max_s Σ_R |R|·overlap for segmentation k: the numerator of {@link
     *         #bestOverTruths(int)}, whose denominator is N
     */
    public double bestTruthNumerator(int k) {
        return maxOfWeighted(byLevel.get(checkLevel(k) - 1));
    }

    /**
     * max over ground truths of C(S′_k → S_s).
     *
     * @param k the number k
     * @return max over ground truths of C(S′_k → S_s)
     */
    public double bestOverTruths(int k) {
        return bestTruthNumerator(k) / pixels;
    }

    /**
     * The k (smallest on ties) with the largest {@link #averageOverTruths(int)}: this image's OIS choice.
     *
     * @return the k (smallest on ties) with the largest {@link #averageOverTruths(int)}: this
     *         image's OIS choice
     */
    public int oisK() {
        int best = 1;
        for (int k = 2; k <= levels(); k++) {
            if (averageNumerator(k) > averageNumerator(best)) {
                best = k;
            }
        }
        return best;
    }

    /**
     * The k (smallest on ties) with the largest {@link #bestOverTruths(int)}.
     *
     * @return the k (smallest on ties) with the largest {@link #bestOverTruths(int)}
     */
    public int oisKBestTruth() {
        int best = 1;
        for (int k = 2; k <= levels(); k++) {
            if (bestTruthNumerator(k) > bestTruthNumerator(best)) {
                best = k;
            }
        }
        return best;
    }

    /**
     * "Best": each region of each ground truth with its best overlap over all k; Σ_s Σ_R |R|·max_k overlap.
     *
     * @return "Best": each region of each ground truth with its best overlap over all k; Σ_s Σ_R
     *         |R|·max_k overlap
     */
    public double bestAverageNumerator() {
        return sumOfWeighted(bestOverLevels);
    }

    /**
     * "Best" averaged over ground truths: {@link #bestAverageNumerator()} / (S·N).
     *
     * @return "Best" averaged over ground truths: {@link #bestAverageNumerator()} / (S·N)
     */
    public double bestAverage() {
        return bestAverageNumerator() / averageDenominator();
    }

    /**
     * "Best" for the ground truth where it is largest: max_s Σ_R |R|·max_k overlap (denominator N).
     *
     * @return "Best" for the ground truth where it is largest: max_s Σ_R |R|·max_k overlap
     *         (denominator N)
     */
    public double bestBestTruthNumerator() {
        return maxOfWeighted(bestOverLevels);
    }

    /**
     * "Best" over ground truths: {@link #bestBestTruthNumerator()} / N.
     *
     * @return "Best" over ground truths: {@link #bestBestTruthNumerator()} / N
     */
    public double bestBestTruth() {
        return bestBestTruthNumerator() / pixels;
    }

    private int checkLevel(int k) {
        if (k < 1 || k > levels()) {
            throw new IndexOutOfBoundsException("k=" + k + " outside 1.." + levels());
        }
        return k;
    }

    private static double sumOfWeighted(List<RegionOverlaps> coverings) {
        double sum = 0;
        for (RegionOverlaps c : coverings) {
            sum += c.weightedOverlap();
        }
        return sum;
    }

    private static double maxOfWeighted(List<RegionOverlaps> coverings) {
        double max = 0;
        for (RegionOverlaps c : coverings) {
            max = Math.max(max, c.weightedOverlap());
        }
        return max;
    }
}
