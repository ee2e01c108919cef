package org.mbp.backend;

/** The argument check of {@link MatrixOps#gather}, shared by every backend. */
public final class Gather {

    private Gather() {
    }

    /**
     * Fails unless {@code index} has {@code rows·cols} entries, each in {@code [0, size)}; returns
     * {@code rows·cols}.
     *
     * @throws IllegalArgumentException naming the first bad entry
     */
    public static int requireIndex(int[] index, int rows, int cols, long size) {
        if (rows < 0 || cols < 0 || (long) rows * cols != index.length) {
            throw new IllegalArgumentException("gather: a " + rows + "×" + cols + " result needs " + (long) rows * cols
                    + " indices, got " + index.length);
        }
        for (int k = 0; k < index.length; k++) {
            if (index[k] < 0 || index[k] >= size) {
                throw new IllegalArgumentException("gather: index " + k + " is " + index[k] + ", outside a matrix of "
                        + size + " entries");
            }
        }
        return index.length;
    }
}
