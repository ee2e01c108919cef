package org.mbp.precise;

import org.hipparchus.CalculusFieldElement;

/**
 * A dense row-major matrix over a Hipparchus field: {@code Dfp} for high precision, {@code Gradient}
 * for forward-mode derivatives. Treated as immutable by {@link FieldOps}.
 */
public record FieldDense<T extends CalculusFieldElement<T>>(int rows, int cols, T[] data) {

    public FieldDense {
        if (data.length != rows * cols) {
            throw new IllegalArgumentException(rows + "×" + cols + " matrix with " + data.length + " entries");
        }
    }

    public T get(int row, int col) {
        return data[row * cols + col];
    }

    @Override
    public String toString() {
        return "FieldDense[" + rows + "×" + cols + "]";
    }
}
