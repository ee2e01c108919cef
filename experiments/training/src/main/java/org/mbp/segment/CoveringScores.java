package org.mbp.segment;

import java.util.List;

/**
 * Segmentation covering of a dataset (Arbelaez et al., PAMI 2011, Table 2): ODS, OIS and Best,
 * each with the ground truths of an image combined by their <i>average</i> (as in the BSR
 * benchmark) or by their <i>best</i> (the ground truth covered best). Every dataset figure is
 * area-weighted, Σ_images numerator / Σ_images denominator, as in the BSR code; see
 * {@link SegmentationBenchmark} for the definitions.
 *
 * @param images                 the number of images
 * @param odsK                   the one k for the whole dataset that maximises {@link #odsAverage}
 * @param odsAverage             ODS, ground truths averaged
 * @param odsKBestTruth          the one k that maximises {@link #odsBestTruth}
 * @param odsBestTruth           ODS, best ground truth per image
 * @param oisAverage             OIS (each image at its own best k), ground truths averaged
 * @param oisBestTruth           OIS, best ground truth per image
 * @param bestAverage            Best (each ground-truth region at its best k), ground truths averaged
 * @param bestBestTruth          Best, best ground truth per image
 * @param datasetAverageByK      element k-1: the dataset covering at k, ground truths averaged
 * @param datasetBestTruthByK    element k-1: the dataset covering at k, best ground truth per image
 */
public record CoveringScores(int images, int odsK, double odsAverage, int odsKBestTruth, double odsBestTruth,
        double oisAverage, double oisBestTruth, double bestAverage, double bestBestTruth,
        List<Double> datasetAverageByK, List<Double> datasetBestTruthByK) {

    /**
     * Copies the lists.
     *
     * @param images the images
     * @param odsK the one k for the whole dataset that maximises {@link #odsAverage}
     * @param odsAverage ODS, ground truths averaged
     * @param odsKBestTruth the one k that maximises {@link #odsBestTruth}
     * @param odsBestTruth ODS, best ground truth per image
     * @param oisAverage OIS (each image at its own best k), ground truths averaged
     * @param oisBestTruth OIS, best ground truth per image
     * @param bestAverage Best (each ground-truth region at its best k), ground truths averaged
     * @param bestBestTruth Best, best ground truth per image
     * @param datasetAverageByK element k-1: the dataset covering at k, ground truths averaged
     * @param datasetBestTruthByK element k-1: the dataset covering at k, best ground truth per
     *                            image
     */
    public CoveringScores {
        datasetAverageByK = List.copyOf(datasetAverageByK);
        datasetBestTruthByK = List.copyOf(datasetBestTruthByK);
    }
}
