package org.mbp.nn;

import org.mbp.backend.MatrixOps;
import org.mbp.layer.Layer;
import org.mbp.layer.LinearLayer;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Structure;

/**
 * The upper triangle (diagonal included) of a symmetric d×d matrix as a
 * {@code 1 × d(d+1)/2} row, row by row: how §7.1 feeds the O₂P descriptor C to the classifier.
 * On symmetric matrices the adjoint of {@code u} is the symmetric matrix with
 * {@code G_ii = ū_ii} and {@code G_ij = G_ji = ū_ij / 2}, since
 * {@code Σ_{i≤j} ū_ij dC_ij = ⟨G, dC⟩} for every symmetric dC.
 */
public final class UpperTriangle {

    private UpperTriangle() {
    }

    /**
     * Length of the vectorised upper triangle of a d×d matrix.
     *
     * @param d the dimension d
     * @return length of the vectorised upper triangle of a d×d matrix
     */
    public static int length(int d) {
        return d * (d + 1) / 2;
    }

    /**
     * The layer on d×d symmetric matrices, as two entry selections ({@link MatrixOps#gather}), so
     * it stays on a device: {@code u = C[upper]} and {@code G = ū[pair] ∘ F} with F = 1 on the
     * diagonal and ½ off it.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param d the dimension d
     * @return the layer on d×d symmetric matrices, as two entry selections ({@link
     *         MatrixOps#gather}), so it stays on a device: {@code u = C[upper]} and {@code G = ū[pair] ∘ F}
     *         with F = 1 on the diagonal and ½ off it
     */
    public static <M> Layer<M, M, M> of(MatrixOps<M> ops, int d) {
        int[] upper = upperIndices(d);
        int[] pair = pairIndices(d);
        return LinearLayer.of("upper-triangle", ops, MatrixSpace.of("C", Structure.SYMMETRIC),
                MatrixSpace.of("u", Structure.GENERAL), c -> ops.gather(requireShape(ops, c, d), upper, 1, length(d)),
                u -> ops.hadamard(ops.gather(u, pair, d, d), halves(ops, d)));
    }

    private static <M> M requireShape(MatrixOps<M> ops, M c, int d) {
        if (ops.rows(c) != d || ops.cols(c) != d) {
            throw new IllegalArgumentException("upper triangle: input is " + ops.rows(c) + "×" + ops.cols(c)
                    + ", expected " + d + "×" + d);
        }
        return c;
    }

    /** Row-major positions in C of the upper triangle, row by row. */
    private static int[] upperIndices(int d) {
        int[] index = new int[length(d)];
        int k = 0;
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                index[k++] = i * d + j;
            }
        }
        return index;
    }

    /** For each entry (i, j) of G, the position in u of the pair (min(i, j), max(i, j)). */
    private static int[] pairIndices(int d) {
        int[] index = new int[d * d];
        int k = 0;
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                index[i * d + j] = k;
                index[j * d + i] = k;
                k++;
            }
        }
        return index;
    }

    /** 1 on the diagonal, ½ off it. */
    private static <M> M halves(MatrixOps<M> ops, int d) {
        return ops.add(ops.filled(d, d, 0.5), ops.scale(0.5, ops.identity(d)));
    }
}
