package org.mbp.train;

import java.util.List;
import org.mbp.segment.CoveringScores;

/**
 * The six dataset figures of a segmentation covering (Arbelaez et al. 2011) that a row of
 * Table 2 shows: ODS, OIS and Best with the ground truths averaged, then with the best-covered
 * ground truth. Stored per epoch as the columns {@link #COLUMNS}, after a prefix.
 */
public record CoveringFigures(double ods, double ois, double best, double odsBestTruth, double oisBestTruth,
        double bestBestTruth) {

    /** The per-epoch column of each figure, in the order of the components; the first three average. */
    static final List<String> COLUMNS = List.of("covering_ods", "covering_ois", "covering_best",
            "covering_ods_best_gt", "covering_ois_best_gt", "covering_best_best_gt");

    /**
     * The dataset-level figures of covering scores.
     *
     * @param s the value s
     * @return the dataset-level figures of covering scores
     */
    public static CoveringFigures of(CoveringScores s) {
        return new CoveringFigures(s.odsAverage(), s.oisAverage(), s.bestAverage(), s.odsBestTruth(),
                s.oisBestTruth(), s.bestBestTruth());
    }

    /** The figures an epoch recorded in the columns {@code prefix + COLUMNS}. */
    static CoveringFigures of(Epoch epoch, String prefix) {
        double[] v = COLUMNS.stream().mapToDouble(c -> epoch.value(prefix + c)).toArray();
        return new CoveringFigures(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    /** The figures in the order of {@link #COLUMNS}. */
    double[] values() {
        return new double[] {ods, ois, best, odsBestTruth, oisBestTruth, bestBestTruth};
    }
}
