package org.mbp.backend;

/**
 * The argument checks of {@link MatrixOps#gather} and {@link MatrixOps#scatterAdd}, shared by every
 * backend. An index of {@link #ZERO} stands for a zero entry (gather) or a dropped one (scatter-add).
 */
public final class Gather {

    /** The index of a zero entry: the padding of a patch matrix. */
    public static final int ZERO = -1;

    private Gather() {
    }

    /**
     * Fails unless {@code index} has {@code rows·cols} entries, each in {@code [0, size)} or
     * {@link #ZERO}; returns {@code rows·cols}.
     *
     * @throws IllegalArgumentException naming the first bad entry
     */
    public static int requireIndex(int[] index, int rows, int cols, long size) {
        if (rows < 0 || cols < 0 || (long) rows * cols != index.length) {
            throw new IllegalArgumentException("gather: a " + rows + "×" + cols + " result needs " + (long) rows * cols
                    + " indices, got " + index.length);
        }
        requireInside("gather", index, size);
        return index.length;
    }

    /**
     * Fails unless {@code index} has one entry per entry of the source ({@code size}), each in
     * {@code [0, rows·cols)} or {@link #ZERO}; returns {@code rows·cols}.
     *
     * @throws IllegalArgumentException naming the first bad entry
     */
    public static int requireScatterIndex(int[] index, long size, int rows, int cols) {
        if (rows < 0 || cols < 0 || index.length != size) {
            throw new IllegalArgumentException("scatterAdd: a matrix of " + size + " entries needs as many indices, got "
                    + index.length);
        }
        requireInside("scatterAdd", index, (long) rows * cols);
        return rows * cols;
    }

    private static void requireInside(String op, int[] index, long size) {
        for (int k = 0; k < index.length; k++) {
            if (index[k] < ZERO || index[k] >= size) {
                throw new IllegalArgumentException(op + ": index " + k + " is " + index[k] + ", outside a matrix of "
                        + size + " entries");
            }
        }
    }
}
