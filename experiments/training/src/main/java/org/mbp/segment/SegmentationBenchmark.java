package org.mbp.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * The region benchmark of Arbelaez, Maire, Fowlkes &amp; Malik (PAMI 2011, §3.2 and Table 2) for
 * segmentation covering, on machine segmentations indexed by a parameter k = 1, 2, ... (the
 * number of segments, a threshold level):
 * <ul>
 * <li><b>ODS</b> (optimal dataset scale): one k for all images, the one maximising the dataset
 *     covering. Only the k every image has (k ≤ min over images of K) take part.</li>
 * <li><b>OIS</b> (optimal image scale): each image at its own best k (over all its K).</li>
 * <li><b>Best</b>: each ground-truth region with its best overlap over all k of its image.</li>
 * </ul>
 * Dataset figures are area-weighted as in the BSR code ({@code collect_eval_reg.m}): the sum over
 * images of the numerators divided by the sum of the denominators, not a mean of per-image
 * scores. With ground truths <i>averaged</i> an image contributes Σ_s Σ_R |R|·overlap over
 * S·N (so an image with more ground truths weighs more, as in BSR); with the <i>best</i> ground
 * truth it contributes max_s Σ_R |R|·overlap over N. The per-image choices of OIS are made by the
 * figure being reported (average or best ground truth); ties go to the smallest k.
 */
public final class SegmentationBenchmark {

    private SegmentationBenchmark() {
    }

    /**
     * Scores a dataset given, per image, its k-indexed machine segmentations and its ground truths.
     *
     * @param machine the machine description
     * @param truths the ground truths
     * @return the covering scores
     */
    public static CoveringScores evaluate(List<List<LabelMap>> machine, List<List<LabelMap>> truths) {
        if (machine.size() != truths.size()) {
            throw new IllegalArgumentException("machine segmentations for " + machine.size()
                    + " images but ground truths for " + truths.size());
        }
        List<ImageCovering> images = new ArrayList<>();
        for (int i = 0; i < machine.size(); i++) {
            try {
                images.add(ImageCovering.of(machine.get(i), truths.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("image " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return score(images);
    }

    /**
     * Dataset figures from per-image coverings.
     *
     * @param images the images
     * @return dataset figures from per-image coverings
     */
    public static CoveringScores score(List<ImageCovering> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images to score");
        }
        int commonK = images.stream().mapToInt(ImageCovering::levels).min().orElseThrow();
        List<Double> byKAverage = new ArrayList<>();
        List<Double> byKBestTruth = new ArrayList<>();
        for (int k = 1; k <= commonK; k++) {
            double averageNumerator = 0;
            double averageDenominator = 0;
            double bestNumerator = 0;
            double bestDenominator = 0;
            for (ImageCovering image : images) {
                averageNumerator += image.averageNumerator(k);
                averageDenominator += image.averageDenominator();
                bestNumerator += image.bestTruthNumerator(k);
                bestDenominator += image.pixels();
            }
            byKAverage.add(averageNumerator / averageDenominator);
            byKBestTruth.add(bestNumerator / bestDenominator);
        }
        int odsK = argmax(byKAverage);
        int odsKBestTruth = argmax(byKBestTruth);

        double oisAverageNumerator = 0;
        double oisBestNumerator = 0;
        double bestAverageNumerator = 0;
        double bestBestNumerator = 0;
        double averageDenominator = 0;
        double pixels = 0;
        for (ImageCovering image : images) {
            oisAverageNumerator += image.averageNumerator(image.oisK());
            oisBestNumerator += image.bestTruthNumerator(image.oisKBestTruth());
            bestAverageNumerator += image.bestAverageNumerator();
            bestBestNumerator += image.bestBestTruthNumerator();
            averageDenominator += image.averageDenominator();
            pixels += image.pixels();
        }
        return new CoveringScores(images.size(), odsK, byKAverage.get(odsK - 1), odsKBestTruth,
                byKBestTruth.get(odsKBestTruth - 1), oisAverageNumerator / averageDenominator,
                oisBestNumerator / pixels, bestAverageNumerator / averageDenominator, bestBestNumerator / pixels,
                byKAverage, byKBestTruth);
    }

    /** The 1-based position of the largest value, the first on ties. */
    private static int argmax(List<Double> values) {
        int best = 0;
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i) > values.get(best)) {
                best = i;
            }
        }
        return best + 1;
    }
}
