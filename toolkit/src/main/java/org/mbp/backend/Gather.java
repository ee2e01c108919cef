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
     * @param index the index
     * @param rows the number of rows
     * @param cols the number of columns
     * @param size the size
     * @return {@code rows·cols}
     * @throws IllegalArgumentException naming the first bad entry
     */
    public static int requireIndex(int[] index, int rows, int cols, long size) {
        requireCount(index, rows, cols);
        for (int k = 0; k < index.length; k++) {
            if (index[k] != ZERO) {
                inside("gather", k, index[k], size);
            }
        }
        return index.length;
    }

    /**
     * Fails unless {@code index} has {@code rows·cols} entries (a gather's result size); the
     * entries are then checked with {@link #inside} as they are read.
     *
     * @param index the index
     * @param rows the number of rows
     * @param cols the number of columns
     * @return {@code rows·cols}
     * @throws IllegalArgumentException for a wrong count
     */
    public static int requireCount(int[] index, int rows, int cols) {
        if (rows < 0 || cols < 0 || (long) rows * cols != index.length) {
            throw new IllegalArgumentException("gather: a " + rows + "×" + cols + " result needs " + (long) rows * cols
                    + " indices, got " + index.length);
        }
        return index.length;
    }

    /**
     * Fails unless {@code index} has one entry per entry of the source ({@code size}); returns
     * {@code rows·cols}, the entries then checked with {@link #inside} as they are read.
     *
     * @param index the index
     * @param size the size
     * @param rows the number of rows
     * @param cols the number of columns
     * @return {@code rows·cols}
     * @throws IllegalArgumentException for a wrong count
     */
    public static int requireScatterCount(int[] index, long size, int rows, int cols) {
        if (rows < 0 || cols < 0 || index.length != size) {
            throw new IllegalArgumentException("scatterAdd: a matrix of " + size + " entries needs as many indices, got "
                    + index.length);
        }
        return rows * cols;
    }

    /**
     * {@code i}, the k-th index of {@code op}, when it lies in {@code [0, size)}.
     *
     * @param op the operation
     * @param k the number k
     * @param i the index
     * @param size the size
     * @return {@code i}, the k-th index of {@code op}, when it lies in {@code [0, size)}
     * @throws IllegalArgumentException naming it otherwise
     */
    public static int inside(String op, int k, int i, long size) {
        if (i < 0 || i >= size) {
            throw new IllegalArgumentException(op + ": index " + k + " is " + i + ", outside a matrix of " + size
                    + " entries");
        }
        return i;
    }
}
