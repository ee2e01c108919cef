package org.mbp.backend;

import org.ejml.simple.SimpleMatrix;

/**
 * Where {@link EjmlOps} takes its decompositions from ({@link EjmlOps.Engine}): the raw factors,
 * which {@link CanonicalOrder} then sorts and signs.
 */
interface DecompositionEngine {

    /**
     * The eigenpairs of a square symmetric matrix, in the engine's own order and signs.
     *
     * @throws ArithmeticException when the engine's iteration does not converge
     */
    CanonicalOrder.Eigenpairs eigSymmetric(SimpleMatrix a);

    /**
     * The singular value decomposition of an m×n matrix, singular values descending, in the
     * engine's own signs; U and V of the matrix's type.
     *
     * @param full whether U (m×m) and V (n×n) are complete; otherwise both have k = min(m, n) columns
     */
    Factors svd(SimpleMatrix a, boolean full);

    /** {@code A = U diag(sigma) Vᵀ} with the k singular values as an array. */
    record Factors(SimpleMatrix u, double[] sigma, SimpleMatrix v) {
    }
}
