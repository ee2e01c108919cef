package org.mbp.backend;

import java.util.List;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.data.MatrixType;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.simple.SimpleMatrix;

/**
 * The CPU backends: EJML dense row-major matrices, in double ({@code DDRM}) or in real float32
 * arithmetic ({@code FDRM}). Products and decompositions run in EJML's kernels of the chosen
 * type; entry-wise operations compute each result in double and round it to float, which for
 * +, −, ×, ÷ and √ gives exactly the IEEE binary32 result (53 ≥ 2·24 + 2 bits). They read each
 * operand's entries from its own float or double array (widening a float is exact) and store each
 * result, rounded once, into the new matrix's array: one loop per operation for both precisions,
 * and no double copy of a float matrix.
 *
 * <p>The products run in EJML's kernels too, or in OpenBLAS's for the backends of
 * {@link #fastest(Precision)} (the training and gradient backends), whose decompositions are
 * LAPACK's: same formulas, another summation order and eigensolver.
 *
 * <p>Decompositions come from an {@link Engine}, in {@link CanonicalOrder}: sorted (eigenvalues
 * ascending, singular values descending; EJML's eigenvalues are not) and with a fixed sign
 * convention: in each eigenvector, and in each right singular vector (with its left partner), the
 * entry of largest magnitude is positive. The engine's factors come in the matrix's type; the
 * eigenpairs are written once into the result in that order and those signs, and the singular
 * vectors take their signs in place.
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

    /** {@code x} rounded to this precision: the running sums of {@link #rowSums} and the like. */
    private double round(double x) {
        return single ? (float) x : x;
    }

    /** A matrix's row-major entries, read one at a time as doubles (widening a float is exact). */
    private interface Entries {
        double get(int i);
    }

    /** Stores a matrix's row-major entries one at a time, each rounded once to its precision. */
    private interface Sink {
        void set(int i, double value);
    }

    /** The entries of a matrix of this precision, read from its own float or double array. */
    private Entries entries(SimpleMatrix a) {
        if (single) {
            float[] x = a.getFDRM().data;
            return i -> x[i];
        }
        double[] x = a.getDDRM().data;
        return i -> x[i];
    }

    /** Writes into the own array of a matrix of this precision; into a float one, the float cast rounds. */
    private Sink sink(SimpleMatrix a) {
        if (single) {
            float[] y = a.getFDRM().data;
            return (i, value) -> y[i] = (float) value;
        }
        double[] y = a.getDDRM().data;
        return (i, value) -> y[i] = value;
    }

    /** Copies entry {@code from} of one matrix to entry {@code to} of another, bit for bit. */
    private interface Copy {
        void entry(int to, int from);
    }

    /**
     * Copies between the own arrays of two matrices of this precision, in that precision: the
     * selections ({@link #gather}, and {@link #choose} by its own bit masks) move entries without
     * converting them, so even a NaN keeps its payload.
     */
    private Copy copy(SimpleMatrix source, SimpleMatrix target) {
        if (single) {
            float[] x = source.getFDRM().data;
            float[] y = target.getFDRM().data;
            return (to, from) -> y[to] = x[from];
        }
        double[] x = source.getDDRM().data;
        double[] y = target.getDDRM().data;
        return (to, from) -> y[to] = x[from];
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
        SimpleMatrix out = zeros(rows, cols);
        Sink y = sink(out);
        for (int i = 0, n = rows * cols; i < n; i++) {
            y.set(i, value);
        }
        return out;
    }

    @Override
    public SimpleMatrix identity(int n) {
        return SimpleMatrix.identity(n, type);
    }

    @Override
    public SimpleMatrix fromRowMajor(int rows, int cols, double[] values) {
        Shapes.requireValueCount("fromRowMajor", rows, cols, values.length);
        SimpleMatrix out = zeros(rows, cols);
        Sink y = sink(out);
        for (int i = 0; i < values.length; i++) {
            y.set(i, values[i]);
        }
        return out;
    }

    @Override
    public double[] toRowMajor(SimpleMatrix a) {
        Entries x = entries(a);
        double[] out = new double[a.getNumElements()];
        for (int i = 0; i < out.length; i++) {
            out[i] = x.get(i);
        }
        return out;
    }

    /**
     * An EJML matrix of either precision (from any backend that holds one) converted entry by entry
     * in memory: each entry widened to double (exact) and rounded once here, as the default's
     * round trip through {@link #toRowMajor} would, without that host read; other matrices through
     * the default.
     */
    @Override
    public <N> SimpleMatrix copyOf(MatrixOps<N> source, N a) {
        if (!(a instanceof SimpleMatrix m)) {
            return MatrixOps.super.copyOf(source, a);
        }
        SimpleMatrix out = zeros(m.getNumRows(), m.getNumCols());
        Sink y = sink(out);
        int n = m.getNumElements();
        if (m.getType() == MatrixType.FDRM) {
            float[] x = m.getFDRM().data;
            for (int i = 0; i < n; i++) {
                y.set(i, x[i]);
            }
        } else {
            double[] x = m.getDDRM().data;
            for (int i = 0; i < n; i++) {
                y.set(i, x[i]);
            }
        }
        return out;
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
        Entries x = entries(a);
        SimpleMatrix out = zeros(k, 1);
        Sink y = sink(out);
        for (int i = 0; i < k; i++) {
            y.set(i, x.get(i * cols + i));
        }
        return out;
    }

    @Override
    public SimpleMatrix diagonalMatrix(SimpleMatrix v, int rows, int cols) {
        int k = Math.min(rows, cols);
        Shapes.requireVector(this, "diagonalMatrix", v, k);
        Entries x = entries(v);
        SimpleMatrix out = zeros(rows, cols);
        Sink y = sink(out);
        for (int i = 0; i < k; i++) {
            y.set(i * cols + i, x.get(i));
        }
        return out;
    }

    @Override
    public SimpleMatrix scaleRows(SimpleMatrix v, SimpleMatrix a) {
        int rows = a.getNumRows();
        int cols = a.getNumCols();
        Shapes.requireVector(this, "scaleRows", v, rows);
        Entries s = entries(v);
        Entries x = entries(a);
        SimpleMatrix out = zeros(rows, cols);
        Sink y = sink(out);
        for (int i = 0; i < rows; i++) {
            double si = s.get(i);
            for (int j = 0, k = i * cols; j < cols; j++, k++) {
                y.set(k, si * x.get(k));
            }
        }
        return out;
    }

    @Override
    public SimpleMatrix scaleColumns(SimpleMatrix a, SimpleMatrix v) {
        int rows = a.getNumRows();
        int cols = a.getNumCols();
        Shapes.requireVector(this, "scaleColumns", v, cols);
        Entries s = entries(v);
        Entries x = entries(a);
        SimpleMatrix out = zeros(rows, cols);
        Sink y = sink(out);
        for (int i = 0; i < rows; i++) {
            for (int j = 0, k = i * cols; j < cols; j++, k++) {
                y.set(k, x.get(k) * s.get(j));
            }
        }
        return out;
    }

    @Override
    public SimpleMatrix rowSums(SimpleMatrix a) {
        int rows = a.getNumRows();
        int cols = a.getNumCols();
        Entries x = entries(a);
        SimpleMatrix out = zeros(rows, 1);
        Sink y = sink(out);
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0, k = i * cols; j < cols; j++, k++) {
                s = round(s + x.get(k));
            }
            y.set(i, s);
        }
        return out;
    }

    @Override
    public SimpleMatrix diagonalOfProduct(SimpleMatrix a, SimpleMatrix b) {
        Shapes.requireSquareProduct(this, "diagonalOfProduct", a, b);
        int n = a.getNumRows();
        int inner = a.getNumCols();
        Entries x = entries(a);
        Entries z = entries(b);
        SimpleMatrix out = zeros(n, 1);
        Sink y = sink(out);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < inner; j++) {
                s = round(s + round(x.get(i * inner + j) * z.get(j * n + i)));
            }
            y.set(i, s);
        }
        return out;
    }

    /**
     * Copies the entries between the matrices' own arrays, in their precision, without the
     * row-major copies of the default (the trunk's im2col and pooling run here).
     */
    @Override
    public SimpleMatrix gather(SimpleMatrix a, int[] index, int rows, int cols) {
        Gather.requireCount(index, rows, cols);
        int size = a.getNumElements();
        SimpleMatrix out = zeros(rows, cols);
        Copy copy = copy(a, out);
        for (int k = 0; k < index.length; k++) {
            int i = index[k];
            if (i != Gather.ZERO) {
                copy.entry(k, Gather.inside("gather", k, i, size));
            }
        }
        return out;
    }

    /**
     * Reads the entries from the matrix's own array, as {@link #gather}; the sums accumulate in
     * double and are rounded once into the result.
     */
    @Override
    public SimpleMatrix scatterAdd(SimpleMatrix a, int[] index, int rows, int cols) {
        int size = Gather.requireScatterCount(index, a.getNumElements(), rows, cols);
        Entries x = entries(a);
        double[] sums = new double[size];
        for (int k = 0; k < index.length; k++) {
            int j = index[k];
            if (j != Gather.ZERO) {
                sums[Gather.inside("scatterAdd", k, j, size)] += x.get(k);
            }
        }
        return fromRowMajor(rows, cols, sums);
    }

    /** Reads the entries from the matrix's own array and writes the ones into the result's. */
    @Override
    public SimpleMatrix argMaxMask(SimpleMatrix a, int[] members, int size) {
        SimpleMatrix out = zeros(a.getNumRows(), a.getNumCols());
        Entries x = entries(a);
        Sink y = sink(out);
        Gather.argMax(members, size, a.getNumElements(), x::get, i -> y.set(i, 1));
        return out;
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
        Entries x = entries(a);
        Entries y = entries(b);
        double s = 0;
        for (int i = 0, n = a.getNumElements(); i < n; i++) {
            s = round(s + round(x.get(i) * y.get(i)));
        }
        return s;
    }

    @Override
    public double maxAbs(SimpleMatrix a) {
        Entries x = entries(a);
        double m = 0;
        for (int i = 0, n = a.getNumElements(); i < n; i++) {
            m = Math.max(m, Math.abs(x.get(i)));
        }
        return m;
    }

    /** Scans the matrix's own float or double array, stopping at the first non-finite entry. */
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
        Entries x = entries(a);
        SimpleMatrix out = zeros(a.getNumRows(), a.getNumCols());
        Sink y = sink(out);
        for (int i = 0, n = a.getNumElements(); i < n; i++) {
            y.set(i, function.applyAsDouble(x.get(i)));
        }
        return out;
    }

    @Override
    public SimpleMatrix outer(SimpleMatrix v, SimpleMatrix w, Outer op) {
        int n = v.getNumRows();
        int k = w.getNumRows();
        Shapes.requireVector(this, "outer", v, n);
        Shapes.requireVector(this, "outer", w, k);
        Entries x = entries(v);
        Entries z = entries(w);
        SimpleMatrix out = zeros(n, k);
        Sink y = sink(out);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                y.set(i * k + j, op.apply(x.get(i), z.get(j)));
            }
        }
        return out;
    }

    @Override
    public SimpleMatrix offDiagonalReciprocal(SimpleMatrix a) {
        int rows = a.getNumRows();
        int cols = a.getNumCols();
        Entries x = entries(a);
        SimpleMatrix out = zeros(rows, cols);
        Sink y = sink(out);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                y.set(i * cols + j, i == j ? 0.0 : 1.0 / x.get(i * cols + j));
            }
        }
        return out;
    }

    /**
     * Moves the chosen entries' bits, as {@link #gather} does, and without a branch: each entry's
     * choice is a bit mask from its comparison. In a ReLU's input the criterion's sign is a coin
     * toss, and a branch on it mispredicted about every other entry (50 176 float entries: 130 µs
     * with a branch, 37 µs with the mask, 2026-12-06). One loop per precision, since the mask is as
     * wide as the entry.
     */
    @Override
    public SimpleMatrix choose(SimpleMatrix criterion, double threshold, SimpleMatrix small,
            SimpleMatrix large) {
        Shapes.requireSameShape(this, "choose", criterion, small);
        Shapes.requireSameShape(this, "choose", criterion, large);
        SimpleMatrix out = zeros(criterion.getNumRows(), criterion.getNumCols());
        int n = criterion.getNumElements();
        if (single) {
            float[] c = criterion.getFDRM().data;
            float[] s = small.getFDRM().data;
            float[] l = large.getFDRM().data;
            float[] y = out.getFDRM().data;
            for (int i = 0; i < n; i++) {
                int pick = c[i] <= threshold ? -1 : 0;
                y[i] = Float.intBitsToFloat(Float.floatToRawIntBits(s[i]) & pick
                        | Float.floatToRawIntBits(l[i]) & ~pick);
            }
        } else {
            double[] c = criterion.getDDRM().data;
            double[] s = small.getDDRM().data;
            double[] l = large.getDDRM().data;
            double[] y = out.getDDRM().data;
            for (int i = 0; i < n; i++) {
                long pick = c[i] <= threshold ? -1L : 0L;
                y[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(s[i]) & pick
                        | Double.doubleToRawLongBits(l[i]) & ~pick);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- decompositions

    /**
     * The engine's eigenpairs (values, and vectors as the rows of Vᵀ) written once into the result,
     * in {@link CanonicalOrder#eigenOrder}: column {@code col} of the vectors is the engine's vector
     * {@code order[col]} times its sign.
     */
    @Override
    public SymmetricEigen<SimpleMatrix> eigSymmetric(SimpleMatrix a) {
        int n = Shapes.requireSquare(this, "eigSymmetric", a);
        DecompositionEngine.Eigen raw = engine.decompositions.eigSymmetric(a);
        Entries values = entries(raw.values());
        Entries rows = entries(raw.rows());
        CanonicalOrder.Arrangement canonical = CanonicalOrder.eigenOrder(n, values::get, rows::get, n, 1);
        SimpleMatrix w = zeros(n, 1);
        SimpleMatrix v = zeros(n, n);
        Sink ws = sink(w);
        Sink vs = sink(v);
        for (int col = 0; col < n; col++) {
            int j = canonical.order()[col];
            double sign = canonical.signs()[col];
            ws.set(col, values.get(j));
            for (int i = 0; i < n; i++) {
                vs.set(i * n + col, sign * rows.get(j * n + i));
            }
        }
        return new SymmetricEigen<>(w, v);
    }

    /** The engine's factors, with the column signs of {@link CanonicalOrder#columnSigns} applied in place. */
    @Override
    public Svd<SimpleMatrix> svd(SimpleMatrix a, boolean full) {
        int k = Math.min(a.getNumRows(), a.getNumCols());
        DecompositionEngine.Factors svd = engine.decompositions.svd(a, full);
        SimpleMatrix v = svd.v();
        double[] signs = CanonicalOrder.columnSigns(entries(v)::get, v.getNumRows(), v.getNumCols(), k);
        flipColumns(svd.u(), signs);
        flipColumns(v, signs);
        return new Svd<>(svd.u(), svd.sigma(), v);
    }

    /**
     * One operation of this backend: the blocks one after another, each as {@link #mult} and its
     * kin; with OpenBLAS each block is read from its place in the stack and its product written to
     * its place in the result ({@code OpenBlas.products}), the same GEMM calls on the same values
     * without cutting out the blocks and stacking the products.
     */
    @Override
    public SimpleMatrix multBlocks(SimpleMatrix a, boolean transA, SimpleMatrix b, boolean transB, int count) {
        if (!openBlas) {
            return BlockLoops.products(this, a, transA, b, transB, count);
        }
        return SimpleMatrix.wrap(single ? OpenBlas.products(a.getFDRM(), transA, b.getFDRM(), transB, count)
                : OpenBlas.products(a.getDDRM(), transA, b.getDDRM(), transB, count));
    }

    /** One operation of this backend: the blocks one after another, each as {@link #eigSymmetric}. */
    @Override
    public SymmetricEigen<SimpleMatrix> eigSymmetricBlocks(SimpleMatrix a, int count) {
        return BlockLoops.eigen(this, a, count);
    }

    /** One operation of this backend: the blocks one after another, each as {@link #svd}. */
    @Override
    public Svd<SimpleMatrix> svdBlocks(SimpleMatrix a, int count, boolean full) {
        return BlockLoops.svd(this, a, count, full);
    }

    /** One operation of this backend: the blocks one after another, each as {@link #outer}. */
    @Override
    public SimpleMatrix outerBlocks(SimpleMatrix v, SimpleMatrix w, Outer op, int count) {
        return BlockLoops.outer(this, v, w, op, count);
    }

    /** Multiplies the first {@code signs.length} columns by their signs (±1: exact) in place; the others stay. */
    private void flipColumns(SimpleMatrix a, double[] signs) {
        int cols = a.getNumCols();
        Entries x = entries(a);
        Sink y = sink(a);
        for (int i = 0, rows = a.getNumRows(); i < rows; i++) {
            for (int j = 0, k = i * cols; j < signs.length; j++, k++) {
                y.set(k, signs[j] * x.get(k));
            }
        }
    }

    @Override
    public String toString() {
        return "EjmlOps[" + name() + "]";
    }
}
