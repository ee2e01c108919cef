package org.mbp.backend;

import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import org.ejml.data.MatrixType;
import org.ejml.simple.SimpleMatrix;

/**
 * Where {@link EjmlOps} takes its decompositions from ({@link EjmlOps.Engine}): the raw factors,
 * new matrices of the input's type (float or double) that {@link EjmlOps} then puts into
 * {@link CanonicalOrder}, overwriting them where that is done in place.
 */
interface DecompositionEngine {

    /**
     * The eigenpairs of a square symmetric matrix, in the engine's own order and signs.
     *
     * @throws ArithmeticException when the engine's iteration does not converge
     */
    Eigen eigSymmetric(SimpleMatrix a);

    /**
     * The singular value decomposition of an m×n matrix, singular values descending, in the
     * engine's own signs.
     *
     * @param full whether U (m×m) and V (n×n) are complete; otherwise both have k = min(m, n) columns
     */
    Factors svd(SimpleMatrix a, boolean full);

    /**
     * The n eigenpairs of an order-n matrix: {@code values} n×1, and {@code rows} n×n whose row j
     * is the eigenvector of value j (Vᵀ, which is how LAPACK's column-major V reads row-major).
     */
    record Eigen(SimpleMatrix values, SimpleMatrix rows) {

        /** The n pairs {@code value(j)} and {@code vector(j)} (n×1), j &lt; n, in matrices of the given type. */
        static Eigen of(MatrixType type, int n, IntToDoubleFunction value, IntFunction<SimpleMatrix> vector) {
            SimpleMatrix values = new SimpleMatrix(n, 1, type);
            SimpleMatrix rows = new SimpleMatrix(n, n, type);
            for (int j = 0; j < n; j++) {
                values.set(j, value.applyAsDouble(j));
                SimpleMatrix v = vector.apply(j);
                for (int i = 0; i < n; i++) {
                    rows.set(j, i, v.get(i));
                }
            }
            return new Eigen(values, rows);
        }
    }

    /** {@code A = U diag(sigma) Vᵀ} with the k singular values as a k×1 matrix. */
    record Factors(SimpleMatrix u, SimpleMatrix sigma, SimpleMatrix v) {
    }
}
