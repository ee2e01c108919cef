package org.mbp.backend;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.data.MatrixType;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_FDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F32;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.simple.SimpleMatrix;
import org.ejml.simple.SimpleSVD;

/**
 * EJML's decompositions, in the matrix's own arithmetic: the symmetric eigensolver of
 * {@code DecompositionFactory_DDRM.eig} ({@code _FDRM} for float) and {@code SimpleSVD}, whose
 * singular values come sorted descending.
 */
final class EjmlEngine implements DecompositionEngine {

    @Override
    public Eigen eigSymmetric(SimpleMatrix a) {
        int n = a.getNumRows();
        if (a.getType() == MatrixType.FDRM) {
            EigenDecomposition_F32<FMatrixRMaj> eig = DecompositionFactory_FDRM.eig(n, true, true);
            requireConverged(eig.decompose(a.getFDRM().copy()));
            return Eigen.of(MatrixType.FDRM, n, j -> eig.getEigenvalue(j).real,
                    j -> SimpleMatrix.wrap(eig.getEigenVector(j)));
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        requireConverged(eig.decompose(a.getDDRM().copy()));
        return Eigen.of(MatrixType.DDRM, n, j -> eig.getEigenvalue(j).real,
                j -> SimpleMatrix.wrap(eig.getEigenVector(j)));
    }

    private static void requireConverged(boolean converged) {
        if (!converged) {
            throw new ArithmeticException("symmetric eigendecomposition did not converge");
        }
    }

    @Override
    public Factors svd(SimpleMatrix a, boolean full) {
        int m = a.getNumRows();
        int n = a.getNumCols();
        int k = Math.min(m, n);
        SimpleSVD<SimpleMatrix> svd = a.svd(!full);
        SimpleMatrix w = svd.getW();
        SimpleMatrix sigma = new SimpleMatrix(k, 1, w.getType());
        for (int i = 0; i < k; i++) {
            sigma.set(i, w.get(i, i));
        }
        if (full) {
            return new Factors(svd.getU(), sigma, svd.getV());
        }
        return new Factors(svd.getU().extractMatrix(0, m, 0, k), sigma, svd.getV().extractMatrix(0, n, 0, k));
    }
}
