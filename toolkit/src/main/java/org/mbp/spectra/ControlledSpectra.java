package org.mbp.spectra;

import java.util.Random;
import org.hipparchus.dfp.Dfp;
import org.mbp.precise.FieldDense;
import org.mbp.precise.FieldOps;
import org.mbp.precise.HighPrecision;

/**
 * Seeded test matrices with prescribed spectra, built in high precision so the spectrum is exact
 * there and rounded only when taken into a backend ({@link ControlledMatrix#in}).
 *
 * <p>Orthogonal factors are Haar-distributed: the Q of a QR decomposition of a matrix of
 * independent Gaussians, with the sign fix that makes R's diagonal positive (here: two passes of
 * modified Gram–Schmidt in high precision, which produce exactly that Q). The Gaussians come
 * from {@code java.util.Random} with the seed, so a seed fixes the matrix.
 */
public final class ControlledSpectra {

    private final FieldOps<Dfp> ops;
    private final Random random;

    /**
     * A generator at the default high precision.
     *
     * @param seed the random seed
     */
    public ControlledSpectra(long seed) {
        this(seed, HighPrecision.ops());
    }

    /**
     * Spectra and matrices drawn from {@code seed}, built in the high precision {@code precision}.
     *
     * @param seed the random seed
     * @param precision the arithmetic precision
     */
    public ControlledSpectra(long seed, FieldOps<Dfp> precision) {
        this.ops = precision;
        this.random = new Random(seed);
    }

    /**
     * A Haar-random n×n orthogonal matrix.
     *
     * @param n the size
     * @return a Haar-random n×n orthogonal matrix
     */
    public FieldDense<Dfp> orthogonal(int n) {
        return orthonormalize(gaussian(n, n));
    }

    /**
     * A symmetric matrix {@code Q diag(λ) Qᵀ} with Haar Q and the given eigenvalues.
     *
     * @param eigenvalues the eigenvalues
     * @return a symmetric matrix {@code Q diag(λ) Qᵀ} with Haar Q and the given eigenvalues
     */
    public ControlledMatrix symmetric(Spectrum eigenvalues) {
        int n = eigenvalues.size();
        FieldDense<Dfp> q = orthogonal(n);
        FieldDense<Dfp> a = ops.multTransB(ops.scaleColumns(q, vector(eigenvalues)), q);
        return new ControlledMatrix(ops.sym(a), eigenvalues);
    }

    /**
     * An m×n matrix {@code U Σ Vᵀ} with Haar U, V and the given min(m, n) singular values
     * (≥ 0). Zeros give an exactly rank-deficient matrix.
     *
     * @param m the number of rows m
     * @param n the size
     * @param singularValues the d − 1 values σ (d = columns)
     * @return an m×n matrix {@code U Σ Vᵀ} with Haar U, V and the given min(m, n) singular values
     *         (≥ 0)
     */
    public ControlledMatrix general(int m, int n, Spectrum singularValues) {
        requireCount(singularValues, Math.min(m, n), "singular values of an " + m + "×" + n + " matrix");
        for (double s : singularValues.values()) {
            if (s < 0) {
                throw new IllegalArgumentException("singular values must be ≥ 0, got " + s);
            }
        }
        return new ControlledMatrix(product(m, n, vector(singularValues)), singularValues);
    }

    /** {@code U diag(σ) Vᵀ} with Haar U (m×m), V (n×n) and σ given in high precision. */
    private FieldDense<Dfp> product(int m, int n, FieldDense<Dfp> sigma) {
        FieldDense<Dfp> u = orthogonal(m);
        FieldDense<Dfp> v = orthogonal(n);
        return ops.multTransB(ops.mult(u, ops.diagonalMatrix(sigma, m, n)), v);
    }

