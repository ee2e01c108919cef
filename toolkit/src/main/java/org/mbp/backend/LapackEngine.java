package org.mbp.backend;

import static org.mbp.backend.NativeWorkspace.Slot.LEFT;
import static org.mbp.backend.NativeWorkspace.Slot.MATRIX;
import static org.mbp.backend.NativeWorkspace.Slot.RIGHT;
import static org.mbp.backend.NativeWorkspace.Slot.VALUES;
import static org.mbp.backend.NativeWorkspace.Slot.WORK;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.openblas.global.openblas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.data.MatrixType;
import org.ejml.simple.SimpleMatrix;

/**
 * LAPACK's divide-and-conquer decompositions in the OpenBLAS that runs the products
 * ({@link OpenBlas}), in the matrix's own arithmetic: the symmetric eigensolver {@code ?syevd} and
 * the SVD {@code ?gesdd} ({@code d} for double, {@code s} for float), the routines PyTorch and
 * NumPy call. One OpenBLAS thread per call (callers spread whole matrices over their threads), so
 * a result does not depend on how many threads a batch runs on.
 *
 * <p>The calls are column-major ({@code LAPACKE_?_work} with {@code LAPACK_COL_MAJOR}, which
 * copies nothing): EJML's row-major m×n array is, read column-major, Aᵀ. A symmetric matrix is its
 * own transpose, and the eigenvectors, column-major, are the rows of the row-major Vᵀ that
 * {@link DecompositionEngine.Eigen} asks for (copied out of the native buffer as they lie); for the
 * SVD, {@code Aᵀ = V Σ Uᵀ}, so LAPACK's right factor {@code Uᵀ}, written column-major, is U
 * row-major, and its left factor V is transposed once. Everything stays in the matrix's precision.
 * LAPACK overwrites its input, so every call works on a copy in this thread's
 * {@link NativeWorkspace}, whose buffers are reused from call to call. A matrix with a non-finite
 * entry (which LAPACK's iterations need not survive) gives factors of NaN.
 */
final class LapackEngine implements DecompositionEngine {

    private static final byte VECTORS = 'V';
    private static final byte UPPER = 'U';
    private static final byte ALL = 'A';
    private static final byte SLIM = 'S';
    private static final int QUERY = -1;

    @Override
    public Eigen eigSymmetric(SimpleMatrix a) {
        int n = a.getNumRows();
        if (a.getType() == MatrixType.FDRM) {
            float[] x = a.getFDRM().data;
            return finite(x, n * n) ? eig(x, n)
                    : new Eigen(nan(n, 1, MatrixType.FDRM), nan(n, n, MatrixType.FDRM));
        }
        double[] x = a.getDDRM().data;
        return finite(x, n * n) ? eig(x, n)
                : new Eigen(nan(n, 1, MatrixType.DDRM), nan(n, n, MatrixType.DDRM));
    }

    @Override
    public Factors svd(SimpleMatrix a, boolean full) {
        Shape s = new Shape(a.getNumRows(), a.getNumCols(), full);
        if (a.getType() == MatrixType.FDRM) {
            float[] x = a.getFDRM().data;
            return finite(x, s.m * s.n) ? svd(x, s) : s.nanFactors(MatrixType.FDRM);
        }
        double[] x = a.getDDRM().data;
        return finite(x, s.m * s.n) ? svd(x, s) : s.nanFactors(MatrixType.DDRM);
    }

    /** {@code dsyevd} on an order-n symmetric matrix; its column-major V is the row-major Vᵀ. */
    private static Eigen eig(double[] x, int n) {
        NativeWorkspace ws = NativeWorkspace.current();
        int ld = Math.max(1, n);
        DoublePointer matrix = ws.doubles(MATRIX, (long) n * n).put(x, 0, n * n);
        DoublePointer values = ws.doubles(VALUES, n);
        DoublePointer size = ws.doubles(WORK, 1);
        IntPointer intSize = ws.ints(1);
        require("dsyevd", openblas.LAPACKE_dsyevd_work(openblas.LAPACK_COL_MAJOR, VECTORS, UPPER, n, matrix, ld,
                values, size, QUERY, intSize, QUERY));
        int lwork = (int) size.get(0);
        int liwork = intSize.get(0);
        require("dsyevd", openblas.LAPACKE_dsyevd_work(openblas.LAPACK_COL_MAJOR, VECTORS, UPPER, n, matrix, ld,
                values, ws.doubles(WORK, lwork), lwork, ws.ints(liwork), liwork));
        double[] w = new double[n];
        values.get(w);
        double[] rows = new double[n * n];
        matrix.get(rows);
        return new Eigen(SimpleMatrix.wrap(DMatrixRMaj.wrap(n, 1, w)),
                SimpleMatrix.wrap(DMatrixRMaj.wrap(n, n, rows)));
    }

