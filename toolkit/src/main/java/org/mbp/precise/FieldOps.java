package org.mbp.precise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.ejml.simple.SimpleMatrix;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;
import org.hipparchus.util.MathArrays;
import org.mbp.backend.CanonicalOrder;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.Elementwise;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.Outer;
import org.mbp.backend.Shapes;
import org.mbp.backend.Svd;
import org.mbp.backend.SymmetricEigen;

/**
 * A backend over a Hipparchus field T: {@code Dfp} gives the high-precision reference
 * ({@link HighPrecision}), {@code Gradient} gives forward-mode derivatives ({@link ForwardMode}).
 * The layers run unchanged on it.
 *
 * <p>Decompositions start from EJML's double decomposition of the values and refine it in T to
 * working precision: see {@link #eigSymmetric} and {@link #svd}. Jacobi sweeps (parallel
 * ordering) converge quadratically from that nearly diagonal start. Sorting and the sign
 * convention are {@link CanonicalOrder}'s, on the doubles of the values. {@link #map} evaluates
 * user functions in double (their values become constants of T); the built-in entry-wise
 * functions run in T.
 */
public final class FieldOps<T extends CalculusFieldElement<T>> implements MatrixOps<FieldDense<T>> {

    /** Products above this many multiply-adds are split across threads by rows. */
    private static final long PARALLEL_WORK = 20_000;

    /** Refinement steps allowed; from a double start two or three reach 50 digits. */
    private static final int MAX_REFINEMENTS = 12;

    private final Field<T> field;
    private final T zero;
    private final String name;
    private final double epsilon;
    private final boolean derivatives;

    /**
     * @param derivatives whether numbers of T carry derivative parts (forward mode): then every
     *                    Jacobi rotation is applied, however small its angle, so the
     *                    derivatives converge; for plain numbers the eigendecomposition is first
     *                    refined by matrix products and converged pairs are skipped
     * @param field the field
     * @param name the name
     */
    public FieldOps(Field<T> field, String name, boolean derivatives) {
        this.field = field;
        this.zero = field.getZero();
        this.name = name;
        this.epsilon = field.getOne().ulp().getReal();
        this.derivatives = derivatives;
    }

