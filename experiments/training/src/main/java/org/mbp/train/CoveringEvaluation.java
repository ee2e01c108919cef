package org.mbp.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mbp.layer.BatchExecutor;
import org.mbp.scene.Scene;
import org.mbp.scene.SpectralClustering;
import org.mbp.segment.CoveringScores;
import org.mbp.segment.ImageCovering;
import org.mbp.segment.LabelMap;
import org.mbp.segment.SegmentationBenchmark;

/**
 * The §7.2 inference and its score: an affinity W on the r×r grid of a scene → spectral
 * clustering of {@code D^{-1/2} W D^{-1/2}} into k = 1..8 segments (the paper's eight
 * segmentations) → each upsampled to the image (nearest neighbour) and split into its
 * 4-connected components → segmentation covering against every annotator (ODS, OIS, Best).
 */
public final class CoveringEvaluation {

    private final SpectralClustering clustering;

    /**
     * An evaluation that segments with {@code clustering}.
     *
     * @param clustering the clustering
     */
    public CoveringEvaluation(SpectralClustering clustering) {
        this.clustering = clustering;
    }

    /**
     * The covering scores of the segmentations that {@code affinity} gives each scene.
     *
     * @param scenes training scenes to generate, or the cap on BSDS300's; at least 1
     * @param affinity the affinity matrix
     * @param r the row
     * @param executor the executor
     * @return the covering scores of the segmentations that {@code affinity} gives each scene
     */
    public CoveringScores scores(List<Scene> scenes, Function<Scene, double[]> affinity, int r,
            BatchExecutor executor) {
        List<ImageCovering> images = executor.map(scenes, s -> {
            List<LabelMap> truths = s.annotations().stream().map(a -> new LabelMap(s.width(), s.height(), a)).toList();
            return ImageCovering.of(segmentations(s, affinity.apply(s), r), truths);
        });
        return SegmentationBenchmark.score(images);
    }

    /**
     * The segmentations of a scene for k = 1..8, at the scene's resolution, from its r×r affinity.
     *
     * @param s the value s
     * @param affinity the affinity matrix
     * @param r the row
     * @return the segmentations of a scene for k = 1..8, at the scene's resolution, from its r×r
     *         affinity
     */
    public List<LabelMap> segmentations(Scene s, double[] affinity, int r) {
        return clustering.segment(affinity, r * r).stream()
                .map(labels -> new LabelMap(r, r, labels).upsampledTo(s.width(), s.height()).connectedComponents())
                .toList();
    }

    /**
     * The scores as per-epoch columns: ODS, OIS and Best, averaged over and best of the ground truths.
     *
     * @param s the value s
     * @param prefix the prefix
     * @return the scores as per-epoch columns: ODS, OIS and Best, averaged over and best of the
     *         ground truths
     */
    public static Map<String, Double> columns(CoveringScores s, String prefix) {
        Map<String, Double> m = new LinkedHashMap<>();
        double[] figures = CoveringFigures.of(s).values();
        for (int i = 0; i < figures.length; i++) {
            m.put(prefix + CoveringFigures.COLUMNS.get(i), figures[i]);
        }
        m.put(prefix + "ods_k", (double) s.odsK());
        return m;
    }
}
