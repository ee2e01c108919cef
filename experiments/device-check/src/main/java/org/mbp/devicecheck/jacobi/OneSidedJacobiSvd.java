package org.mbp.devicecheck.jacobi;

import org.ejml.simple.SimpleMatrix;
import org.mbp.backend.CanonicalOrder;
import org.mbp.backend.Svd;
import org.mbp.cuda.BatchedJacobi;

/**
 * Batched compact SVD by the one-sided (Hestenes) Jacobi method with the parallel
 * {@link org.mbp.backend.RoundRobinOrdering}: the CPU reference of {@code jacobi_svd_f64} in
 * {@code cuda/src/main/cuda/jacobi.cu}, step for step and with the same rounded operations.
 * Hestenes, "Inversion of matrices by biorthogonalization", J. SIAM 6 (1958); the stopping rule
 * follows LAPACK's {@code dgesvj} (Drmač and Veselić, SIAM J. Matrix Anal. Appl. 29 (2008)).
 *
 * <p>Per m×n matrix (m ≥ n): W = Aᵀ (row j of W is column j of A), Vᵀ = I. Each round first
 * computes, for every pair p &lt; q, α = ‖w_p‖², β = ‖w_q‖², γ = w_p·w_q as sequential sums
 * over i = 0..m−1 ({@code s = s + x·y}, one rounding per product and per sum, the order the
 * kernel's single thread per pair uses), skips the pair when γ = 0 or
 * |γ| ≤ tol·(√α·√β) with tol = ε·√m (ε = 2⁻⁵²; the rounding noise of a computed γ is of order
 * √m·ε·√(αβ), so a smaller tol could rotate forever), and else takes the {@link JacobiRotation}
 * with diff = β − α, off = γ; then rotates rows p, q of W and of Vᵀ. A sweep without rotation
 * ends the iteration. Then σ_j = √(‖w_j‖²) (sequential sum), sorted descending (stable);
 * v_j = row j of Vᵀ and u_j = w_j/σ_j entry-wise, both negated when the entry of largest
 * magnitude of v_j is negative ({@link CanonicalOrder}, as every backend's {@code svd}).
 * A zero singular value (rank-deficient input) leaves its column of U zero.
 */
public final class OneSidedJacobiSvd {

    /** Largest entry magnitude accepted, 2⁵⁰⁰: sums of m squares cannot overflow. */
    public static final double MAX_ENTRY = 0x1p500;

    /**
     * One compact decomposition A = U diag(σ) Vᵀ.
     *
     * @param u         m×n row-major, column j the left singular vector of {@code sigma[j]}
     *                  (zero when {@code sigma[j] == 0})
     * @param sigma     n singular values, descending
     * @param v         n×n row-major, column j the right singular vector of {@code sigma[j]}
     * @param sweeps    sweeps run (the last one without rotation when converged)
     * @param converged whether a sweep without rotation was reached within the limit
     */
    public record Result(double[] u, double[] sigma, double[] v, int sweeps, boolean converged) {
    }

    private OneSidedJacobiSvd() {
    }

    /**
     * The relative orthogonality tolerance for m rows: ε·√m.
     *
     * @param m the number of rows m
     * @return the relative orthogonality tolerance for m rows: ε·√m
     */
    public static double tolerance(int m) {
        return Math.ulp(1.0) * Math.sqrt(m);
    }

    /**
     * Decomposes one m×n row-major matrix with at most {@value BatchedJacobi#DEFAULT_MAX_SWEEPS} sweeps.
     *
     * @param a the matrix A
     * @param m the number of rows m
     * @param n the size
     * @return the decomposition
     * @throws IllegalArgumentException on bad input, see
     *         {@link #decompose(double[], int, int, int, int, double[], double[], double[], int[])}
     */
    public static Result decompose(double[] a, int m, int n) {
        requireShape(m, n);
        double[] u = new double[m * n];
        double[] sigma = new double[n];
        double[] v = new double[n * n];
        int[] sweeps = new int[1];
        decompose(a, m, n, 1, BatchedJacobi.DEFAULT_MAX_SWEEPS, u, sigma, v, sweeps);
        return new Result(u, sigma, v, Math.abs(sweeps[0]), sweeps[0] > 0);
    }

