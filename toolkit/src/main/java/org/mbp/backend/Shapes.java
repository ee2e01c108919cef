package org.mbp.backend;

import java.util.List;

/**
 * The shape checks of the {@link MatrixOps} operations, shared by every backend. Each fails with
 * a {@link ShapeMismatchException} whose one line names the operation and the shapes, so that a
 * wrong argument reads the same on every backend.
 */
public final class Shapes {

    private Shapes() {
    }

    /** {@code "rows×cols"}. */
    private static String of(int rows, int cols) {
        return rows + "×" + cols;
    }

    private static <M> String of(MatrixOps<M> ops, M a) {
        return of(ops.rows(a), ops.cols(a));
    }

    /**
     * The rows of each block of a stack of {@code count} blocks, failing unless the stack's rows
     * are a positive multiple of {@code count}.
     *
     * @param rows the rows of the stack
     * @param count the number of blocks
     * @param op the operation
     * @return the rows of one block
     * @throws ShapeMismatchException when {@code rows} is not a multiple of a positive {@code count}
     */
    public static int blockRows(int rows, int count, String op) {
        if (count < 1 || rows % count != 0) {
            throw new ShapeMismatchException(op + ": a stack of " + rows + " rows does not hold " + count
                    + " blocks of equal height");
        }
        return rows / count;
    }

    /**
     * Fails unless {@code a} and {@code b} have the same shape (the entry-wise operations).
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param op the operation
     * @param a the matrix A
     * @param b the matrix B
     */
    public static <M> void requireSameShape(MatrixOps<M> ops, String op, M a, M b) {
        if (ops.rows(a) != ops.rows(b) || ops.cols(a) != ops.cols(b)) {
            throw new ShapeMismatchException(op + ": shapes differ, " + of(ops, a) + " vs " + of(ops, b));
        }
    }

    /**
     * Fails unless {@code v} is a {@code length × 1} vector.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param op the operation
     * @param v the vector or value
     * @param length the length
     */
    public static <M> void requireVector(MatrixOps<M> ops, String op, M v, int length) {
        if (ops.cols(v) != 1 || ops.rows(v) != length) {
            throw new ShapeMismatchException(op + ": expected a " + of(length, 1) + " vector, got " + of(ops, v));
        }
    }

    /**
     * Fails unless {@code a} is square; returns its order.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param op the operation
     * @param a the matrix A
     * @return the order of the square matrix
     */
    public static <M> int requireSquare(MatrixOps<M> ops, String op, M a) {
        int n = ops.rows(a);
        if (ops.cols(a) != n) {
            throw new ShapeMismatchException(op + ": matrix is " + of(ops, a) + ", not square");
        }
        return n;
    }

    /**
     * Fails unless {@code op(A) op(B)} is defined, {@code op} the transpose where asked.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param op the operation
     * @param a the matrix A
     * @param transA whether to transpose the first operand
     * @param b the matrix B
     * @param transB whether to transpose the second operand
     */
    public static <M> void requireProduct(MatrixOps<M> ops, String op, M a, boolean transA, M b, boolean transB) {
        requireProduct(op, ops.rows(a), ops.cols(a), transA, ops.rows(b), ops.cols(b), transB);
    }

    /**
     * Fails unless {@code op(A) op(B)} is defined for A {@code aRows × aCols} and B
     * {@code bRows × bCols}: the inner dimensions agree.
     *
     * @param op the operation
     * @param aRows the a rows
     * @param aCols the a cols
     * @param transA whether to transpose the first operand
     * @param bRows the b rows
     * @param bCols the b cols
     * @param transB whether to transpose the second operand
     */
    public static void requireProduct(String op, int aRows, int aCols, boolean transA, int bRows, int bCols,
            boolean transB) {
        int k = transA ? aRows : aCols;
        int kB = transB ? bCols : bRows;
        if (k != kB) {
            throw new ShapeMismatchException(op + ": inner dimensions differ, " + (transA ? "Aᵀ " : "A ")
                    + of(transA ? aCols : aRows, k) + " and " + (transB ? "Bᵀ " : "B ")
                    + of(kB, transB ? bRows : bCols));
        }
    }

    /**
     * Fails unless {@code A B} is square: B has the shape of {@code Aᵀ}.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param op the operation
     * @param a the matrix A
     * @param b the matrix B
     */
    public static <M> void requireSquareProduct(MatrixOps<M> ops, String op, M a, M b) {
        if (ops.rows(b) != ops.cols(a) || ops.cols(b) != ops.rows(a)) {
            throw new ShapeMismatchException(op + ": " + of(ops, a) + " times " + of(ops, b) + " is not square");
        }
    }

    /**
     * Fails unless rows {@code [r0, r1)} and columns {@code [c0, c1)} lie inside {@code a}.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param op the operation
     * @param a the matrix A
     * @param r0 the first row
     * @param r1 the end row
     * @param c0 the first column
     * @param c1 the end column
     */
    public static <M> void requireBlock(MatrixOps<M> ops, String op, M a, int r0, int r1, int c0, int c1) {
        if (r0 < 0 || r1 < r0 || r1 > ops.rows(a) || c0 < 0 || c1 < c0 || c1 > ops.cols(a)) {
            throw new ShapeMismatchException(op + ": rows [" + r0 + ", " + r1 + ") and columns [" + c0 + ", " + c1
                    + ") of a " + of(ops, a) + " matrix");
        }
    }

    /**
     * Fails unless {@code left} and {@code right} have as many rows (to stand side by side).
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param op the operation
     * @param left the left one
     * @param right the right one
     */
    public static <M> void requireSameRows(MatrixOps<M> ops, String op, M left, M right) {
        if (ops.rows(left) != ops.rows(right)) {
            throw new ShapeMismatchException(op + ": " + of(ops, left) + " beside " + of(ops, right)
                    + ", the rows differ");
        }
    }

    /**
     * Fails unless there is at least one block and all have the same number of columns.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend
     * @param op the operation
     * @param blocks the blocks
     * @throws ShapeMismatchException when there is no block or the columns differ
     */
    public static <M> void requireStackable(MatrixOps<M> ops, String op, List<M> blocks) {
        if (blocks.isEmpty()) {
            throw new ShapeMismatchException(op + ": no matrices to stack");
        }
        M first = blocks.get(0);
        for (M b : blocks) {
            if (ops.cols(b) != ops.cols(first)) {
                throw new ShapeMismatchException(op + ": " + of(ops, first) + " above " + of(ops, b)
                        + ", the columns differ");
            }
        }
    }

    /**
     * Fails unless {@code count} values fill a {@code rows × cols} matrix of a non-negative shape.
     *
     * @param op the operation
     * @param rows the number of rows
     * @param cols the number of columns
     * @param count the count
     */
    public static void requireValueCount(String op, int rows, int cols, int count) {
        if (rows < 0 || cols < 0 || (long) rows * cols != count) {
            throw new ShapeMismatchException(op + ": " + count + " values for a " + of(rows, cols) + " matrix");
        }
    }
}
