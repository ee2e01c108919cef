package org.mbp.precise;

import org.hipparchus.CalculusFieldElement;

/**
 * A dense row-major matrix over a Hipparchus field: {@code Dfp} for high precision, {@code Gradient}
 * for forward-mode derivatives. Treated as immutable by {@link FieldOps}.
 */
public record FieldDense<T extends CalculusFieldElement<T>>(int rows, int cols, T[] data) {

    /**
     * Checks that the values fill rows×cols.
     *
     * @param rows the number of rows
     * @param cols the number of columns
     * @param data the data
     */
    public FieldDense {
        if (data.length != rows * cols) {
            throw new IllegalArgumentException(rows + "×" + cols + " matrix with " + data.length + " entries");
        }
    }

    /**
     * The entry at ({@code row}, {@code col}).
     *
     * @param row the row
     * @param col the col
     * @return the entry at ({@code row}, {@code col})
     */
    public T get(int row, int col) {
        return data[row * cols + col];
    }

    @Override
    public String toString() {
        return "FieldDense[" + rows + "×" + cols + "]";
    }
}
