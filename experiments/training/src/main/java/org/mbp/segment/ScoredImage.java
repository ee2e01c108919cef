package org.mbp.segment;

import java.nio.file.Path;
import java.util.List;

/**
 * One image's machine segmentations (element k-1 for parameter k) scored against its ground truths
 * by segmentation covering, all read from label-map files ({@link LabelMapFiles}) of one size.
 */
public record ScoredImage(List<LabelMap> predictions, List<LabelMap> truths, ImageCovering covering) {

    /**
     * Reads and scores the files.
     *
     * @param predictionFiles the prediction files
     * @param truthFiles the truth files
     * @return and scores the files
     * @throws SegmentationFileException naming a file that cannot be read
     * @throws IllegalArgumentException  naming a file whose size differs from the first ground truth's
     */
    public static ScoredImage read(List<Path> predictionFiles, List<Path> truthFiles) {
        List<LabelMap> truths = truthFiles.stream().map(LabelMapFiles::read).toList();
        List<LabelMap> predictions = predictionFiles.stream().map(LabelMapFiles::read).toList();
        requireSize(truthFiles, truths, truthFiles.get(0), truths.get(0));
        requireSize(predictionFiles, predictions, truthFiles.get(0), truths.get(0));
        return new ScoredImage(predictions, truths, ImageCovering.of(predictions, truths));
    }

    private static void requireSize(List<Path> files, List<LabelMap> maps, Path referenceFile, LabelMap reference) {
        for (int i = 0; i < maps.size(); i++) {
            LabelMap map = maps.get(i);
            if (!map.sameSize(reference)) {
                throw new IllegalArgumentException(files.get(i) + " is " + map.width() + "×" + map.height()
                        + " but " + referenceFile + " is " + reference.width() + "×" + reference.height());
            }
        }
    }
}
