package org.mbp.devicecheck.jacobi;

import java.util.Arrays;
import org.ejml.simple.SimpleMatrix;
import org.mbp.backend.CanonicalOrder;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.Shapes;
import org.mbp.backend.SymmetricEigen;
import org.mbp.cuda.BatchedJacobi;

/**
 * Batched symmetric eigendecomposition by the parallel cyclic Jacobi method: the CPU reference
 * of {@code jacobi_eig_f64} in {@code cuda/src/main/cuda/jacobi.cu}, step for step and with the
 * same rounded operations, so the kernel's output can be compared with this one to rounding.
 *
 * <p>Per matrix: W = (A + Aᵀ)/2 (entry-wise {@code (a_ij + a_ji)·0.5}), Vᵀ = I. Each round of
 * {@link org.mbp.backend.RoundRobinOrdering} first computes the rotation of every pair (p &lt; q) from the
 * current W with {@link JacobiRotation} (diff = w_qq − w_pp, off = w_pq), skipping a pair when
 * |w_pq| ≤ {@value #RELATIVE_TOLERANCE}·(√|w_pp|·√|w_qq|) (the relative criterion of Demmel and
 * Veselić, "Jacobi's method is more accurate than QR", SIAM J. Matrix Anal. Appl. 13 (1992))
 * or |w_pq| ≤ floor = (ε·max|w_ij|)/d (ε = 2⁻⁵²); then rotates rows p, q of W and of Vᵀ; then
 * columns p, q of W, setting w_pq = w_qp = 0. A sweep without rotation ends the iteration.
 * The floor makes zero-diagonal and indefinite matrices converge (their relative threshold can be
 * zero); dropping all entries below it changes W by less than d·floor = ε·max|w_ij| ≤ ε‖A‖₂ in
 * the 2-norm, so by Weyl's theorem no eigenvalue moves by more than one rounding of ‖A‖₂.
 * The relative tolerance, 1e-15 ≈ 4.5ε, is a few rounding errors of the entries a rotation
 * combines.
 *
 * <p>Output: eigenvalues diag(W) and eigenvectors the rows of Vᵀ in {@link CanonicalOrder}
 * (its {@code stable_rank()} and {@code canonical_sign()}): ascending (stable), each with its
 * entry of largest magnitude positive (the first one on ties), as every backend's
 * {@code eigSymmetric}.
 */
public final class JacobiEigen {

    /** The relative skip tolerance of the off-diagonal entry. */
    public static final double RELATIVE_TOLERANCE = 1e-15;
    /** Largest entry magnitude accepted, 2⁵⁰⁰: sums of d squares stay far from overflow. */
    public static final double MAX_ENTRY = 0x1p500;
    /** Accepted asymmetry: |a_ij − a_ji| ≤ this · max|a_kl| (the symmetric part is decomposed). */
    public static final double SYMMETRY_TOLERANCE = 1e-10;

    /**
     * One decomposition.
     *
     * @param values    d eigenvalues, ascending
     * @param vectors   d×d row-major, column j the eigenvector of {@code values[j]}
     * @param sweeps    sweeps run (the last one without rotation when converged)
     * @param converged whether a sweep without rotation was reached within the limit
     */
    public record Result(double[] values, double[] vectors, int sweeps, boolean converged) {
    }

    private JacobiEigen() {
    }

    /**
     * Decomposes one symmetric d×d row-major matrix with at most {@value BatchedJacobi#DEFAULT_MAX_SWEEPS}
     * sweeps.
     *
     * @param a the matrix A
     * @param d the dimension d
     * @return the decomposition
     * @throws IllegalArgumentException on bad input, see
     *         {@link #decompose(double[], int, int, int, double[], double[], int[])}
     */
    public static Result decompose(double[] a, int d) {
        if (d < 1 || d > BatchedJacobi.MAX_ORDER) {
            throw new IllegalArgumentException("JacobiEigen: order " + d + " outside [1, " + BatchedJacobi.MAX_ORDER + "]");
        }
        double[] values = new double[d];
        double[] vectors = new double[d * d];
        int[] sweeps = new int[1];
        decompose(a, d, 1, BatchedJacobi.DEFAULT_MAX_SWEEPS, values, vectors, sweeps);
        return new Result(values, vectors, Math.abs(sweeps[0]), sweeps[0] > 0);
    }

