package org.mbp.scene;

import org.ejml.data.DMatrixRMaj;

/**
 * The paper's segmentation matrix E (§6, eq. 48): one row per location of a reduced grid
 * (row-major over the grid), one column per segment; {@code segments[j]} is the original label
 * of column j, in increasing order.
 *
 * @param rows     the number of locations
 * @param cols     the number of segments
 * @param values   E row-major, rows×cols
 * @param segments the original label of each column
 */
public record SegmentationMatrix(int rows, int cols, double[] values, int[] segments) {

    /**
     * Checks that the shapes agree.
     *
     * @param rows the number of rows
     * @param cols the number of columns
     * @param values the values
     * @param segments the segments
     */
    public SegmentationMatrix {
        if (rows < 0 || cols < 0 || values.length != rows * cols || segments.length != cols) {
            throw new IllegalArgumentException("segmentation matrix " + rows + "×" + cols + " with " + values.length
                    + " values and " + segments.length + " segment labels");
        }
    }

    /**
     * Entry (i, j).
     *
     * @param i the index
     * @param j the second index
     * @return entry (i, j)
     */
    public double get(int i, int j) {
        return values[i * cols + j];
    }

    /**
     * E as an EJML matrix sharing this record's values.
     *
     * @return E as an EJML matrix sharing this record's values
     */
    public DMatrixRMaj toMatrix() {
        return DMatrixRMaj.wrap(rows, cols, values);
    }
}
