package org.mbp.verify;

import java.util.Random;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.Svd;
import org.ejml.simple.SimpleMatrix;

/**
 * Seeded sample inputs with prescribed spectra, for checks and demonstrations. Every matrix is
 * built in double and then rounded into the target backend, so one seed gives the same matrix
 * (up to rounding) in every precision.
 */
public final class SampleMatrices {

    private static final EjmlOps BUILD = EjmlOps.DOUBLE;

    private SampleMatrices() {
    }

    /** Independent standard normal entries. */
    public static <M> M gaussian(MatrixOps<M> ops, int rows, int cols, long seed) {
        return ops.fromRowMajor(rows, cols, gaussianValues(rows * cols, seed));
    }

    /** Independent entries uniform on [low, high). */
    public static <M> M uniform(MatrixOps<M> ops, int rows, int cols, double low, double high,
            long seed) {
        Random random = new Random(seed);
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = low + (high - low) * random.nextDouble();
        }
        return ops.fromRowMajor(rows, cols, v);
    }

    /** An m×n matrix {@code U diag(σ) Vᵀ} with random orthogonal U, V and the given σ. */
    public static <M> M withSingularValues(MatrixOps<M> ops, int rows, int cols, double[] sigma,
            long seed) {
        if (sigma.length != Math.min(rows, cols)) {
            throw new IllegalArgumentException("need " + Math.min(rows, cols) + " singular values, got "
                    + sigma.length);
        }
        SimpleMatrix u = orthogonal(rows, seed);
        SimpleMatrix v = orthogonal(cols, seed + 1);
        SimpleMatrix s = BUILD.diagonalMatrix(BUILD.fromRowMajor(sigma.length, 1, sigma), rows, cols);
        return convert(ops, BUILD.multTransB(BUILD.mult(u, s), v));
    }

    /** A symmetric matrix {@code Q diag(λ) Qᵀ} with a random orthogonal Q. */
    public static <M> M symmetricWithEigenvalues(MatrixOps<M> ops, double[] lambda, long seed) {
        int n = lambda.length;
        SimpleMatrix q = orthogonal(n, seed);
        SimpleMatrix a = BUILD.multTransB(BUILD.scaleColumns(q, BUILD.fromRowMajor(n, 1, lambda)), q);
        return convert(ops, BUILD.sym(a));
    }

    /** The m×k indicator matrix E of a labelling (eq. 48): {@code E_ij = 1} iff point i is in j. */
    public static <M> M indicator(MatrixOps<M> ops, int[] labels, int segments) {
        double[] e = new double[labels.length * segments];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= segments) {
                throw new IllegalArgumentException("label " + labels[i] + " of point " + i
                        + " is outside 0.." + (segments - 1));
            }
            e[i * segments + labels[i]] = 1;
        }
        return ops.fromRowMajor(labels.length, segments, e);
    }

    /** An orthogonal n×n matrix: the left singular vectors of a Gaussian matrix. */
    private static SimpleMatrix orthogonal(int n, long seed) {
        Svd<SimpleMatrix> svd = BUILD.svd(BUILD.fromRowMajor(n, n, gaussianValues(n * n, seed)), true);
        return svd.u();
    }

    private static double[] gaussianValues(int count, long seed) {
        Random random = new Random(seed);
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    private static <M> M convert(MatrixOps<M> ops, SimpleMatrix a) {
        return ops.fromRowMajor(a.getNumRows(), a.getNumCols(), BUILD.toRowMajor(a));
    }
}
