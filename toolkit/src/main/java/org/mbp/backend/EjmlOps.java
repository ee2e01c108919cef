package org.mbp.backend;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.simple.SimpleMatrix;

/**
 * The CPU backends: EJML dense row-major matrices, in double ({@code DDRM}) or in real float32
 * arithmetic ({@code FDRM}). Products and decompositions run in EJML's kernels of the chosen
 * type; entry-wise operations compute each result in double and round it to float, which for
 * +, −, ×, ÷ and √ gives exactly the IEEE binary32 result (53 ≥ 2·24 + 2 bits).
 *
 * <p>The products run in EJML's kernels too, or in OpenBLAS's for the backends of
 * {@link #fastest(Precision)} (the training and gradient backends), whose decompositions are
 * LAPACK's: same formulas, another summation order and eigensolver.
 *
 * <p>Decompositions come from an {@link Engine}, in {@link CanonicalOrder}: sorted (eigenvalues
 * ascending, singular values descending; EJML's eigenvalues are not) and with a fixed sign
 * convention: in each eigenvector, and in each right singular vector (with its left partner), the
 * entry of largest magnitude is positive.
 */
public final class EjmlOps implements MatrixOps<SimpleMatrix> {

    /** Where the decompositions come from. */
    public enum Engine {
        /** EJML's own, in the backend's precision (default; {@code EjmlEngine}). */
        EJML("", new EjmlEngine()),
        /** Apache Commons Math 3's, in double ({@code CommonsMathEngine}). */
        COMMONS_MATH("/commons-math", new CommonsMathEngine()),
        /**
         * LAPACK's {@code ?syevd} and {@code ?gesdd} in OpenBLAS, in the backend's precision
         * ({@code LapackEngine}): the engine of {@link #fastest}, whose name's {@code /openblas}
         * stands for its products and its decompositions both.
         */
        LAPACK("", new LapackEngine());

        private final String suffix;
        private final DecompositionEngine decompositions;

        Engine(String suffix, DecompositionEngine decompositions) {
            this.suffix = suffix;
            this.decompositions = decompositions;
        }
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

    /**
     * The EJML backend of the given precision.
     *
     * @param precision the arithmetic precision
     * @return the EJML backend of the given precision
     */
    public static EjmlOps of(Precision precision) {
        return precision == Precision.FLOAT ? FLOAT : DOUBLE;
    }

    /**
     * The backend of the given precision whose matrix products and decompositions run in
     * OpenBLAS and its LAPACK ({@link Engine#LAPACK}), where its native library loads
     * ({@link #openBlasUnavailableReason()} says why not otherwise; then this is {@link #of}, EJML's
     * pure-Java kernels). Entry-wise operations are EJML's as in {@link #of}.
     *
     * @param precision the arithmetic precision
     * @return the fastest backend of that precision that loads here
     */
    public static EjmlOps fastest(Precision precision) {
        if (OpenBlas.unavailableReason().isPresent()) {
            return of(precision);
        }
        return precision == Precision.FLOAT ? WithOpenBlas.FLOAT : WithOpenBlas.DOUBLE;
    }

    /**
     * Why {@link #fastest} cannot use OpenBLAS here, or empty when it does.
     *
     * @return why {@link #fastest} cannot use OpenBLAS here, or empty when it does
     */
    public static Optional<String> openBlasUnavailableReason() {
        return OpenBlas.unavailableReason();
    }

    /** Created on first use, so that the native library loads only when asked for. */
    private static final class WithOpenBlas {
        static final EjmlOps FLOAT = new EjmlOps(Precision.FLOAT, Engine.LAPACK, true);
        static final EjmlOps DOUBLE = new EjmlOps(Precision.DOUBLE, Engine.LAPACK, true);
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

    /**
     * Where this backend's decompositions come from.
     *
     * @return where this backend's decompositions come from
     */
    public Engine engine() {
        return engine;
    }

    /**
     * The arithmetic this backend computes in.
     *
     * @return the arithmetic this backend computes in
     */
    public Precision precision() {
        return precision;
    }

    @Override
    public String name() {
        return precision.label() + engine.suffix + (openBlas ? "/openblas" : "");
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
        return FloatArrays.widened(a.getFDRM().data, a.getNumElements());
    }

