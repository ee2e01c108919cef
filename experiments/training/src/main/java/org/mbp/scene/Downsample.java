package org.mbp.scene;

import java.util.Arrays;

/**
 * Ground truth at a reduced resolution, as the segmentation matrix E of §6: an image of
 * width×height pixels is cut into an r×r grid of blocks of (width/r)×(height/r) pixels
 * (both must divide), and location i = row·r + column of the grid is one row of E.
 *
 * <p>{@link #hard}: E_ij = 1 when segment j is the majority label of block i (ties to the
 * smallest label), else 0; columns are the labels that win at least one block, so every
 * column of E is non-zero and EᵀDE is invertible. {@link #soft}: E_ij = the fraction of
 * block i's pixels in segment j; columns are all labels present in the image; rows sum to 1.
 */
public final class Downsample {

    private Downsample() {
    }

    /**
     * The majority label of each block, row-major over the r×r grid (ties to the smallest label).
     *
     * @param labels the labels
     * @param width the width
     * @param height the height
     * @param r the row
     * @return the majority label of each block, row-major over the r×r grid (ties to the smallest
     *         label)
     */
    public static int[] majority(int[] labels, int width, int height, int r) {
        int[][] counts = blockCounts(labels, width, height, r);
        int[] winners = new int[r * r];
        for (int i = 0; i < winners.length; i++) {
            int best = 0;
            for (int label = 1; label < counts[i].length; label++) {
                if (counts[i][label] > counts[i][best]) {
                    best = label;
                }
            }
            winners[i] = best;
        }
        return winners;
    }

    /**
     * The hard segmentation matrix: one 1 per row, in the column of the block's majority label.
     *
     * @param labels the labels
     * @param width the width
     * @param height the height
     * @param r the row
     * @return the hard segmentation matrix: one 1 per row, in the column of the block's majority
     *         label
     */
    public static SegmentationMatrix hard(int[] labels, int width, int height, int r) {
        int[] winners = majority(labels, width, height, r);
        int[] segments = Arrays.stream(winners).distinct().sorted().toArray();
        double[] values = new double[winners.length * segments.length];
        for (int i = 0; i < winners.length; i++) {
            values[i * segments.length + Arrays.binarySearch(segments, winners[i])] = 1;
        }
        return new SegmentationMatrix(winners.length, segments.length, values, segments);
    }

    /**
     * The soft segmentation matrix: the fraction of each block in each segment present in the image.
     *
     * @param labels the labels
     * @param width the width
     * @param height the height
     * @param r the row
     * @return the soft segmentation matrix: the fraction of each block in each segment present in
     *         the image
     */
    public static SegmentationMatrix soft(int[] labels, int width, int height, int r) {
        int[][] counts = blockCounts(labels, width, height, r);
        int[] segments = Arrays.stream(labels).distinct().sorted().toArray();
        double blockArea = (double) (width / r) * (height / r);
        double[] values = new double[counts.length * segments.length];
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < segments.length; j++) {
                values[i * segments.length + j] = counts[i][segments[j]] / blockArea;
            }
        }
        return new SegmentationMatrix(counts.length, segments.length, values, segments);
    }

    /** counts[i][label]: the pixels of block i with that label. */
    private static int[][] blockCounts(int[] labels, int width, int height, int r) {
        if (width <= 0 || height <= 0 || labels.length != (long) width * height) {
            throw new IllegalArgumentException("label map of " + labels.length + " pixels does not match "
                    + width + "×" + height);
        }
        if (r <= 0 || width % r != 0 || height % r != 0) {
            throw new IllegalArgumentException("a " + width + "×" + height + " label map cannot be cut into an "
                    + r + "×" + r + " grid of equal blocks");
        }
        int labelCount = 0;
        for (int p = 0; p < labels.length; p++) {
            if (labels[p] < 0) {
                throw new IllegalArgumentException("label map: pixel " + p + " (row " + p / width + ", column "
                        + p % width + ") has negative label " + labels[p]);
            }
            labelCount = Math.max(labelCount, labels[p] + 1);
        }
        int blockWidth = width / r;
        int blockHeight = height / r;
        int[][] counts = new int[r * r][labelCount];
        for (int p = 0; p < labels.length; p++) {
            int block = (p / width / blockHeight) * r + (p % width) / blockWidth;
            counts[block][labels[p]]++;
        }
        return counts;
    }
}