    /** {@code ssyevd} on an order-n symmetric matrix, as {@link #eig(double[], int)}. */
    private static Eigen eig(float[] x, int n) {
        NativeWorkspace ws = NativeWorkspace.current();
        int ld = Math.max(1, n);
        FloatPointer matrix = ws.floats(MATRIX, (long) n * n).put(x, 0, n * n);
        FloatPointer values = ws.floats(VALUES, n);
        FloatPointer size = ws.floats(WORK, 1);
        IntPointer intSize = ws.ints(1);
        require("ssyevd", openblas.LAPACKE_ssyevd_work(openblas.LAPACK_COL_MAJOR, VECTORS, UPPER, n, matrix, ld,
                values, size, QUERY, intSize, QUERY));
        int lwork = (int) size.get(0);
        int liwork = intSize.get(0);
        require("ssyevd", openblas.LAPACKE_ssyevd_work(openblas.LAPACK_COL_MAJOR, VECTORS, UPPER, n, matrix, ld,
                values, ws.floats(WORK, lwork), lwork, ws.ints(liwork), liwork));
        float[] w = new float[n];
        values.get(w);
        float[] rows = new float[n * n];
        matrix.get(rows);
        return new Eigen(SimpleMatrix.wrap(FMatrixRMaj.wrap(n, 1, w)),
                SimpleMatrix.wrap(FMatrixRMaj.wrap(n, n, rows)));
    }

    /** {@code dgesdd} of the column-major n×m problem Aᵀ. */
    private static Factors svd(double[] x, Shape s) {
        NativeWorkspace ws = NativeWorkspace.current();
        DoublePointer matrix = ws.doubles(MATRIX, (long) s.m * s.n).put(x, 0, s.m * s.n);
        DoublePointer sigma = ws.doubles(VALUES, s.k);
        DoublePointer left = ws.doubles(LEFT, (long) s.n * s.vCols);
        DoublePointer right = ws.doubles(RIGHT, (long) s.uCols * s.m);
        IntPointer iwork = ws.ints(8L * s.k);
        DoublePointer size = ws.doubles(WORK, 1);
        require("dgesdd", openblas.LAPACKE_dgesdd_work(openblas.LAPACK_COL_MAJOR, s.job(), s.n, s.m, matrix,
                s.ldn(), sigma, left, s.ldn(), right, s.ldu(), size, QUERY, iwork));
        int lwork = (int) size.get(0);
        require("dgesdd", openblas.LAPACKE_dgesdd_work(openblas.LAPACK_COL_MAJOR, s.job(), s.n, s.m, matrix,
                s.ldn(), sigma, left, s.ldn(), right, s.ldu(), ws.doubles(WORK, lwork), lwork, iwork));
        double[] values = new double[s.k];
        sigma.get(values);
        double[] u = new double[s.m * s.uCols];
        right.get(u);
        double[] vColumnMajor = new double[s.n * s.vCols];
        left.get(vColumnMajor);
        return new Factors(SimpleMatrix.wrap(DMatrixRMaj.wrap(s.m, s.uCols, u)),
                SimpleMatrix.wrap(DMatrixRMaj.wrap(s.k, 1, values)),
                SimpleMatrix.wrap(DMatrixRMaj.wrap(s.n, s.vCols, transposed(vColumnMajor, s.n, s.vCols))));
    }