    /**
     * The decomposition of a symmetric EJML double matrix, in {@link SymmetricEigen} form.
     *
     * @param a the matrix A
     * @return the decomposition of a symmetric EJML double matrix, in {@link SymmetricEigen} form
     * @throws IllegalArgumentException if {@code a} is not square or invalid as below
     * @throws ArithmeticException      if {@value BatchedJacobi#DEFAULT_MAX_SWEEPS} sweeps do not converge
     */
    public static SymmetricEigen<SimpleMatrix> eigSymmetric(SimpleMatrix a) {
        int d = Shapes.requireSquare(EjmlOps.DOUBLE, "JacobiEigen", a);
        double[] data = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                data[i * d + j] = a.get(i, j);
            }
        }
        Result r = decompose(data, d);
        if (!r.converged()) {
            throw new ArithmeticException("JacobiEigen: no convergence in " + r.sweeps() + " sweeps");
        }
        return new SymmetricEigen<>(new SimpleMatrix(d, 1, true, r.values()),
                new SimpleMatrix(d, d, true, r.vectors()));
    }

    /**
     * Decomposes a batch of symmetric d×d matrices, with the buffers and status of the kernel
     * {@code jacobi_eig_f64}.
     *
     * @param a         batch·d·d entries, matrix after matrix, row-major (not modified)
     * @param d         order, 1..{@value BatchedJacobi#MAX_ORDER}
     * @param batch     number of matrices, ≥ 1
     * @param maxSweeps sweep limit, ≥ 1
     * @param values    out: batch·d eigenvalues, ascending per matrix
     * @param vectors   out: batch·d·d, per matrix row-major with column j the eigenvector j
     * @param sweeps    out: batch statuses; k &gt; 0 converged in k sweeps, −maxSweeps not
     *                  converged (the outputs then hold the state after maxSweeps sweeps)
     * @throws IllegalArgumentException for a wrong order, batch or sweep limit, a wrong array
     *         length, an entry NaN, infinite or above {@value #MAX_ENTRY} in magnitude, or an
     *         asymmetry above {@link #SYMMETRY_TOLERANCE}·max|a_kl| (naming matrix and entry)
     */
    public static void decompose(double[] a, int d, int batch, int maxSweeps, double[] values,
            double[] vectors, int[] sweeps) {
        if (d < 1 || d > BatchedJacobi.MAX_ORDER) {
            throw new IllegalArgumentException("JacobiEigen: order " + d + " outside [1, " + BatchedJacobi.MAX_ORDER + "]");
        }
        JacobiSweeps.requireBatch("JacobiEigen", batch, maxSweeps);
        int dd = d * d;
        JacobiSweeps.requireLength("JacobiEigen", "a", a.length, (long) batch * dd);
        JacobiSweeps.requireLength("JacobiEigen", "values", values.length, (long) batch * d);
        JacobiSweeps.requireLength("JacobiEigen", "vectors", vectors.length, (long) batch * dd);
        JacobiSweeps.requireLength("JacobiEigen", "sweeps", sweeps.length, batch);
        for (int b = 0; b < batch; b++) {
            requireValid(a, b * dd, d, b);
        }
        for (int b = 0; b < batch; b++) {
            sweeps[b] = solve(a, b * dd, d, maxSweeps, values, b * d, vectors, b * dd);
        }
    }

    private static void requireValid(double[] a, int offset, int d, int b) {
        double max = 0;
        for (int idx = 0; idx < d * d; idx++) {
            double x = a[offset + idx];
            if (!(Math.abs(x) <= MAX_ENTRY)) {
                throw new IllegalArgumentException("JacobiEigen: matrix " + b + ", entry ("
                        + idx / d + ", " + idx % d + ") is " + x + " (must be finite, |x| ≤ 2^500)");
            }
            max = Math.max(max, Math.abs(x));
        }
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double x = a[offset + i * d + j];
                double y = a[offset + j * d + i];
                if (Math.abs(x - y) > SYMMETRY_TOLERANCE * max) {
                    throw new IllegalArgumentException("JacobiEigen: matrix " + b
                            + " is not symmetric: entry (" + i + ", " + j + ") = " + x + " but ("
                            + j + ", " + i + ") = " + y + " (tolerance " + SYMMETRY_TOLERANCE
                            + "·max|a| = " + SYMMETRY_TOLERANCE * max + ")");
                }
            }
        }
    }

    /** One matrix, exactly as one block of {@code jacobi_eig_f64}; returns the status. */
    private static int solve(double[] a, int offset, int d, int maxSweeps, double[] values,
            int valuesOffset, double[] vectors, int vectorsOffset) {
        double[] w = new double[d * d];
        double[] vt = new double[d * d];
        double maxAbs = 0.0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double sym = (a[offset + i * d + j] + a[offset + j * d + i]) * 0.5;
                w[i * d + j] = sym;
                maxAbs = Math.max(maxAbs, Math.abs(sym));
            }
            vt[i * d + i] = 1.0;
        }
        double floor = (Math.ulp(1.0) * maxAbs) / d;
        int status = JacobiSweeps.run(d, maxSweeps, (p, q, cs) -> {
            double app = w[p * d + p];
            double aqq = w[q * d + q];
            double apq = w[p * d + q];
            double off = Math.abs(apq);
            boolean negligible = off <= RELATIVE_TOLERANCE * (Math.sqrt(Math.abs(app)) * Math.sqrt(Math.abs(aqq)))
                    || off <= floor;
            return !negligible && JacobiRotation.compute(aqq - app, apq, cs);
        }, round -> {
            for (int k = 0; k < round.pairs(); k++) {
                if (round.rotate()[k]) {
                    for (int j = 0; j < d; j++) {
                        JacobiRotation.apply(w, round.p()[k] * d + j, round.q()[k] * d + j, round.c()[k], round.s()[k]);
                        JacobiRotation.apply(vt, round.p()[k] * d + j, round.q()[k] * d + j, round.c()[k], round.s()[k]);
                    }
                }
            }
            for (int k = 0; k < round.pairs(); k++) {
                if (round.rotate()[k]) {
                    int p = round.p()[k];
                    int q = round.q()[k];
                    for (int i = 0; i < d; i++) {
                        JacobiRotation.apply(w, i * d + p, i * d + q, round.c()[k], round.s()[k]);
                    }
                    w[p * d + q] = 0.0;
                    w[q * d + p] = 0.0;
                }
            }
        });
        CanonicalOrder.Eigenpairs sorted = CanonicalOrder.eigenpairs(CanonicalOrder.Eigenpairs.of(d,
                j -> w[j * d + j], j -> Arrays.copyOfRange(vt, j * d, j * d + d)));
        System.arraycopy(sorted.values(), 0, values, valuesOffset, d);
        System.arraycopy(sorted.vectors(), 0, vectors, vectorsOffset, d * d);
        return status;
    }
}
