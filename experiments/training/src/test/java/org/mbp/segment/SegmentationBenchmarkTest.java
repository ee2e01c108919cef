package org.mbp.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ODS, OIS and Best on a two-image dataset worked out by hand. Numerators are Σ_R |R|·overlap
 * (covering times N). Tolerance 1e-15: sums of a few exact ratios.
 *
 * <p>Image 1 (1×4, N = 4), truths G1 = [0 0 1 1], G2 = [0 1 1 1]; machine k=1 [0 0 0 0],
 * k=2 [0 0 1 1], k=3 [0 1 2 3]:
 * <pre>
 *        G1                       G2                                  avg num   best num
 * k=1    2·1/2 + 2·1/2 = 2        1·1/4 + 3·3/4 = 5/2                 9/2       5/2
 * k=2    4                        1·1/2 + 3·2/3 = 5/2                 13/2      4
 * k=3    2·1/2 + 2·1/2 = 2        1·1 + 3·1/3 = 2                     4         2
 * Best   2·1 + 2·1 = 4            1·1 + 3·3/4 = 13/4 (k=3, k=1)       29/4      4
 * </pre>
 * averages over S·N = 8, best over N = 4. Image 2 (1×2, N = 2), truth [0 1]; machine k=1 [0 1]
 * (numerator 2), k=2 and k=3 [0 0] (numerator 1·1/2 + 1·1/2 = 1); S·N = N = 2.
 *
 * <p>Dataset, averaged ground truths (denominator 8 + 2 = 10): k=1 (9/2 + 2)/10 = 13/20, k=2
 * (13/2 + 1)/10 = 3/4, k=3 (4 + 1)/10 = 1/2, so ODS = 3/4 at k = 2; OIS (13/2 + 2)/10 = 17/20;
 * Best (29/4 + 2)/10 = 37/40. Best ground truth (denominator 4 + 2 = 6): k=1 (5/2 + 2)/6 = 3/4,
 * k=2 (4 + 1)/6 = 5/6, k=3 (2 + 1)/6 = 1/2, ODS 5/6 at k = 2; OIS (4 + 2)/6 = 1; Best (4 + 2)/6 = 1.
 * A mean of per-image OIS would give (13/16 + 1)/2 = 29/32 instead of 17/20.
 */
class SegmentationBenchmarkTest {

    private static final double EXACT = 1e-15;

    private static LabelMap row(int... labels) {
        return new LabelMap(labels.length, 1, labels);
    }

    private static final List<LabelMap> MACHINE_1 = List.of(row(0, 0, 0, 0), row(0, 0, 1, 1), row(0, 1, 2, 3));
    private static final List<LabelMap> TRUTHS_1 = List.of(row(0, 0, 1, 1), row(0, 1, 1, 1));
    private static final List<LabelMap> MACHINE_2 = List.of(row(0, 1), row(0, 0), row(0, 0));
    private static final List<LabelMap> TRUTHS_2 = List.of(row(0, 1));

    @Test
    void perImageFiguresMatchTheHandComputation() {
        ImageCovering image = ImageCovering.of(MACHINE_1, TRUTHS_1);
        assertEquals(3, image.levels());
        assertEquals(2, image.truths());
        assertEquals(0.5, image.covering(1, 1), EXACT);
        assertEquals(5.0 / 8, image.covering(1, 2), EXACT);
        assertEquals(5.0 / 8, image.covering(2, 2), EXACT);
        assertEquals(0.5, image.covering(3, 2), EXACT);
        assertEquals(9.0 / 16, image.averageOverTruths(1), EXACT);
        assertEquals(13.0 / 16, image.averageOverTruths(2), EXACT);
        assertEquals(5.0 / 8, image.bestOverTruths(1), EXACT);
        assertEquals(1.0, image.bestOverTruths(2), EXACT);
        assertEquals(2, image.oisK());
        assertEquals(2, image.oisKBestTruth());
        assertEquals(29.0 / 32, image.bestAverage(), EXACT);
        assertEquals(1.0, image.bestBestTruth(), EXACT);
        assertEquals(8, image.averageDenominator());
        assertEquals(1.0 / 4, image.overlaps(1, 2).overlap(0), EXACT);
        assertEquals(3.0 / 4, image.overlaps(1, 2).overlap(1), EXACT);
    }

    @Test
    void datasetFiguresAreAreaWeightedSums() {
        CoveringScores scores = SegmentationBenchmark.evaluate(List.of(MACHINE_1, MACHINE_2), List.of(TRUTHS_1, TRUTHS_2));
        assertEquals(2, scores.images());
        assertEquals(13.0 / 20, scores.datasetAverageByK().get(0), EXACT);
        assertEquals(3.0 / 4, scores.datasetAverageByK().get(1), EXACT);
        assertEquals(1.0 / 2, scores.datasetAverageByK().get(2), EXACT);
        assertEquals(2, scores.odsK());
        assertEquals(3.0 / 4, scores.odsAverage(), EXACT);
        assertEquals(3.0 / 4, scores.datasetBestTruthByK().get(0), EXACT);
        assertEquals(2, scores.odsKBestTruth());
        assertEquals(5.0 / 6, scores.odsBestTruth(), EXACT);
        assertEquals(17.0 / 20, scores.oisAverage(), EXACT);
        assertEquals(1.0, scores.oisBestTruth(), EXACT);
        assertEquals(37.0 / 40, scores.bestAverage(), EXACT);
        assertEquals(1.0, scores.bestBestTruth(), EXACT);
    }

    /**
     * Image 2 with only k = 1: ODS compares k = 1 alone, (9/2 + 2)/10 = 13/20 (best truth 3/4);
     * OIS and Best still use image 1's k = 2, 3.
     */
    @Test
    void odsUsesOnlyTheLevelsEveryImageHas() {
        CoveringScores scores = SegmentationBenchmark.evaluate(List.of(MACHINE_1, MACHINE_2.subList(0, 1)),
                List.of(TRUTHS_1, TRUTHS_2));
        assertEquals(1, scores.datasetAverageByK().size());
        assertEquals(1, scores.odsK());
        assertEquals(13.0 / 20, scores.odsAverage(), EXACT);
        assertEquals(3.0 / 4, scores.odsBestTruth(), EXACT);
        assertEquals(17.0 / 20, scores.oisAverage(), EXACT);
        assertEquals(37.0 / 40, scores.bestAverage(), EXACT);
    }

    @Test
    void refusesMismatchedInput() {
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> SegmentationBenchmark
                .evaluate(List.of(MACHINE_1, List.of(row(0, 1, 2))), List.of(TRUTHS_1, TRUTHS_2)));
        assertTrue(size.getMessage().contains("image 2: machine segmentation k=1 is 3×1 but ground truth 1 is 2×1"),
                size.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SegmentationBenchmark.evaluate(List.of(MACHINE_1), List.of()));
        assertThrows(IllegalArgumentException.class, () -> ImageCovering.of(List.of(), TRUTHS_1));
        assertThrows(IllegalArgumentException.class, () -> SegmentationBenchmark.score(List.of()));
    }
}
