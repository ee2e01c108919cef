package org.mbp.backend;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.ejml.data.MatrixType;
import org.ejml.simple.SimpleMatrix;

/**
 * Apache Commons Math 3's decompositions ({@code EigenDecomposition},
 * {@code SingularValueDecomposition}) in double: a second eigensolver and SVD, independent of
 * EJML's, behind {@link EjmlOps#DOUBLE_COMMONS_MATH}. Commons Math gives the compact SVD; a full
 * U or V is completed by Householder QR.
 */
final class CommonsMathEngine implements DecompositionEngine {

    @Override
    public Eigen eigSymmetric(SimpleMatrix a) {
        EigenDecomposition eig = new EigenDecomposition(realMatrix(a));
        return Eigen.of(MatrixType.DDRM, a.getNumRows(), eig::getRealEigenvalue,
                j -> new SimpleMatrix(eig.getEigenvector(j).toArray()));
    }

    @Override
    public Factors svd(SimpleMatrix a, boolean full) {
        SingularValueDecomposition svd = new SingularValueDecomposition(realMatrix(a));
        RealMatrix u = full ? completed(svd.getU()) : svd.getU();
        RealMatrix v = full ? completed(svd.getV()) : svd.getV();
        return new Factors(new SimpleMatrix(u.getData()), new SimpleMatrix(svd.getSingularValues()),
                new SimpleMatrix(v.getData()));
    }

    private static RealMatrix realMatrix(SimpleMatrix a) {
        return new Array2DRowRealMatrix(a.toArray2(), false);
    }

    /** Orthonormal p columns completed to a square orthogonal matrix by Householder QR. */
    private static RealMatrix completed(RealMatrix columns) {
        int m = columns.getRowDimension();
        int p = columns.getColumnDimension();
        if (p == m) {
            return columns;
        }
        RealMatrix q = new QRDecomposition(columns).getQ();
        RealMatrix out = new Array2DRowRealMatrix(m, m);
        out.setSubMatrix(columns.getData(), 0, 0);
        out.setSubMatrix(q.getSubMatrix(0, m - 1, p, m - 1).getData(), 0, p);
        return out;
    }
}
