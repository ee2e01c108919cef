package org.mbp.nn;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
     * diagonal and ½ off it. A stack of n such matrices (a minibatch, {@code n·d × d}) gives the n
     * rows of their triangles in one selection each way.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param d the dimension d
     * @return the layer on (stacks of) d×d symmetric matrices
     */
    public static <M> Layer<M, M, M> of(MatrixOps<M> ops, int d) {
        Map<Integer, Tables<M>> tables = new ConcurrentHashMap<>();
        return LinearLayer.of("upper-triangle", ops, MatrixSpace.of("C", Structure.SYMMETRIC),
                MatrixSpace.of("u", Structure.GENERAL), c -> {
                    int count = count(ops, c, d);
                    return ops.gather(c, tables.computeIfAbsent(count, n -> new Tables<>(ops, d, n)).upper, count,
                            length(d));
                }, u -> {
                    int count = ops.rows(u);
                    Tables<M> t = tables.computeIfAbsent(count, n -> new Tables<>(ops, d, n));
                    return ops.hadamard(ops.gather(u, t.pair, count * d, d), t.halves);
                });
    }

    private static <M> int count(MatrixOps<M> ops, M c, int d) {
        int rows = ops.rows(c);
        if (rows == 0 || rows % d != 0 || ops.cols(c) != d) {
            throw new IllegalArgumentException("upper triangle: input is " + rows + "×" + ops.cols(c)
                    + ", expected " + d + "×" + d + " or a stack of such matrices");
        }
        return rows / d;
    }

    /**
     * The selections for a stack of {@code count} matrices: {@code upper}, the row-major index in
     * the stack of each triangle entry, matrix by matrix; {@code pair}, for every entry of the
     * stack, the index of its triangle entry in the {@code count × d(d+1)/2} rows; and the weights
     * F (1 on the diagonal, ½ off it) of every entry, made once as a matrix of the backend.
     */
    private static final class Tables<M> {
        final int[] upper;
        final int[] pair;
        final M halves;

        Tables(MatrixOps<M> ops, int d, int count) {
            int k = length(d);
            upper = new int[count * k];
            pair = new int[count * d * d];
            double[] weights = new double[count * d * d];
            for (int n = 0; n < count; n++) {
                int matrix = n * d * d;
                int e = n * k;
                for (int i = 0; i < d; i++) {
                    for (int j = i; j < d; j++, e++) {
                        upper[e] = matrix + i * d + j;
                        pair[matrix + i * d + j] = e;
                        pair[matrix + j * d + i] = e;
                        weights[matrix + i * d + j] = i == j ? 1 : 0.5;
                        weights[matrix + j * d + i] = i == j ? 1 : 0.5;
                    }
                }
            }
            halves = ops.fromRowMajor(count * d, d, weights);
        }
    }
}