    /**
     * Features F (m×d) whose covariance {@code FᵀF + εI} has exactly the given d eigenvalues
     * (each ≥ ε; at most m of them above ε): {@code F = U diag(√(λ − ε)) Vᵀ}, the square roots
     * taken in high precision. (ε as a double is itself a binary fraction, so "exactly" means:
     * for the ε the caller's double holds.)
     *
     * @param m the number of rows m
     * @param eigenvalues the eigenvalues
     * @param epsilon the regularizer ε
     * @return features F (m×d) whose covariance {@code FᵀF + εI} has exactly the given d
     *         eigenvalues (each ≥ ε; at most m of them above ε): {@code F = U diag(√(λ − ε)) Vᵀ}, the
     *         square roots taken in high precision
     */
    public ControlledMatrix covarianceFeatures(int m, Spectrum eigenvalues, double epsilon) {
        int d = eigenvalues.size();
        int k = Math.min(m, d);
        for (int i = 0; i < d; i++) {
            double excess = eigenvalues.values()[i] - epsilon;
            if (excess < 0 || (i >= m && excess != 0)) {
                throw new IllegalArgumentException(String.format("eigenvalue %d of FᵀF + εI is %.6g:"
                        + " it must be ≥ ε = %.3g, and only %d of them can exceed ε for m = %d",
                        i, eigenvalues.values()[i], epsilon, k, m));
            }
        }
        FieldDense<Dfp> shift = ops.filled(k, 1, epsilon);
        FieldDense<Dfp> sigma = ops.apply(ops.sub(ops.slice(vector(eigenvalues), 0, k), shift),
                org.mbp.backend.Elementwise.SQRT);
        return new ControlledMatrix(product(m, d, sigma), eigenvalues);
    }

    /**
     * Features with positive entries (so W = FFᵀ has positive row sums, as normalized cuts
     * needs) and exactly prescribed singular values {@code {s₀} ∪ σ}: {@code F = s₀ u₀ v₀ᵀ +
     * Σ σ_i u_i v_iᵀ} with constant unit vectors u₀, v₀, Haar-random orthonormal u_i ⊥ u₀,
     * v_i ⊥ v₀, and {@code s₀ = 2 √(md) max σ}, which makes every entry at least max σ.
     *
     * @param singularValues the d − 1 values σ (d = columns)
     * @param m the number of rows m
     * @param d the dimension d
     * @return features with positive entries (so W = FFᵀ has positive row sums, as normalized cuts
     *         needs) and exactly prescribed singular values {@code {s₀} ∪ σ}: {@code F = s₀ u₀ v₀ᵀ + Σ σ_i
     *         u_i v_iᵀ} with constant unit vectors u₀, v₀, Haar-random orthonormal u_i ⊥ u₀, v_i ⊥ v₀, and
     *         {@code s₀ = 2 √(md) max σ}, which makes every entry at least max σ
     */
    public ControlledMatrix positiveFeatures(int m, int d, Spectrum singularValues) {
        requireCount(singularValues, d - 1, "singular values besides the leading one");
        if (m < d) {
            throw new IllegalArgumentException("positive features need m ≥ d, got " + m + "×" + d);
        }
        FieldDense<Dfp> u = orthonormalize(ops.hconcat(ops.filled(m, 1, 1.0), gaussian(m, d - 1)));
        FieldDense<Dfp> v = orthonormalize(ops.hconcat(ops.filled(d, 1, 1.0), gaussian(d, d - 1)));
        double largest = 0;
        for (double s : singularValues.values()) {
            largest = Math.max(largest, s);
        }
        double[] all = new double[d];
        all[0] = 2 * Math.sqrt((double) m * d) * Math.max(largest, 1e-300);
        System.arraycopy(singularValues.values(), 0, all, 1, d - 1);
        FieldDense<Dfp> f = ops.multTransB(ops.scaleColumns(u, ops.fromRowMajor(d, 1, all)), v);
        return new ControlledMatrix(f, new Spectrum(singularValues.label(), all));
    }

    private FieldDense<Dfp> vector(Spectrum s) {
        return ops.fromRowMajor(s.size(), 1, s.values());
    }

    private FieldDense<Dfp> gaussian(int rows, int cols) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian();
        }
        return ops.fromRowMajor(rows, cols, v);
    }

    /** The Q of the QR decomposition with positive R diagonal (two passes of MGS). */
    private FieldDense<Dfp> orthonormalize(FieldDense<Dfp> a) {
        return ops.orthonormalColumns(a);
    }

    private static void requireCount(Spectrum s, int expected, String what) {
        if (s.size() != expected) {
            throw new IllegalArgumentException("need " + expected + " " + what + ", got " + s.size());
        }
    }
}
