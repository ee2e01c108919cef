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

    /** Length of the vectorised upper triangle of a d×d matrix. */
    public static int length(int d) {
        return d * (d + 1) / 2;
    }

    /** The layer on d×d symmetric matrices. */
    public static <M> Layer<M, M, M> of(MatrixOps<M> ops, int d) {
        return LinearLayer.of("upper-triangle", ops, MatrixSpace.of("C", Structure.SYMMETRIC),
                MatrixSpace.of("u", Structure.GENERAL), c -> ops.fromRowMajor(1, length(d), vectorise(ops, c, d)),
                u -> ops.fromRowMajor(d, d, symmetricAdjoint(ops.toRowMajor(u), d)));
    }

    private static <M> double[] vectorise(MatrixOps<M> ops, M c, int d) {
        if (ops.rows(c) != d || ops.cols(c) != d) {
            throw new IllegalArgumentException("upper triangle: input is " + ops.rows(c) + "×" + ops.cols(c)
                    + ", expected " + d + "×" + d);
        }
        double[] a = ops.toRowMajor(c);
        double[] u = new double[length(d)];
        int k = 0;
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                u[k++] = a[i * d + j];
            }
        }
        return u;
    }

    private static double[] symmetricAdjoint(double[] u, int d) {
        double[] g = new double[d * d];
        int k = 0;
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double v = i == j ? u[k] : u[k] / 2;
                g[i * d + j] = v;
                g[j * d + i] = v;
                k++;
            }
        }
        return g;
    }
}