    /** Wraps the values rounded to this precision (the float cast rounds); a double array is taken, not copied. */
    private SimpleMatrix write(int rows, int cols, double[] values) {
        if (!single) {
            return SimpleMatrix.wrap(DMatrixRMaj.wrap(rows, cols, values));
        }
        return SimpleMatrix.wrap(FMatrixRMaj.wrap(rows, cols, FloatArrays.rounded(values, rows * cols)));
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
        Shapes.requireValueCount("fromRowMajor", rows, cols, values.length);
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
        Shapes.requireBlock(this, "block", a, r0, r1, c0, c1);
        return a.extractMatrix(r0, r1, c0, c1);
    }

    @Override
    public SimpleMatrix stack(List<SimpleMatrix> blocks) {
        Shapes.requireStackable(this, "stack", blocks);
        return blocks.size() == 1 ? blocks.get(0).copy()
                : blocks.get(0).concatRows(blocks.subList(1, blocks.size()).toArray(new SimpleMatrix[0]));
    }

    @Override
    public SimpleMatrix hconcat(SimpleMatrix left, SimpleMatrix right) {
        Shapes.requireSameRows(this, "hconcat", left, right);
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
        Shapes.requireVector(this, "diagonalMatrix", v, k);
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
        Shapes.requireVector(this, "scaleRows", v, rows);
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
        Shapes.requireVector(this, "scaleColumns", v, cols);
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
        Shapes.requireSquareProduct(this, "diagonalOfProduct", a, b);
        int n = a.getNumRows();
        int inner = a.getNumCols();
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
        return entrywise("add", a, b, SimpleMatrix::plus);
    }

    @Override
    public SimpleMatrix sub(SimpleMatrix a, SimpleMatrix b) {
        return entrywise("sub", a, b, SimpleMatrix::minus);
    }

    @Override
    public SimpleMatrix scale(double s, SimpleMatrix a) {
        return a.scale(s);
    }

    @Override
    public SimpleMatrix hadamard(SimpleMatrix a, SimpleMatrix b) {
        return entrywise("hadamard", a, b, SimpleMatrix::elementMult);
    }

    @Override
    public SimpleMatrix divide(SimpleMatrix a, SimpleMatrix b) {
        return entrywise("divide", a, b, SimpleMatrix::elementDiv);
    }

    /** EJML's entry-wise {@code operation} on matrices of the same shape. */
    private SimpleMatrix entrywise(String op, SimpleMatrix a, SimpleMatrix b, BinaryOperator<SimpleMatrix> operation) {
        Shapes.requireSameShape(this, op, a, b);
        return operation.apply(a, b);
    }

    @Override
    public SimpleMatrix mult(SimpleMatrix a, SimpleMatrix b) {
        Shapes.requireProduct(this, "mult", a, false, b, false);
        return openBlas ? product(a, false, b, false) : a.mult(b);
    }

    @Override
    public SimpleMatrix multTransA(SimpleMatrix a, SimpleMatrix b) {
        Shapes.requireProduct(this, "multTransA", a, true, b, false);
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
        Shapes.requireProduct(this, "multTransB", a, false, b, true);
        return openBlas ? product(a, false, b, true) : a.mult(b.transpose());
    }

    private SimpleMatrix product(SimpleMatrix a, boolean transA, SimpleMatrix b, boolean transB) {
        return SimpleMatrix.wrap(single ? OpenBlas.product(a.getFDRM(), transA, b.getFDRM(), transB)
                : OpenBlas.product(a.getDDRM(), transA, b.getDDRM(), transB));
    }

    @Override
    public double dot(SimpleMatrix a, SimpleMatrix b) {
        Shapes.requireSameShape(this, "dot", a, b);
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
        Shapes.requireVector(this, "outer", v, n);
        Shapes.requireVector(this, "outer", w, k);
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
        Shapes.requireSameShape(this, "choose", criterion, small);
        Shapes.requireSameShape(this, "choose", criterion, large);
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
        int n = Shapes.requireSquare(this, "eigSymmetric", a);
        CanonicalOrder.Eigenpairs sorted = CanonicalOrder.eigenpairs(engine.decompositions.eigSymmetric(a));
        return new SymmetricEigen<>(write(n, 1, sorted.values()), write(n, n, sorted.vectors()));
    }

    @Override
    public Svd<SimpleMatrix> svd(SimpleMatrix a, boolean full) {
        int k = Math.min(a.getNumRows(), a.getNumCols());
        DecompositionEngine.Factors svd = engine.decompositions.svd(a, full);
        double[] signs = CanonicalOrder.columnSigns(read(svd.v()), svd.v().getNumRows(), svd.v().getNumCols(), k);
        return new Svd<>(flipColumns(svd.u(), signs), write(k, 1, svd.sigma()), flipColumns(svd.v(), signs));
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