    /** {@code sgesdd} of the column-major n×m problem Aᵀ. */
    private static Factors svd(float[] x, Shape s) {
        NativeWorkspace ws = NativeWorkspace.current();
        FloatPointer matrix = ws.floats(MATRIX, (long) s.m * s.n).put(x, 0, s.m * s.n);
        FloatPointer sigma = ws.floats(VALUES, s.k);
        FloatPointer left = ws.floats(LEFT, (long) s.n * s.vCols);
        FloatPointer right = ws.floats(RIGHT, (long) s.uCols * s.m);
        IntPointer iwork = ws.ints(8L * s.k);
        FloatPointer size = ws.floats(WORK, 1);
        require("sgesdd", openblas.LAPACKE_sgesdd_work(openblas.LAPACK_COL_MAJOR, s.job(), s.n, s.m, matrix,
                s.ldn(), sigma, left, s.ldn(), right, s.ldu(), size, QUERY, iwork));
        int lwork = (int) size.get(0);
        require("sgesdd", openblas.LAPACKE_sgesdd_work(openblas.LAPACK_COL_MAJOR, s.job(), s.n, s.m, matrix,
                s.ldn(), sigma, left, s.ldn(), right, s.ldu(), ws.floats(WORK, lwork), lwork, iwork));
        float[] values = new float[s.k];
        sigma.get(values);
        float[] u = new float[s.m * s.uCols];
        right.get(u);
        float[] vColumnMajor = new float[s.n * s.vCols];
        left.get(vColumnMajor);
        return new Factors(SimpleMatrix.wrap(FMatrixRMaj.wrap(s.m, s.uCols, u)),
                SimpleMatrix.wrap(FMatrixRMaj.wrap(s.k, 1, values)),
                SimpleMatrix.wrap(FMatrixRMaj.wrap(s.n, s.vCols, transposed(vColumnMajor, s.n, s.vCols))));
    }

    /**
     * The SVD's sizes for a row-major m×n A: U is m×uCols, V is n×vCols (all columns when full,
     * k = min(m, n) otherwise).
     */
    private record Shape(int m, int n, int k, int uCols, int vCols, boolean full) {

        Shape(int m, int n, boolean full) {
            this(m, n, Math.min(m, n), full ? m : Math.min(m, n), full ? n : Math.min(m, n), full);
        }

        byte job() {
            return full ? ALL : SLIM;
        }

        /** The leading dimension of Aᵀ and of V, column-major. */
        int ldn() {
            return Math.max(1, n);
        }

        /** The leading dimension of Uᵀ, column-major. */
        int ldu() {
            return Math.max(1, uCols);
        }

        Factors nanFactors(MatrixType type) {
            return new Factors(nan(m, uCols, type), nan(k, 1, type), nan(n, vCols, type));
        }
    }

    private static void require(String routine, int info) {
        if (info > 0) {
            throw new ArithmeticException(routine + " did not converge (info " + info + ")");
        }
        if (info < 0) {
            throw new IllegalStateException(routine + ": argument " + -info + " is invalid");
        }
    }

    /** The row-major rows×cols matrix whose column-major values are {@code columnMajor}. */
    private static double[] transposed(double[] columnMajor, int rows, int cols) {
        double[] out = new double[rows * cols];
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                out[i * cols + j] = columnMajor[j * rows + i];
            }
        }
        return out;
    }

    /** As {@link #transposed(double[], int, int)}, in float. */
    private static float[] transposed(float[] columnMajor, int rows, int cols) {
        float[] out = new float[rows * cols];
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                out[i * cols + j] = columnMajor[j * rows + i];
            }
        }
        return out;
    }

    private static boolean finite(double[] x, int count) {
        for (int i = 0; i < count; i++) {
            if (!Double.isFinite(x[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean finite(float[] x, int count) {
        for (int i = 0; i < count; i++) {
            if (!Float.isFinite(x[i])) {
                return false;
            }
        }
        return true;
    }

    /** A rows×cols matrix of the given type, all NaN. */
    private static SimpleMatrix nan(int rows, int cols, MatrixType type) {
        SimpleMatrix out = new SimpleMatrix(rows, cols, type);
        out.fill(Double.NaN);
        return out;
    }
}
