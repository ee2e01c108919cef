package org.mbp.io;

import java.util.Arrays;

/**
 * A 2-D array of doubles in row-major order, as read from or written to a file: the boundary
 * type between files and backends.
 */
public record DenseMatrix(int rows, int cols, double[] values) {

    /**
     * Checks that the values fill rows×cols.
     *
     * @param rows the number of rows
     * @param cols the number of columns
     * @param values the values
     */
    public DenseMatrix {
        if (rows < 0 || cols < 0 || values.length != (long) rows * cols) {
            throw new IllegalArgumentException("a " + rows + "×" + cols + " matrix needs "
                    + (long) rows * cols + " values, got " + values.length);
        }
    }

    /**
     * The entry at ({@code row}, {@code col}).
     *
     * @param row the row
     * @param col the col
     * @return the entry at ({@code row}, {@code col})
     */
    public double get(int row, int col) {
        return values[row * cols + col];
    }

    /**
     * "169×256".
     *
     * @return "169×256"
     */
    public String shape() {
        return rows + "×" + cols;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenseMatrix m && m.rows == rows && m.cols == cols
                && Arrays.equals(m.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "DenseMatrix[" + shape() + "]";
    }
}
