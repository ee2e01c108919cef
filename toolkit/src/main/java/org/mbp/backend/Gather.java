package org.mbp.backend;

import java.util.function.IntConsumer;
import java.util.function.IntToDoubleFunction;

/**
 * The argument checks of {@link MatrixOps#gather}, {@link MatrixOps#scatterAdd} and
 * {@link MatrixOps#argMaxMask}, shared by every backend, and the arg-max selection itself. An
 * index of {@link #ZERO} stands for a zero entry (gather) or a dropped one (scatter-add).
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

    /**
     * The arg-max of each group of {@link MatrixOps#argMaxMask}: {@code members} lists the groups
     * one after another, {@code size} indices each; for each group in turn, {@code selected}
     * receives the index of its largest value, the first in the group's order at ties (a NaN is
     * never larger).
     *
     * @param members the groups' indices, one group after another
     * @param size the number of indices in a group
     * @param entries how many values there are (every index lies below)
     * @param value the value at an index
     * @param selected receives each group's arg-max, group by group
     * @throws IllegalArgumentException when {@code size} is not positive, the members do not split
     *                                  into groups of {@code size}, or an index is outside the values
     */
    public static void argMax(int[] members, int size, long entries, IntToDoubleFunction value, IntConsumer selected) {
        if (size <= 0 || members.length % size != 0) {
            throw new IllegalArgumentException("argMaxMask: " + members.length + " indices do not split into groups of "
                    + size);
        }
        for (int start = 0; start < members.length; start += size) {
            int best = inside("argMaxMask", start, members[start], entries);
            double largest = value.applyAsDouble(best);
            for (int m = start + 1; m < start + size; m++) {
                int i = inside("argMaxMask", m, members[m], entries);
                double v = value.applyAsDouble(i);
                if (v > largest) {
                    best = i;
                    largest = v;
                }
            }
            selected.accept(best);
        }
    }
}