    /**
     * The compact SVD of an EJML double matrix with m ≥ n, in {@link Svd} form (u m×n, sigma
     * n×1, v n×n).
     *
     * @param a the matrix A
     * @return the compact SVD of an EJML double matrix with m ≥ n, in {@link Svd} form (u m×n,
     *         sigma n×1, v n×n)
     * @throws IllegalArgumentException if the shape or the entries are invalid
     * @throws ArithmeticException      if {@value BatchedJacobi#DEFAULT_MAX_SWEEPS} sweeps do not converge
     */
    public static Svd<SimpleMatrix> svd(SimpleMatrix a) {
        int m = a.getNumRows();
        int n = a.getNumCols();
        requireShape(m, n);
        double[] data = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                data[i * n + j] = a.get(i, j);
            }
        }
        Result r = decompose(data, m, n);
        if (!r.converged()) {
            throw new ArithmeticException("OneSidedJacobiSvd: no convergence in " + r.sweeps() + " sweeps");
        }
        return new Svd<>(new SimpleMatrix(m, n, true, r.u()), new SimpleMatrix(n, 1, true, r.sigma()),
                new SimpleMatrix(n, n, true, r.v()));
    }

    /**
     * Decomposes a batch of m×n matrices, with the buffers and status of the kernel
     * {@code jacobi_svd_f64}.
     *
     * @param a         batch·m·n entries, matrix after matrix, row-major (not modified)
     * @param m         rows, n ≤ m ≤ {@value BatchedJacobi#MAX_ROWS}
     * @param n         columns, 1..{@value BatchedJacobi#MAX_COLUMNS}
     * @param batch     number of matrices, ≥ 1
     * @param maxSweeps sweep limit, ≥ 1
     * @param u         out: batch·m·n, per matrix row-major m×n
     * @param sigma     out: batch·n, descending per matrix
     * @param v         out: batch·n·n, per matrix row-major n×n
     * @param sweeps    out: batch statuses; k &gt; 0 converged in k sweeps, −maxSweeps not
     *                  converged (the outputs then hold the state after maxSweeps sweeps)
     * @throws IllegalArgumentException for a wrong shape, batch or sweep limit, a wrong array
     *         length, or an entry NaN, infinite or above {@value #MAX_ENTRY} in magnitude
     *         (naming matrix and entry)
     */
    public static void decompose(double[] a, int m, int n, int batch, int maxSweeps, double[] u,
            double[] sigma, double[] v, int[] sweeps) {
        requireShape(m, n);
        JacobiSweeps.requireBatch("OneSidedJacobiSvd", batch, maxSweeps);
        int mn = m * n;
        JacobiSweeps.requireLength("OneSidedJacobiSvd", "a", a.length, (long) batch * mn);
        JacobiSweeps.requireLength("OneSidedJacobiSvd", "u", u.length, (long) batch * mn);
        JacobiSweeps.requireLength("OneSidedJacobiSvd", "sigma", sigma.length, (long) batch * n);
        JacobiSweeps.requireLength("OneSidedJacobiSvd", "v", v.length, (long) batch * n * n);
        JacobiSweeps.requireLength("OneSidedJacobiSvd", "sweeps", sweeps.length, batch);
        for (int b = 0; b < batch; b++) {
            for (int idx = 0; idx < mn; idx++) {
                double x = a[b * mn + idx];
                if (!(Math.abs(x) <= MAX_ENTRY)) {
                    throw new IllegalArgumentException("OneSidedJacobiSvd: matrix " + b + ", entry ("
                            + idx / n + ", " + idx % n + ") is " + x + " (must be finite, |x| ≤ 2^500)");
                }
            }
        }
        for (int b = 0; b < batch; b++) {
            sweeps[b] = solve(a, b * mn, m, n, maxSweeps, u, sigma, v, b);
        }
    }

    private static void requireShape(int m, int n) {
        if (n < 1 || n > BatchedJacobi.MAX_COLUMNS || m < n || m > BatchedJacobi.MAX_ROWS) {
            throw new IllegalArgumentException("OneSidedJacobiSvd: shape " + m + "×" + n
                    + " needs 1 ≤ n ≤ " + BatchedJacobi.MAX_COLUMNS + " and n ≤ m ≤ " + BatchedJacobi.MAX_ROWS
                    + (m < n ? " (decompose the transpose when m < n)" : ""));
        }
    }

    /** One matrix, exactly as one block of {@code jacobi_svd_f64}; returns the status. */
    private static int solve(double[] a, int offset, int m, int n, int maxSweeps, double[] u,
            double[] sigma, double[] v, int b) {
        double[] w = new double[m * n];
        double[] vt = new double[n * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                w[j * m + i] = a[offset + i * n + j];
            }
        }
        for (int j = 0; j < n; j++) {
            vt[j * n + j] = 1.0;
        }
        double tol = tolerance(m);
        int status = JacobiSweeps.run(n, maxSweeps, (p, q, cs) -> rotation(w, p * m, q * m, m, tol, cs), round -> {
            for (int k = 0; k < round.pairs(); k++) {
                if (round.rotate()[k]) {
                    for (int j = 0; j < m; j++) {
                        JacobiRotation.apply(w, round.p()[k] * m + j, round.q()[k] * m + j, round.c()[k], round.s()[k]);
                    }
                    for (int j = 0; j < n; j++) {
                        JacobiRotation.apply(vt, round.p()[k] * n + j, round.q()[k] * n + j, round.c()[k], round.s()[k]);
                    }
                }
            }
        });
        double[] norm = new double[n];
        double[] sign = new double[n];
        for (int j = 0; j < n; j++) {
            double norm2 = 0.0;
            for (int i = 0; i < m; i++) {
                norm2 = norm2 + w[j * m + i] * w[j * m + i];
            }
            norm[j] = Math.sqrt(norm2);
            sign[j] = CanonicalOrder.sign(vt, j * n, 1, n);
        }
        int[] perm = CanonicalOrder.descending(norm);
        for (int col = 0; col < n; col++) {
            int src = perm[col];
            sigma[b * n + col] = norm[src];
            for (int i = 0; i < n; i++) {
                v[b * n * n + i * n + col] = sign[src] * vt[src * n + i];
            }
            for (int i = 0; i < m; i++) {
                u[b * m * n + i * n + col] = norm[src] == 0.0 ? 0.0 : sign[src] * (w[src * m + i] / norm[src]);
            }
        }
        return status;
    }

    /** α, β, γ of rows at {@code pOff}, {@code qOff} of W, the skip test and the rotation. */
    private static boolean rotation(double[] w, int pOff, int qOff, int m, double tol, double[] cs) {
        double alpha = 0.0;
        double beta = 0.0;
        double gamma = 0.0;
        for (int i = 0; i < m; i++) {
            double x = w[pOff + i];
            double y = w[qOff + i];
            alpha = alpha + x * x;
            beta = beta + y * y;
            gamma = gamma + x * y;
        }
        if (gamma == 0.0 || Math.abs(gamma) <= tol * (Math.sqrt(alpha) * Math.sqrt(beta))) {
            return false;
        }
        return JacobiRotation.compute(beta - alpha, gamma, cs);
    }
}