    /**
     * The field this backend computes in.
     *
     * @return the field this backend computes in
     */
    public Field<T> field() {
        return field;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double epsilon() {
        return epsilon;
    }

    private T[] array(int n) {
        return MathArrays.buildArray(field, n);
    }

    private FieldDense<T> matrix(int rows, int cols, T[] data) {
        return new FieldDense<>(rows, cols, data);
    }

    /**
     * A matrix from entries already in T.
     *
     * @param rows the number of rows
     * @param cols the number of columns
     * @param data the data
     * @return a matrix from entries already in T
     */
    public FieldDense<T> of(int rows, int cols, T[] data) {
        return matrix(rows, cols, data.clone());
    }

    private FieldDense<T> entrywise(FieldDense<T> a, UnaryOperator<T> f) {
        T[] out = array(a.data().length);
        for (int i = 0; i < out.length; i++) {
            out[i] = f.apply(a.data()[i]);
        }
        return matrix(a.rows(), a.cols(), out);
    }

    private FieldDense<T> entrywise(FieldDense<T> a, FieldDense<T> b, String op, BinaryOperator<T> f) {
        Shapes.requireSameShape(this, op, a, b);
        T[] out = array(a.data().length);
        for (int i = 0; i < out.length; i++) {
            out[i] = f.apply(a.data()[i], b.data()[i]);
        }
        return matrix(a.rows(), a.cols(), out);
    }

    // ---------------------------------------------------------------- shape and conversion

    @Override
    public int rows(FieldDense<T> a) {
        return a.rows();
    }

    @Override
    public int cols(FieldDense<T> a) {
        return a.cols();
    }

    @Override
    public FieldDense<T> zeros(int rows, int cols) {
        T[] out = array(rows * cols);
        Arrays.fill(out, zero);
        return matrix(rows, cols, out);
    }

    @Override
    public FieldDense<T> filled(int rows, int cols, double value) {
        T[] out = array(rows * cols);
        Arrays.fill(out, zero.newInstance(value));
        return matrix(rows, cols, out);
    }

    @Override
    public FieldDense<T> identity(int n) {
        FieldDense<T> out = zeros(n, n);
        for (int i = 0; i < n; i++) {
            out.data()[i * n + i] = field.getOne();
        }
        return out;
    }

    @Override
    public FieldDense<T> fromRowMajor(int rows, int cols, double[] values) {
        Shapes.requireValueCount("fromRowMajor", rows, cols, values.length);
        T[] out = array(values.length);
        for (int i = 0; i < out.length; i++) {
            out[i] = zero.newInstance(values[i]);
        }
        return matrix(rows, cols, out);
    }

    @Override
    public double[] toRowMajor(FieldDense<T> a) {
        return Arrays.stream(a.data()).mapToDouble(CalculusFieldElement::getReal).toArray();
    }

    @Override
    public double get(FieldDense<T> a, int row, int col) {
        return a.get(row, col).getReal();
    }

    // ---------------------------------------------------------------- structure

    @Override
    public FieldDense<T> transpose(FieldDense<T> a) {
        T[] out = array(a.data().length);
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                out[j * a.rows() + i] = a.data()[i * a.cols() + j];
            }
        }
        return matrix(a.cols(), a.rows(), out);
    }

    @Override
    public FieldDense<T> block(FieldDense<T> a, int r0, int r1, int c0, int c1) {
        Shapes.requireBlock(this, "block", a, r0, r1, c0, c1);
        int rows = r1 - r0;
        int cols = c1 - c0;
        T[] out = array(rows * cols);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(a.data(), (r0 + i) * a.cols() + c0, out, i * cols, cols);
        }
        return matrix(rows, cols, out);
    }

    @Override
    public FieldDense<T> hconcat(FieldDense<T> left, FieldDense<T> right) {
        Shapes.requireSameRows(this, "hconcat", left, right);
        int cols = left.cols() + right.cols();
        T[] out = array(left.rows() * cols);
        for (int i = 0; i < left.rows(); i++) {
            System.arraycopy(left.data(), i * left.cols(), out, i * cols, left.cols());
            System.arraycopy(right.data(), i * right.cols(), out, i * cols + left.cols(), right.cols());
        }
        return matrix(left.rows(), cols, out);
    }

    @Override
    public FieldDense<T> diagonal(FieldDense<T> a) {
        int k = Math.min(a.rows(), a.cols());
        T[] out = array(k);
        for (int i = 0; i < k; i++) {
            out[i] = a.get(i, i);
        }
        return matrix(k, 1, out);
    }

    @Override
    public FieldDense<T> diagonalMatrix(FieldDense<T> v, int rows, int cols) {
        int k = Math.min(rows, cols);
        Shapes.requireVector(this, "diagonalMatrix", v, k);
        FieldDense<T> out = zeros(rows, cols);
        for (int i = 0; i < k; i++) {
            out.data()[i * cols + i] = v.data()[i];
        }
        return out;
    }

    @Override
    public FieldDense<T> scaleRows(FieldDense<T> v, FieldDense<T> a) {
        Shapes.requireVector(this, "scaleRows", v, a.rows());
        T[] out = array(a.data().length);
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                out[i * a.cols() + j] = v.data()[i].multiply(a.data()[i * a.cols() + j]);
            }
        }
        return matrix(a.rows(), a.cols(), out);
    }

    @Override
    public FieldDense<T> scaleColumns(FieldDense<T> a, FieldDense<T> v) {
        Shapes.requireVector(this, "scaleColumns", v, a.cols());
        T[] out = array(a.data().length);
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                out[i * a.cols() + j] = a.data()[i * a.cols() + j].multiply(v.data()[j]);
            }
        }
        return matrix(a.rows(), a.cols(), out);
    }

    @Override
    public FieldDense<T> rowSums(FieldDense<T> a) {
        T[] out = array(a.rows());
        for (int i = 0; i < a.rows(); i++) {
            T s = zero;
            for (int j = 0; j < a.cols(); j++) {
                s = s.add(a.data()[i * a.cols() + j]);
            }
            out[i] = s;
        }
        return matrix(a.rows(), 1, out);
    }

    @Override
    public FieldDense<T> diagonalOfProduct(FieldDense<T> a, FieldDense<T> b) {
        Shapes.requireSquareProduct(this, "diagonalOfProduct", a, b);
        T[] out = array(a.rows());
        for (int i = 0; i < a.rows(); i++) {
            T s = zero;
            for (int j = 0; j < a.cols(); j++) {
                s = s.add(a.data()[i * a.cols() + j].multiply(b.data()[j * b.cols() + i]));
            }
            out[i] = s;
        }
        return matrix(a.rows(), 1, out);
    }

    // ---------------------------------------------------------------- arithmetic

    @Override
    public FieldDense<T> add(FieldDense<T> a, FieldDense<T> b) {
        return entrywise(a, b, "add", T::add);
    }

    @Override
    public FieldDense<T> sub(FieldDense<T> a, FieldDense<T> b) {
        return entrywise(a, b, "sub", T::subtract);
    }

    @Override
    public FieldDense<T> scale(double s, FieldDense<T> a) {
        T factor = zero.newInstance(s);
        return entrywise(a, x -> x.multiply(factor));
    }

    @Override
    public FieldDense<T> hadamard(FieldDense<T> a, FieldDense<T> b) {
        return entrywise(a, b, "hadamard", T::multiply);
    }

    @Override
    public FieldDense<T> divide(FieldDense<T> a, FieldDense<T> b) {
        return entrywise(a, b, "divide", T::divide);
    }

    @Override
    public FieldDense<T> mult(FieldDense<T> a, FieldDense<T> b) {
        Shapes.requireProduct(this, "mult", a, false, b, false);
        return product(a, b);
    }

    @Override
    public FieldDense<T> multTransA(FieldDense<T> a, FieldDense<T> b) {
        Shapes.requireProduct(this, "multTransA", a, true, b, false);
        return product(transpose(a), b);
    }

    @Override
    public FieldDense<T> multTransB(FieldDense<T> a, FieldDense<T> b) {
        Shapes.requireProduct(this, "multTransB", a, false, b, true);
        return product(a, transpose(b));
    }

    /** {@code A B} for shapes already checked, by rows in parallel above {@link #PARALLEL_WORK}. */
    private FieldDense<T> product(FieldDense<T> a, FieldDense<T> b) {
        int n = a.rows();
        int inner = a.cols();
        int m = b.cols();
        T[] out = array(n * m);
        IntStream rows = IntStream.range(0, n);
        if ((long) n * inner * m > PARALLEL_WORK) {
            rows = rows.parallel();
        }
        rows.forEach(i -> {
            for (int j = 0; j < m; j++) {
                T s = zero;
                for (int k = 0; k < inner; k++) {
                    s = s.add(a.data()[i * inner + k].multiply(b.data()[k * m + j]));
                }
                out[i * m + j] = s;
            }
        });
        return matrix(n, m, out);
    }

    /**
     * The inner product in T, for callers that need it to full precision.
     *
     * @param a the matrix A
     * @param b the matrix B
     * @return the inner product in T, for callers that need it to full precision
     */
    public T dotField(FieldDense<T> a, FieldDense<T> b) {
        Shapes.requireSameShape(this, "dot", a, b);
        T s = zero;
        for (int i = 0; i < a.data().length; i++) {
            s = s.add(a.data()[i].multiply(b.data()[i]));
        }
        return s;
    }

    @Override
    public double dot(FieldDense<T> a, FieldDense<T> b) {
        return dotField(a, b).getReal();
    }

    @Override
    public double maxAbs(FieldDense<T> a) {
        double m = 0;
        for (T x : a.data()) {
            m = Math.max(m, Math.abs(x.getReal()));
        }
        return m;
    }

    @Override
    public boolean isFinite(FieldDense<T> a) {
        for (T x : a.data()) {
            if (x.isNaN() || x.isInfinite()) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- entry-wise functions

    @Override
    public FieldDense<T> apply(FieldDense<T> a, Elementwise function) {
        return entrywise(a, switch (function) {
            case LOG -> T::log;
            case LOG1P -> T::log1p;
            case EXP -> T::exp;
            case EXPM1 -> T::expm1;
            case SQRT -> T::sqrt;
            case RECIPROCAL -> T::reciprocal;
            case ABS -> T::abs;
        });
    }

    @Override
    public FieldDense<T> power(FieldDense<T> a, double p) {
        return entrywise(a, x -> x.pow(p));
    }

    @Override
    public FieldDense<T> map(FieldDense<T> a, DoubleUnaryOperator function) {
        return entrywise(a, x -> zero.newInstance(function.applyAsDouble(x.getReal())));
    }

    @Override
    public FieldDense<T> outer(FieldDense<T> v, FieldDense<T> w, Outer op) {
        int n = v.rows();
        int k = w.rows();
        Shapes.requireVector(this, "outer", v, n);
        Shapes.requireVector(this, "outer", w, k);
        T[] out = array(n * k);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                T x = v.data()[i];
                T y = w.data()[j];
                out[i * k + j] = switch (op) {
                    case DIFFERENCE -> x.subtract(y);
                    case SUM -> x.add(y);
                    case MIN -> x.getReal() <= y.getReal() ? x : y;
                    case MAX -> x.getReal() >= y.getReal() ? x : y;
                };
            }
        }
        return matrix(n, k, out);
    }

    @Override
    public FieldDense<T> offDiagonalReciprocal(FieldDense<T> a) {
        T[] out = array(a.data().length);
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                out[i * a.cols() + j] = i == j ? zero : a.data()[i * a.cols() + j].reciprocal();
            }
        }
        return matrix(a.rows(), a.cols(), out);
    }

    @Override
    public FieldDense<T> choose(FieldDense<T> criterion, double threshold, FieldDense<T> small,
            FieldDense<T> large) {
        Shapes.requireSameShape(this, "choose", criterion, small);
        Shapes.requireSameShape(this, "choose", criterion, large);
        T[] out = array(criterion.data().length);
        for (int i = 0; i < out.length; i++) {
            out[i] = criterion.data()[i].getReal() <= threshold ? small.data()[i] : large.data()[i];
        }
        return matrix(criterion.rows(), criterion.cols(), out);
    }

    // ---------------------------------------------------------------- decompositions

    /**
     * Eigenvalues ascending. Plain numbers: the double eigenvectors are refined by the
     * Ogita–Aishima iteration ({@link #refine}, four products per step, quadratic convergence
     * for eigenvalues separated at the current accuracy), made orthonormal again (the
     * iteration's corrections for close pairs divide by their gap and cost orthogonality), then
     * Jacobi sweeps on {@code XᵀAX} finish what the iteration leaves — close pairs — rotating
     * only pairs not yet converged. Forward-mode numbers: Jacobi sweeps on
     * {@code XᵀAX} from the double vectors made orthonormal, every rotation applied.
     */
    @Override
    public SymmetricEigen<FieldDense<T>> eigSymmetric(FieldDense<T> a) {
        int n = Shapes.requireSquare(this, "eigSymmetric", a);
        EjmlOps start = EjmlOps.DOUBLE;
        SimpleMatrix values = start.fromRowMajor(n, n, toRowMajor(a));
        FieldDense<T> guess = fromRowMajor(n, n,
                start.toRowMajor(start.eigSymmetric(start.sym(values)).vectors()));
        FieldDense<T> basis = derivatives ? orthonormalColumns(guess) : orthonormalized(refine(a, guess));
        T[] work = multTransA(basis, mult(a, basis)).data().clone();
        T[] vectors = basis.data().clone();
        Jacobi.symmetric(work, vectors, n, Jacobi.tolerance(n, epsilon), !derivatives);
        int[] order = CanonicalOrder.ascending(IntStream.range(0, n).mapToDouble(i -> work[i * n + i].getReal())
                .toArray());
        T[] lambda = array(n);
        for (int i = 0; i < n; i++) {
            lambda[i] = work[order[i] * n + order[i]];
        }
        FieldDense<T> sorted = selectColumns(matrix(n, n, vectors), order);
        return new SymmetricEigen<>(matrix(n, 1, lambda), flipFirstColumns(sorted, canonicalSigns(sorted, n)));
    }

    /**
     * Nearly orthonormal columns made orthonormal to working precision by Newton–Schulz steps
     * {@code X ← X (3I − XᵀX)/2}, which square the deviation from orthonormality each time and
     * are matrix products (so they run in parallel, unlike Gram–Schmidt).
     */
    private FieldDense<T> orthonormalized(FieldDense<T> x) {
        int n = x.cols();
        for (int step = 0; step < MAX_REFINEMENTS; step++) {
            FieldDense<T> deviation = sub(identity(n), multTransA(x, x));
            if (maxAbs(deviation) <= Jacobi.tolerance(n, epsilon)) {
                break;
            }
            x = add(x, scale(0.5, mult(x, deviation)));
        }
        return x;
    }

    /**
     * Ogita–Aishima refinement of approximate eigenvectors X of a symmetric A (Japan J. Indust.
     * Appl. Math. 35, 2018, Alg. 1): {@code R = I − XᵀX}, {@code S = XᵀAX},
     * {@code λ_i = s_ii/(1 − r_ii)}, {@code δ = 2(‖S − diag λ‖ + ‖A‖‖R‖)} (Frobenius norms as
     * upper bounds), {@code E_ij = (s_ij + λ_j r_ij)/(λ_j − λ_i)} where {@code |λ_i − λ_j| > δ}
     * and {@code r_ij/2} otherwise, {@code X ← X + XE}; until E is at working precision (or
     * stops shrinking quadratically, which clusters below the current accuracy can cause).
     */
    private FieldDense<T> refine(FieldDense<T> a, FieldDense<T> x) {
        int n = a.rows();
        double normA = Math.sqrt(dot(a, a));
        double previous = Double.POSITIVE_INFINITY;
        for (int step = 0; step < MAX_REFINEMENTS; step++) {
            FieldDense<T> r = sub(identity(n), multTransA(x, x));
            FieldDense<T> s = multTransA(x, mult(a, x));
            T[] lambda = array(n);
            for (int i = 0; i < n; i++) {
                lambda[i] = s.get(i, i).divide(r.get(i, i).negate().add(1));
            }
            double offS = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double d = s.get(i, j).getReal() - (i == j ? lambda[i].getReal() : 0);
                    offS += d * d;
                }
            }
            double delta = 2 * (Math.sqrt(offS) + normA * Math.sqrt(dot(r, r)));
            T[] e = array(n * n);
            double largest = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    T gap = lambda[j].subtract(lambda[i]);
                    e[i * n + j] = i != j && Math.abs(gap.getReal()) > delta
                            ? s.get(i, j).add(lambda[j].multiply(r.get(i, j))).divide(gap)
                            : r.get(i, j).divide(2);
                    largest = Math.max(largest, Math.abs(e[i * n + j].getReal()));
                }
            }
            x = add(x, mult(x, matrix(n, n, e)));
            if (largest <= Jacobi.tolerance(n, epsilon) || largest > previous / 2) {
                break;
            }
            previous = largest;
        }
        return x;
    }

    @Override
    public Svd<FieldDense<T>> svd(FieldDense<T> a, boolean full) {
        int m = a.rows();
        int n = a.cols();
        Svd<FieldDense<T>> raw;
        if (m < n) {
            Svd<FieldDense<T>> t = tallSvd(transpose(a), full);
            raw = new Svd<>(t.v(), t.sigma(), t.u());
        } else {
            raw = tallSvd(a, full);
        }
        double[] signs = canonicalSigns(raw.v(), Math.min(m, n));
        return new Svd<>(flipFirstColumns(raw.u(), signs), raw.sigma(), flipFirstColumns(raw.v(), signs));
    }

    /** The SVD of an m×n matrix with m ≥ n, before the sign convention. */
    private Svd<FieldDense<T>> tallSvd(FieldDense<T> a, boolean full) {
        int m = a.rows();
        int n = a.cols();
        EjmlOps start = EjmlOps.DOUBLE;
        Svd<SimpleMatrix> guess = start.svd(start.fromRowMajor(m, n, toRowMajor(a)), true);
        FieldDense<T> rotations = orthonormalColumns(fromRowMajor(n, n, start.toRowMajor(guess.v())));
        T[] g = mult(a, rotations).data().clone();
        Jacobi.oneSided(g, rotations.data(), m, n, Jacobi.tolerance(m, epsilon), !derivatives);
        FieldDense<T> columns = matrix(m, n, g);
        T[] norms = array(n);
        for (int j = 0; j < n; j++) {
            FieldDense<T> column = block(columns, 0, m, j, j + 1);
            norms[j] = dotField(column, column).sqrt();
        }
        int[] order = CanonicalOrder.descending(Arrays.stream(norms).mapToDouble(T::getReal).toArray());
        T[] sigma = array(n);
        for (int j = 0; j < n; j++) {
            sigma[j] = norms[order[j]];
        }
        FieldDense<T> sortedColumns = selectColumns(columns, order);
        double tolerance = Math.max(m, n) * epsilon * sigma[0].getReal();
        int rank = 0;
        while (rank < n && sigma[rank].getReal() > tolerance) {
            rank++;
        }
        T[] u1 = array(m * rank);
        for (int j = 0; j < rank; j++) {
            T inverse = sigma[j].reciprocal();
            for (int i = 0; i < m; i++) {
                u1[i * rank + j] = sortedColumns.get(i, j).multiply(inverse);
            }
        }
        FieldDense<T> left = completeBasis(matrix(m, rank, u1), fromRowMajor(m, m, start.toRowMajor(guess.u())),
                full ? m : n, 0.5);
        return new Svd<>(left, matrix(n, 1, sigma), selectColumns(rotations, order));
    }

    /** Multiplies the first {@code signs.length} columns by the signs; the others stay. */
    private FieldDense<T> flipFirstColumns(FieldDense<T> a, double[] signs) {
        return scaleColumns(a, fromRowMajor(a.cols(), 1, IntStream.range(0, a.cols())
                .mapToDouble(j -> j < signs.length ? signs[j] : 1.0).toArray()));
    }

    /** The columns made orthonormal by two passes of modified Gram–Schmidt, in T (the Q of a QR
     * decomposition with positive R diagonal).
     *
     * @param y the output
     * @return the columns made orthonormal by two passes of modified Gram–Schmidt, in T (the Q of a
     *         QR decomposition with positive R diagonal)
     */
    public FieldDense<T> orthonormalColumns(FieldDense<T> y) {
        return completeBasis(matrix(y.rows(), 0, array(0)), y, y.cols(), 0);
    }

    /**
     * {@code basis} (orthonormal columns) extended to {@code size} columns with candidates taken
     * in order, each orthogonalised twice against all columns so far and normalised; a candidate
     * whose remainder is at most {@code skip} times its own norm (already in the span, for a
     * completion from unit vectors) is passed over.
     */
    private FieldDense<T> completeBasis(FieldDense<T> basis, FieldDense<T> candidates, int size, double skip) {
        int m = basis.rows();
        List<T[]> columns = new ArrayList<>();
        for (int j = 0; j < basis.cols(); j++) {
            columns.add(block(basis, 0, m, j, j + 1).data());
        }
        for (int c = 0; c < candidates.cols() && columns.size() < size; c++) {
            T[] x = block(candidates, 0, m, c, c + 1).data();
            double original = 0;
            for (T xi : x) {
                original += xi.getReal() * xi.getReal();
            }
            for (int pass = 0; pass < 2; pass++) {
                for (T[] q : columns) {
                    T projection = zero;
                    for (int i = 0; i < m; i++) {
                        projection = projection.add(q[i].multiply(x[i]));
                    }
                    for (int i = 0; i < m; i++) {
                        x[i] = x[i].subtract(projection.multiply(q[i]));
                    }
                }
            }
            T norm = zero;
            for (T xi : x) {
                norm = norm.add(xi.multiply(xi));
            }
            norm = norm.sqrt();
            if (norm.getReal() <= skip * Math.sqrt(original) || norm.getReal() == 0) {
                continue;
            }
            T inverse = norm.reciprocal();
            for (int i = 0; i < m; i++) {
                x[i] = x[i].multiply(inverse);
            }
            columns.add(x);
        }
        if (columns.size() < size) {
            throw new ArithmeticException("could not complete an orthonormal basis of size " + size);
        }
        T[] out = array(m * size);
        for (int j = 0; j < size; j++) {
            for (int i = 0; i < m; i++) {
                out[i * size + j] = columns.get(j)[i];
            }
        }
        return matrix(m, size, out);
    }

    private FieldDense<T> selectColumns(FieldDense<T> a, int[] columns) {
        T[] out = array(a.rows() * columns.length);
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < columns.length; j++) {
                out[i * columns.length + j] = a.get(i, columns[j]);
            }
        }
        return matrix(a.rows(), columns.length, out);
    }

    /** {@link CanonicalOrder#columnSigns} of the first k columns, on their values' doubles. */
    private double[] canonicalSigns(FieldDense<T> a, int k) {
        return CanonicalOrder.columnSigns(toRowMajor(a), a.rows(), a.cols(), k);
    }

    @Override
    public String toString() {
        return "FieldOps[" + name + "]";
    }
}
