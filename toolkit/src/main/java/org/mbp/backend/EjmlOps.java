package org.mbp.backend;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_FDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F32;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.simple.SimpleMatrix;
import org.ejml.simple.SimpleSVD;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The CPU backends: EJML dense row-major matrices, in double ({@code DDRM}) or in real float32
 * arithmetic ({@code FDRM}). Products and decompositions run in EJML's kernels of the chosen
 * type; entry-wise operations compute each result in double and round it to float, which for
 * +, −, ×, ÷ and √ gives exactly the IEEE binary32 result (53 ≥ 2·24 + 2 bits).
 *
 * <p>The products run in EJML's kernels too, or in OpenBLAS's for the backends of
 * {@link #fastest(Precision)} (the training backends): same formulas, another summation order.
 *
 * <p>Decompositions come sorted (eigenvalues ascending, singular values descending; EJML's are
 * not) and with a fixed sign convention: in each eigenvector, and in each right singular vector
 * (with its left partner), the entry of largest magnitude is positive.
 */
public final class EjmlOps implements MatrixOps<SimpleMatrix> {

    /** Where the decompositions come from. */
    public enum Engine {
        /** EJML's own (default). */
        EJML,
        /** Apache Commons Math 3 ({@code EigenDecomposition}, {@code SingularValueDecomposition}). */
        COMMONS_MATH
    }

    /** Double precision on EJML {@code DDRM}. */
    public static final EjmlOps DOUBLE = new EjmlOps(Precision.DOUBLE, Engine.EJML, false);
    /** Single precision on EJML {@code FDRM}. */
    public static final EjmlOps FLOAT = new EjmlOps(Precision.FLOAT, Engine.EJML, false);
    /**
     * Double precision with Commons Math's decompositions: the same products and formulas with a
     * second, independent eigensolver and SVD, so a study can tell decomposition error from
     * formula error.
     */
    public static final EjmlOps DOUBLE_COMMONS_MATH = new EjmlOps(Precision.DOUBLE, Engine.COMMONS_MATH, false);

    /** The EJML backend of the given precision. */
    public static EjmlOps of(Precision precision) {
        return precision == Precision.FLOAT ? FLOAT : DOUBLE;
    }

    /**
     * The backend of the given precision whose matrix products run in OpenBLAS, where its native
     * library loads ({@link #openBlasUnavailableReason()} says why not otherwise; then this is
     * {@link #of}). Decompositions and entry-wise operations are EJML's as in {@link #of}.
     */
    public static EjmlOps fastest(Precision precision) {
        if (OpenBlas.unavailableReason().isPresent()) {
            return of(precision);
        }
        return precision == Precision.FLOAT ? WithOpenBlas.FLOAT : WithOpenBlas.DOUBLE;
    }

    /** Why {@link #fastest} cannot use OpenBLAS here, or empty when it does. */
    public static Optional<String> openBlasUnavailableReason() {
        return OpenBlas.unavailableReason();
    }

    /** Created on first use, so that the native library loads only when asked for. */
    private static final class WithOpenBlas {
        static final EjmlOps FLOAT = new EjmlOps(Precision.FLOAT, Engine.EJML, true);
        static final EjmlOps DOUBLE = new EjmlOps(Precision.DOUBLE, Engine.EJML, true);
    }

    private final Precision precision;
    private final Engine engine;
    private final boolean openBlas;
    private final boolean single;
    private final Class<?> type;

    private EjmlOps(Precision precision, Engine engine, boolean openBlas) {
        this.precision = precision;
        this.engine = engine;
        this.openBlas = openBlas;
        this.single = precision == Precision.FLOAT;
        this.type = single ? FMatrixRMaj.class : DMatrixRMaj.class;
    }

    /** Where this backend's decompositions come from. */
    public Engine engine() {
        return engine;
    }

    /** The arithmetic this backend computes in. */
    public Precision precision() {
        return precision;
    }

    @Override
    public String name() {
        return precision.label() + (engine == Engine.EJML ? "" : "/commons-math") + (openBlas ? "/openblas" : "");
    }

    @Override
    public double epsilon() {
        return precision.epsilon();
    }

    private double round(double x) {
        return single ? (float) x : x;
    }

    /** The entries as doubles; for the double backend this is the live array (read only). */
    private double[] read(SimpleMatrix a) {
        if (!single) {
            return a.getDDRM().data;
        }
        float[] data = a.getFDRM().data;
        double[] out = new double[a.getNumElements()];
        for (int i = 0; i < out.length; i++) {
            out[i] = data[i];
        }
        return out;
    }

    /** Wraps the values rounded to this precision (the float cast rounds); a double array is taken, not copied. */
    private SimpleMatrix write(int rows, int cols, double[] values) {
        if (!single) {
            return SimpleMatrix.wrap(DMatrixRMaj.wrap(rows, cols, values));
        }
        float[] data = new float[rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) values[i];
        }
        return SimpleMatrix.wrap(FMatrixRMaj.wrap(rows, cols, data));
    }

    private static void requireSameShape(SimpleMatrix a, SimpleMatrix b, String op) {
        if (a.getNumRows() != b.getNumRows() || a.getNumCols() != b.getNumCols()) {
            throw new IllegalArgumentException(op + ": shapes differ, " + a.getNumRows() + "×"
                    + a.getNumCols() + " vs " + b.getNumRows() + "×" + b.getNumCols());
        }
    }

    private static void requireVector(SimpleMatrix v, int length, String op) {
        if (v.getNumCols() != 1 || v.getNumRows() != length) {
            throw new IllegalArgumentException(op + ": expected a " + length + "×1 vector, got "
                    + v.getNumRows() + "×" + v.getNumCols());
        }
    }

    // ---------------------------------------------------------------- shape and conversion

    @Override
    public int rows(SimpleMatrix a) {
        return a.getNumRows();
    }

    @Override
    public int cols(SimpleMatrix a) {
        return a.getNumCols();
    }

    @Override
    public SimpleMatrix zeros(int rows, int cols) {
        return new SimpleMatrix(rows, cols, type);
    }

    @Override
    public SimpleMatrix filled(int rows, int cols, double value) {
        double[] v = new double[rows * cols];
        Arrays.fill(v, round(value));
        return write(rows, cols, v);
    }

    @Override
    public SimpleMatrix identity(int n) {
        return SimpleMatrix.identity(n, type);
    }

    @Override
    public SimpleMatrix fromRowMajor(int rows, int cols, double[] values) {
        if (values.length != rows * cols) {
            throw new IllegalArgumentException("fromRowMajor: " + values.length
                    + " values for a " + rows + "×" + cols + " matrix");
        }
        return write(rows, cols, single ? values : values.clone());
    }

    @Override
    public double[] toRowMajor(SimpleMatrix a) {
        return single ? read(a) : Arrays.copyOf(read(a), a.getNumElements());
    }

    @Override
    public double get(SimpleMatrix a, int row, int col) {
        return a.get(row, col);
    }

    // ---------------------------------------------------------------- structure

    @Override
    public SimpleMatrix transpose(SimpleMatrix a) {
        return a.transpose();
    }

    @Override
    public SimpleMatrix block(SimpleMatrix a, int r0, int r1, int c0, int c1) {
        return a.extractMatrix(r0, r1, c0, c1);
    }

    @Override
    public SimpleMatrix hconcat(SimpleMatrix left, SimpleMatrix right) {
        if (right.getNumCols() == 0) {
            return left.copy();
        }
        if (left.getNumCols() == 0) {
            return right.copy();
        }
        return left.concatColumns(right);
    }

    @Override
    public SimpleMatrix diagonal(SimpleMatrix a) {
        int k = Math.min(a.getNumRows(), a.getNumCols());
        int cols = a.getNumCols();
        double[] src = read(a);
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            v[i] = src[i * cols + i];
        }
        return write(k, 1, v);
    }

    @Override
    public SimpleMatrix diagonalMatrix(SimpleMatrix v, int rows, int cols) {
        int k = Math.min(rows, cols);
        requireVector(v, k, "diagonalMatrix");
        double[] src = read(v);
        double[] out = new double[rows * cols];
        for (int i = 0; i < k; i++) {
            out[i * cols + i] = src[i];
        }
        return write(rows, cols, out);
    }

    @Override
    public SimpleMatrix scaleRows(SimpleMatrix v, SimpleMatrix a) {
        int rows = a.getNumRows();
        int cols = a.getNumCols();
        requireVector(v, rows, "scaleRows");
        double[] s = read(v);
        double[] src = read(a);
        double[] out = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            double si = s[i];
            for (int j = 0, k = i * cols; j < cols; j++, k++) {
                out[k] = round(si * src[k]);
            }
        }
        return write(rows, cols, out);
    }

    @Override
    public SimpleMatrix scaleColumns(SimpleMatrix a, SimpleMatrix v) {
        int rows = a.getNumRows();
        int cols = a.getNumCols();
        requireVector(v, cols, "scaleColumns");
        double[] s = read(v);
        double[] src = read(a);
        double[] out = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0, k = i * cols; j < cols; j++, k++) {
                out[k] = round(src[k] * s[j]);
            }
        }
        return write(rows, cols, out);
    }

    @Override
    public SimpleMatrix rowSums(SimpleMatrix a) {
        int rows = a.getNumRows();
        int cols = a.getNumCols();
        double[] src = read(a);
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0, k = i * cols; j < cols; j++, k++) {
                s = round(s + src[k]);
            }
            out[i] = s;
        }
        return write(rows, 1, out);
    }

    @Override
    public SimpleMatrix diagonalOfProduct(SimpleMatrix a, SimpleMatrix b) {
        int n = a.getNumRows();
        int inner = a.getNumCols();
        if (b.getNumRows() != inner || b.getNumCols() != n) {
            throw new IllegalArgumentException("diagonalOfProduct: " + n + "×" + inner + " times "
                    + b.getNumRows() + "×" + b.getNumCols() + " is not square");
        }
        double[] x = read(a);
        double[] y = read(b);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < inner; j++) {
                s = round(s + round(x[i * inner + j] * y[j * n + i]));
            }
            out[i] = s;
        }
        return write(n, 1, out);
    }

    /**
     * In float on the backing array, without the widening copies of the default (the trunk's
     * im2col and pooling run here); in double the default, whose row-major values are the array.
     */
    @Override
    public SimpleMatrix gather(SimpleMatrix a, int[] index, int rows, int cols) {
        if (!single) {
            return MatrixOps.super.gather(a, index, rows, cols);
        }
        Gather.requireCount(index, rows, cols);
        int size = a.getNumElements();
        float[] x = a.getFDRM().data;
        float[] out = new float[index.length];
        for (int k = 0; k < out.length; k++) {
            int i = index[k];
            if (i != Gather.ZERO) {
                out[k] = x[Gather.inside("gather", k, i, size)];
            }
        }
        return SimpleMatrix.wrap(FMatrixRMaj.wrap(rows, cols, out));
    }

    /** In float on the backing array, as {@link #gather}; in double the default. */
    @Override
    public SimpleMatrix scatterAdd(SimpleMatrix a, int[] index, int rows, int cols) {
        if (!single) {
            return MatrixOps.super.scatterAdd(a, index, rows, cols);
        }
        int size = Gather.requireScatterCount(index, a.getNumElements(), rows, cols);
        float[] x = a.getFDRM().data;
        double[] out = new double[size];
        for (int k = 0; k < index.length; k++) {
            int j = index[k];
            if (j != Gather.ZERO) {
                out[Gather.inside("scatterAdd", k, j, size)] += x[k];
            }
        }
        return write(rows, cols, out);
    }

    // ---------------------------------------------------------------- arithmetic

    @Override
    public SimpleMatrix add(SimpleMatrix a, SimpleMatrix b) {
        requireSameShape(a, b, "add");
        return a.plus(b);
    }

    @Override
    public SimpleMatrix sub(SimpleMatrix a, SimpleMatrix b) {
        requireSameShape(a, b, "sub");
        return a.minus(b);
    }

    @Override
    public SimpleMatrix scale(double s, SimpleMatrix a) {
        return a.scale(s);
    }

    @Override
    public SimpleMatrix hadamard(SimpleMatrix a, SimpleMatrix b) {
        requireSameShape(a, b, "hadamard");
        return a.elementMult(b);
    }

    @Override
    public SimpleMatrix divide(SimpleMatrix a, SimpleMatrix b) {
        requireSameShape(a, b, "divide");
        return a.elementDiv(b);
    }

    @Override
    public SimpleMatrix mult(SimpleMatrix a, SimpleMatrix b) {
        return openBlas ? product(a, false, b, false) : a.mult(b);
    }

    @Override
    public SimpleMatrix multTransA(SimpleMatrix a, SimpleMatrix b) {
        if (openBlas) {
            return product(a, true, b, false);
        }
        if (single) {
            FMatrixRMaj c = new FMatrixRMaj(a.getNumCols(), b.getNumCols());
            CommonOps_FDRM.multTransA(a.getFDRM(), b.getFDRM(), c);
            return SimpleMatrix.wrap(c);
        }
        DMatrixRMaj c = new DMatrixRMaj(a.getNumCols(), b.getNumCols());
        CommonOps_DDRM.multTransA(a.getDDRM(), b.getDDRM(), c);
        return SimpleMatrix.wrap(c);
    }

    /**
     * {@code A Bᵀ}; in EJML as {@code A · (Bᵀ)} with an explicit transpose: EJML's
     * {@code multTransB} takes inner products of rows without blocking and runs at about half the
     * speed of its {@code mult} for 256×256 (12 ms against 5 ms here), while the transpose costs
     * O(n²).
     */
    @Override
    public SimpleMatrix multTransB(SimpleMatrix a, SimpleMatrix b) {
        return openBlas ? product(a, false, b, true) : a.mult(b.transpose());
    }

    private SimpleMatrix product(SimpleMatrix a, boolean transA, SimpleMatrix b, boolean transB) {
        return SimpleMatrix.wrap(single ? OpenBlas.product(a.getFDRM(), transA, b.getFDRM(), transB)
                : OpenBlas.product(a.getDDRM(), transA, b.getDDRM(), transB));
    }

    @Override
    public double dot(SimpleMatrix a, SimpleMatrix b) {
        requireSameShape(a, b, "dot");
        double[] x = read(a);
        double[] y = read(b);
        double s = 0;
        for (int i = 0, n = a.getNumElements(); i < n; i++) {
            s = round(s + round(x[i] * y[i]));
        }
        return s;
    }

    @Override
    public double maxAbs(SimpleMatrix a) {
        double[] x = read(a);
        double m = 0;
        for (int i = 0, n = a.getNumElements(); i < n; i++) {
            m = Math.max(m, Math.abs(x[i]));
        }
        return m;
    }

    @Override
    public boolean isFinite(SimpleMatrix a) {
        int n = a.getNumElements();
        if (single) {
            float[] x = a.getFDRM().data;
            for (int i = 0; i < n; i++) {
                if (!Float.isFinite(x[i])) {
                    return false;
                }
            }
            return true;
        }
        double[] x = a.getDDRM().data;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x[i])) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- entry-wise functions

    @Override
    public SimpleMatrix apply(SimpleMatrix a, Elementwise function) {
        return map(a, function::applyAsDouble);
    }

    @Override
    public SimpleMatrix power(SimpleMatrix a, double p) {
        return map(a, x -> Math.pow(x, p));
    }

    @Override
    public SimpleMatrix map(SimpleMatrix a, DoubleUnaryOperator function) {
        double[] x = read(a);
        double[] out = new double[a.getNumElements()];
        for (int i = 0; i < out.length; i++) {
            out[i] = round(function.applyAsDouble(x[i]));
        }
        return write(a.getNumRows(), a.getNumCols(), out);
    }

    @Override
    public SimpleMatrix outer(SimpleMatrix v, SimpleMatrix w, Outer op) {
        int n = v.getNumRows();
        int k = w.getNumRows();
        requireVector(v, n, "outer");
        requireVector(w, k, "outer");
        double[] x = read(v);
        double[] y = read(w);
        double[] out = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                out[i * k + j] = round(op.apply(x[i], y[j]));
            }
        }
        return write(n, k, out);
    }

    @Override
    public SimpleMatrix offDiagonalReciprocal(SimpleMatrix a) {
        int rows = a.getNumRows();
        int cols = a.getNumCols();
        double[] x = read(a);
        double[] out = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] = i == j ? 0.0 : round(1.0 / x[i * cols + j]);
            }
        }
        return write(rows, cols, out);
    }

    @Override
    public SimpleMatrix choose(SimpleMatrix criterion, double threshold, SimpleMatrix small,
            SimpleMatrix large) {
        requireSameShape(criterion, small, "choose");
        requireSameShape(criterion, large, "choose");
        int n = criterion.getNumElements();
        if (single) {
            float[] c = criterion.getFDRM().data;
            float[] s = small.getFDRM().data;
            float[] l = large.getFDRM().data;
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = c[i] <= threshold ? s[i] : l[i];
            }
            return SimpleMatrix.wrap(FMatrixRMaj.wrap(criterion.getNumRows(), criterion.getNumCols(), out));
        }
        double[] c = criterion.getDDRM().data;
        double[] s = small.getDDRM().data;
        double[] l = large.getDDRM().data;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = c[i] <= threshold ? s[i] : l[i];
        }
        return SimpleMatrix.wrap(DMatrixRMaj.wrap(criterion.getNumRows(), criterion.getNumCols(), out));
    }

    // ---------------------------------------------------------------- decompositions

    @Override
    public SymmetricEigen<SimpleMatrix> eigSymmetric(SimpleMatrix a) {
        int n = a.getNumRows();
        if (a.getNumCols() != n) {
            throw new IllegalArgumentException("eigSymmetric: matrix is " + n + "×" + a.getNumCols()
                    + ", not square");
        }
        double[] values = new double[n];
        double[][] vectors = new double[n][];
        if (engine == Engine.COMMONS_MATH) {
            EigenDecomposition eig = new EigenDecomposition(realMatrix(a));
            for (int i = 0; i < n; i++) {
                values[i] = eig.getRealEigenvalue(i);
                vectors[i] = eig.getEigenvector(i).toArray();
            }
        } else if (single) {
            EigenDecomposition_F32<FMatrixRMaj> eig = DecompositionFactory_FDRM.eig(n, true, true);
            if (!eig.decompose(a.getFDRM().copy())) {
                throw new ArithmeticException("symmetric eigendecomposition did not converge");
            }
            for (int i = 0; i < n; i++) {
                values[i] = eig.getEigenvalue(i).real;
                vectors[i] = read(SimpleMatrix.wrap(eig.getEigenVector(i)));
            }
        } else {
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
            if (!eig.decompose(a.getDDRM().copy())) {
                throw new ArithmeticException("symmetric eigendecomposition did not converge");
            }
            for (int i = 0; i < n; i++) {
                values[i] = eig.getEigenvalue(i).real;
                vectors[i] = eig.getEigenVector(i).data.clone();
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(values[p], values[q]));
        double[] sortedValues = new double[n];
        double[] u = new double[n * n];
        for (int col = 0; col < n; col++) {
            int src = order[col];
            sortedValues[col] = values[src];
            for (int row = 0; row < n; row++) {
                u[row * n + col] = vectors[src][row];
            }
        }
        SimpleMatrix sortedVectors = write(n, n, u);
        return new SymmetricEigen<>(write(n, 1, sortedValues),
                flipColumns(sortedVectors, canonicalSigns(sortedVectors, n)));
    }

    @Override
    public Svd<SimpleMatrix> svd(SimpleMatrix a, boolean full) {
        int m = a.getNumRows();
        int n = a.getNumCols();
        int k = Math.min(m, n);
        SimpleMatrix u;
        SimpleMatrix v;
        double[] sigma;
        if (engine == Engine.COMMONS_MATH) {
            SingularValueDecomposition svd = new SingularValueDecomposition(realMatrix(a));
            sigma = svd.getSingularValues();
            u = fromRealMatrix(full ? completed(svd.getU()) : svd.getU());
            v = fromRealMatrix(full ? completed(svd.getV()) : svd.getV());
        } else {
            SimpleSVD<SimpleMatrix> svd = a.svd(!full);
            SimpleMatrix w = svd.getW();
            sigma = new double[k];
            for (int i = 0; i < k; i++) {
                sigma[i] = w.get(i, i);
            }
            u = svd.getU();
            v = svd.getV();
            if (!full) {
                u = u.extractMatrix(0, m, 0, k);
                v = v.extractMatrix(0, n, 0, k);
            }
        }
        double[] signs = canonicalSigns(v, k);
        return new Svd<>(flipColumns(u, signs), write(k, 1, sigma), flipColumns(v, signs));
    }

    private static RealMatrix realMatrix(SimpleMatrix a) {
        double[][] rows = new double[a.getNumRows()][a.getNumCols()];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[i].length; j++) {
                rows[i][j] = a.get(i, j);
            }
        }
        return new Array2DRowRealMatrix(rows, false);
    }

    private SimpleMatrix fromRealMatrix(RealMatrix r) {
        double[] values = new double[r.getRowDimension() * r.getColumnDimension()];
        for (int i = 0; i < r.getRowDimension(); i++) {
            for (int j = 0; j < r.getColumnDimension(); j++) {
                values[i * r.getColumnDimension() + j] = r.getEntry(i, j);
            }
        }
        return write(r.getRowDimension(), r.getColumnDimension(), values);
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

    /**
     * ±1 for each of the first k columns, making the entry of largest magnitude positive: a
     * deterministic sign convention, so that backends of different precision agree.
     */
    private double[] canonicalSigns(SimpleMatrix a, int k) {
        int rows = a.getNumRows();
        int cols = a.getNumCols();
        double[] values = read(a);
        double[] signs = new double[cols];
        Arrays.fill(signs, 1.0);
        for (int j = 0; j < k; j++) {
            double largest = 0;
            for (int i = 0; i < rows; i++) {
                double x = values[i * cols + j];
                if (Math.abs(x) > Math.abs(largest)) {
                    largest = x;
                }
            }
            signs[j] = largest < 0 ? -1.0 : 1.0;
        }
        return signs;
    }

    /** Multiplies the first {@code signs.length} columns by the signs; the others stay. */
    private SimpleMatrix flipColumns(SimpleMatrix a, double[] signs) {
        int rows = a.getNumRows();
        int cols = a.getNumCols();
        double[] values = read(a);
        double[] out = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double x = values[i * cols + j];
                out[i * cols + j] = j < signs.length ? signs[j] * x : x;
            }
        }
        return write(rows, cols, out);
    }

    @Override
    public String toString() {
        return "EjmlOps[" + name() + "]";
    }
}
