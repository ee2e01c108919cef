package org.mbp.verify;

import java.util.Random;
import org.mbp.backend.MatrixOps;
import org.mbp.spectra.ControlledSpectra;
import org.mbp.spectra.Spectrum;

/**
 * Seeded sample inputs for checks and demonstrations. Every matrix is built once (spectral ones
 * in high precision by {@link ControlledSpectra}) and rounded into the target backend, so one
 * seed gives the same matrix, up to rounding, in every precision.
 */
public final class SampleMatrices {

    private SampleMatrices() {
    }

    /**
     * Independent standard normal entries.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param rows the number of rows
     * @param cols the number of columns
     * @param seed the random seed
     * @return independent standard normal entries
     */
    public static <M> M gaussian(MatrixOps<M> ops, int rows, int cols, long seed) {
        return ops.fromRowMajor(rows, cols, gaussianValues(rows * cols, seed));
    }

    /**
     * Independent entries uniform on [low, high).
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param rows the number of rows
     * @param cols the number of columns
     * @param low the lower bound
     * @param high the upper bound
     * @param seed the random seed
     * @return independent entries uniform on [low, high)
     */
    public static <M> M uniform(MatrixOps<M> ops, int rows, int cols, double low, double high,
            long seed) {
        Random random = new Random(seed);
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = low + (high - low) * random.nextDouble();
        }
        return ops.fromRowMajor(rows, cols, v);
    }

    /**
     * An m×n matrix {@code U diag(σ) Vᵀ} with Haar-random orthogonal U, V and the given σ.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param rows the number of rows
     * @param cols the number of columns
     * @param sigma σ
     * @param seed the random seed
     * @return an m×n matrix {@code U diag(σ) Vᵀ} with Haar-random orthogonal U, V and the given σ
     */
    public static <M> M withSingularValues(MatrixOps<M> ops, int rows, int cols, double[] sigma,
            long seed) {
        return new ControlledSpectra(seed).general(rows, cols, new Spectrum("given", sigma)).in(ops);
    }

    /**
     * A symmetric matrix {@code Q diag(λ) Qᵀ} with a Haar-random orthogonal Q.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param lambda the regularizer λ
     * @param seed the random seed
     * @return a symmetric matrix {@code Q diag(λ) Qᵀ} with a Haar-random orthogonal Q
     */
    public static <M> M symmetricWithEigenvalues(MatrixOps<M> ops, double[] lambda, long seed) {
        return new ControlledSpectra(seed).symmetric(new Spectrum("given", lambda)).in(ops);
    }

    /**
     * The m×k indicator matrix E of a labelling (eq. 48): {@code E_ij = 1} iff point i is in j.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param labels the labels
     * @param segments the segments
     * @return the m×k indicator matrix E of a labelling (eq. 48): {@code E_ij = 1} iff point i is
     *         in j
     */
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

    /**
     * {@code count} standard normal values from {@link Random} seeded with {@code seed}.
     *
     * @param count the count
     * @param seed the random seed
     * @return {@code count} standard normal values from {@link Random} seeded with {@code seed}
     */
    public static double[] gaussianValues(int count, long seed) {
        Random random = new Random(seed);
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }
}
