package org.mbp.cuda;

import org.mbp.device.DeviceUnavailableException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.DoubleUnaryOperator;
import org.ejml.simple.SimpleMatrix;
import org.mbp.backend.CanonicalOrder;
import org.mbp.backend.DeviceCounters;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.Elementwise;
import org.mbp.backend.FloatArrays;
import org.mbp.backend.Gather;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.Outer;
import org.mbp.backend.Precision;
import org.mbp.backend.Shapes;
import org.mbp.backend.Svd;
import org.mbp.backend.SymmetricEigen;
import org.mbp.nn.ImageOps;
import org.mbp.nn.ImageShape;

/**
 * The GPU backend: {@link MatrixOps} and {@link ImageOps} on {@link DeviceMatrix} in float or double,
 * by the kernels of {@code dense.cu}, {@code images.cu} and {@code jacobi.cu}. Matrices stay on the device between
 * operations; every operation allocates its result and leaves its arguments unchanged. Results
 * follow {@link EjmlOps} of the same precision: +, −, ×, ÷ and scaling in the backend's arithmetic
 * (real float32 for float), {@link Elementwise}, {@link #power} and {@link Outer} evaluated in
 * double and rounded, sums and products in the backend's arithmetic in a fixed (reproducible)
 * order that may differ from EJML's.
 *
 * <p>Host values: {@link #get}, {@link #toRowMajor}, {@link #dot}, {@link #maxAbs} and
 * {@link #isFinite} copy their answer to the host synchronously. {@link #map} (an arbitrary Java
 * function) goes through the host, and so do decompositions beyond the Jacobi kernels' shapes
 * (see {@link #eigSymmetric} and {@link #svd}).
 *
 * <p>{@link #launches()} and {@link #synchronizations()} count the work on the backend's
 * {@link CudaContext}: the kernels launched and the host synchronisations (every copy between host
 * and device, each of which waits for the device). They are the context's counts, shared by every
 * backend on the device (both of a {@link org.mbp.backend.MixedPrecision} pair), so one backend's
 * reading covers them all.
 */
public final class CudaOps implements MatrixOps<DeviceMatrix>, ImageOps<DeviceMatrix>, DeviceCounters {

    /** Codes of the {@code binary} kernel. */
    private static final int ADD = 0;
    private static final int SUBTRACT = 1;
    private static final int MULTIPLY = 2;
    private static final int DIVIDE = 3;

    private final Launcher launcher;
    private final CudaContext context;
    private final Precision precision;
    private final DeviceReductions reductions;
    private final DeviceImages images;
    private final EjmlOps host;
    private final Map<int[], DeviceIndex> indices = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * A backend of {@code precision} on {@code context}; loads the kernel modules.
     *
     * @param context the context
     * @param precision the arithmetic precision
     * @throws DeviceUnavailableException when the driver refuses the kernels
     */
    public CudaOps(CudaContext context, Precision precision) {
        this.context = context;
        this.precision = precision;
        context.makeCurrent();
        this.launcher = new Launcher(context, precision);
        this.reductions = new DeviceReductions(launcher);
        this.images = new DeviceImages(this, launcher);
        this.host = precision == Precision.FLOAT ? EjmlOps.FLOAT : EjmlOps.DOUBLE;
    }

    /**
     * A backend of {@code precision} on GPU {@code ordinal}.
     *
     * @param ordinal the ordinal
     * @param precision the arithmetic precision
     * @return a backend of {@code precision} on GPU {@code ordinal}
     * @throws DeviceUnavailableException with a one-line reason when there is no usable GPU
     */
    public static CudaOps open(int ordinal, Precision precision) {
        return new CudaOps(CudaContext.open(ordinal), precision);
    }

    /**
     * The context this backend's matrices live in.
     *
     * @return the context this backend's matrices live in
     */
    public CudaContext context() {
        return context;
    }

    /**
     * The arithmetic this backend computes in.
     *
     * @return the arithmetic this backend computes in
     */
    public Precision precision() {
        return precision;
    }

    /**
     * The kernels launched on this backend's context so far, by any backend on it.
     *
     * @return the kernels launched on this backend's context so far, by any backend on it
     */
    @Override
    public long launches() {
        return context.launches();
    }

    /**
     * The host synchronisations on this backend's context so far, by any backend on it: every
     * value read back ({@link #get}, {@link #toRowMajor}, {@link #dot}, {@link #maxAbs},
     * {@link #isFinite} and what is built on them), every upload ({@link #fromRowMajor}, a new
     * {@link #gather} index) issued after a kernel launch with no synchronisation since (it waits
     * for that work), and the waits of the memory pool.
     *
     * @return the host synchronisations on this backend's context so far, by any backend on it
     */
    @Override
    public long synchronizations() {
        return context.synchronizations();
    }

    /** Every kernel entry point this class launches, by PTX module name. */
    static Map<String, List<String>> entryPoints() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (KernelEntry entry : KernelEntry.values()) {
            names.computeIfAbsent(entry.module().resource(), m -> new ArrayList<>()).addAll(entry.entryNames());
        }
        names.put(BatchedJacobi.MODULE, BatchedJacobi.ENTRY_POINTS);
        return names;
    }

    /** Device memory: a read waits for the device, so a training step queues its reads ({@code HostReads}). */
    @Override
    public boolean holdsOnHost() {
        return false;
    }

    @Override
    public String name() {
        return "cuda-" + precision.label();
    }

    @Override
    public double epsilon() {
        return precision.epsilon();
    }

    // ---------------------------------------------------------------- shape and conversion

    @Override
    public int rows(DeviceMatrix a) {
        return a.rows();
    }

    @Override
    public int cols(DeviceMatrix a) {
        return a.cols();
    }

    @Override
    public DeviceMatrix zeros(int rows, int cols) {
        return filled(rows, cols, 0.0);
    }

    @Override
    public DeviceMatrix filled(int rows, int cols, double value) {
        context.makeCurrent();
        DeviceMatrix out = launcher.allocate(rows, cols);
        launcher.kernel(KernelEntry.FILL).launch(Kernel.Grid.linear(out.size()), out, out.size(),
                launcher.scalar(value));
        return out;
    }

    @Override
    public DeviceMatrix identity(int n) {
        context.makeCurrent();
        DeviceMatrix out = launcher.allocate(n, n);
        launcher.kernel(KernelEntry.IDENTITY).launch(Kernel.Grid.linear(out.size()), out, n);
        return out;
    }

    /** Uploads the values, rounded to this precision on the host. */
    @Override
    public DeviceMatrix fromRowMajor(int rows, int cols, double[] values) {
        Shapes.requireValueCount("fromRowMajor", rows, cols, values.length);
        context.makeCurrent();
        DeviceMatrix out = launcher.allocate(rows, cols);
        if (precision == Precision.FLOAT) {
            out.buffer().upload(FloatArrays.rounded(values, values.length));
        } else {
            out.buffer().upload(values);
        }
        return out;
    }

    /** Downloads the entries (synchronously), widened to double. */
    @Override
    public double[] toRowMajor(DeviceMatrix a) {
        require(a, "toRowMajor");
        context.makeCurrent();
        if (precision == Precision.FLOAT) {
            float[] values = new float[Math.toIntExact(a.size())];
            a.buffer().download(values);
            return FloatArrays.widened(values, values.length);
        }
        double[] values = new double[Math.toIntExact(a.size())];
        a.buffer().download(values);
        return values;
    }

    /**
     * On the device when {@code source} is a CudaOps on the same context (a copy, or the
     * {@code convert} kernel between float and double); otherwise through the host.
     */
    @Override
    public <N> DeviceMatrix copyOf(MatrixOps<N> source, N a) {
        if (!(source instanceof CudaOps other) || other.context != context) {
            return MatrixOps.super.copyOf(source, a);
        }
        DeviceMatrix m = (DeviceMatrix) a;
        other.require(m, "copyOf");
        if (other.precision == precision) {
            return block(m, 0, m.rows(), 0, m.cols());
        }
        context.makeCurrent();
        DeviceMatrix out = launcher.allocate(m.rows(), m.cols());
        launcher.kernel(KernelEntry.CONVERT, other.precision).launch(Kernel.Grid.linear(m.size()), m, out,
                m.size());
        return out;
    }

    /** One entry, copied to the host synchronously. */
    @Override
    public double get(DeviceMatrix a, int row, int col) {
        require(a, "get");
        if (row < 0 || row >= a.rows() || col < 0 || col >= a.cols()) {
            throw new IndexOutOfBoundsException("get: entry (" + row + ", " + col + ") of a " + a.rows() + "×"
                    + a.cols() + " matrix");
        }
        return toRowMajor(block(a, row, row + 1, col, col + 1))[0];
    }

    // ---------------------------------------------------------------- structure

    @Override
    public DeviceMatrix transpose(DeviceMatrix a) {
        require(a, "transpose");
        context.makeCurrent();
        DeviceMatrix out = launcher.allocate(a.cols(), a.rows());
        launcher.kernel(KernelEntry.TRANSPOSE).launch(Launcher.tiles(a.rows(), a.cols()), a, out, a.rows(), a.cols());
        return out;
    }

    @Override
    public DeviceMatrix block(DeviceMatrix a, int r0, int r1, int c0, int c1) {
        require(a, "block");
        Shapes.requireBlock(this, "block", a, r0, r1, c0, c1);
        context.makeCurrent();
        DeviceMatrix out = launcher.allocate(r1 - r0, c1 - c0);
        copy(a, (long) r0 * a.cols() + c0, a.cols(), out, 0, out.cols(), out.rows(), out.cols());
        return out;
    }

    /** On the device: one allocation, and one strided-copy launch per block with entries. */
    @Override
    public DeviceMatrix stack(List<DeviceMatrix> blocks) {
        for (DeviceMatrix b : blocks) {
            require(b, "stack");
        }
        Shapes.requireStackable(this, "stack", blocks);
        int cols = blocks.get(0).cols();
        long rows = 0;
        for (DeviceMatrix b : blocks) {
            rows += b.rows();
        }
        context.makeCurrent();
        DeviceMatrix out = launcher.allocate(Math.toIntExact(rows), cols);
        long at = 0;
        for (DeviceMatrix b : blocks) {
            if (b.size() > 0) {
                copy(b, 0, cols, out, at, cols, b.rows(), cols);
            }
            at += b.size();
        }
        return out;
    }

    @Override
    public DeviceMatrix hconcat(DeviceMatrix left, DeviceMatrix right) {
        require(left, "hconcat");
        require(right, "hconcat");
        Shapes.requireSameRows(this, "hconcat", left, right);
        context.makeCurrent();
        int cols = left.cols() + right.cols();
        DeviceMatrix out = launcher.allocate(left.rows(), cols);
        copy(left, 0, left.cols(), out, 0, cols, left.rows(), left.cols());
        copy(right, 0, right.cols(), out, left.cols(), cols, right.rows(), right.cols());
        return out;
    }

    /** {@code v} extended with zeros to length n by a fill and a copy. */
    @Override
    public DeviceMatrix padded(DeviceMatrix v, int n) {
        requireVector(v, v.rows(), "padded");
        if (n < v.rows()) {
            throw new IllegalArgumentException("padded: a vector of length " + v.rows() + " cannot be padded to " + n);
        }
        if (n == v.rows()) {
            return v;
        }
        DeviceMatrix out = zeros(n, 1);
        copy(v, 0, 1, out, 0, 1, v.rows(), 1);
        return out;
    }

    @Override
    public DeviceMatrix diagonal(DeviceMatrix a) {
        require(a, "diagonal");
        context.makeCurrent();
        DeviceMatrix out = launcher.allocate(Math.min(a.rows(), a.cols()), 1);
        launcher.kernel(KernelEntry.DIAGONAL).launch(Kernel.Grid.linear(out.rows()), a, out, a.rows(), a.cols());
        return out;
    }

    @Override
    public DeviceMatrix diagonalMatrix(DeviceMatrix v, int rows, int cols) {
        requireVector(v, Math.min(rows, cols), "diagonalMatrix");
        context.makeCurrent();
        DeviceMatrix out = launcher.allocate(rows, cols);
        launcher.kernel(KernelEntry.DIAGONAL_MATRIX).launch(Kernel.Grid.linear(out.size()), v, out, rows, cols);
        return out;
    }

    @Override
    public DeviceMatrix scaleRows(DeviceMatrix v, DeviceMatrix a) {
        require(a, "scaleRows");
        requireVector(v, a.rows(), "scaleRows");
        return scaleBroadcast(a, v, 1);
    }

    @Override
    public DeviceMatrix scaleColumns(DeviceMatrix a, DeviceMatrix v) {
        require(a, "scaleColumns");
        requireVector(v, a.cols(), "scaleColumns");
        return scaleBroadcast(a, v, 0);
    }

    @Override
    public DeviceMatrix rowSums(DeviceMatrix a) {
        require(a, "rowSums");
        context.makeCurrent();
        DeviceMatrix out = launcher.allocate(a.rows(), 1);
        launcher.kernel(KernelEntry.ROW_SUMS).launch(Launcher.warpPerRow(a.rows()), a, out, a.rows(), a.cols());
        return out;
    }

    @Override
    public DeviceMatrix diagonalOfProduct(DeviceMatrix a, DeviceMatrix b) {
        require(a, "diagonalOfProduct");
        require(b, "diagonalOfProduct");
        Shapes.requireSquareProduct(this, "diagonalOfProduct", a, b);
        int n = a.rows();
        int inner = a.cols();
        context.makeCurrent();
        DeviceMatrix out = launcher.allocate(n, 1);
        launcher.kernel(KernelEntry.DIAGONAL_OF_PRODUCT).launch(Launcher.warpPerRow(n), a, b, out, n, inner);
        return out;
    }

    // ---------------------------------------------------------------- arithmetic

    @Override
    public DeviceMatrix add(DeviceMatrix a, DeviceMatrix b) {
        return binary(a, b, ADD, "add");
    }

    @Override
    public DeviceMatrix sub(DeviceMatrix a, DeviceMatrix b) {
        return binary(a, b, SUBTRACT, "sub");
    }

    /** {@code s · A} with {@code s} rounded to this precision first (as EJML's float scale). */
    @Override
    public DeviceMatrix scale(double s, DeviceMatrix a) {
        require(a, "scale");
        context.makeCurrent();
        DeviceMatrix out = launcher.allocate(a.rows(), a.cols());
        launcher.kernel(KernelEntry.SCALE).launch(Kernel.Grid.linear(a.size()), a, out, a.size(),
                launcher.scalar(s));
        return out;
    }

    @Override
    public DeviceMatrix hadamard(DeviceMatrix a, DeviceMatrix b) {
        return binary(a, b, MULTIPLY, "hadamard");
    }

    @Override
    public DeviceMatrix divide(DeviceMatrix a, DeviceMatrix b) {
        return binary(a, b, DIVIDE, "divide");
    }

    @Override
    public DeviceMatrix mult(DeviceMatrix a, DeviceMatrix b) {
        return products("mult", a, false, b, false, 1);
    }

    @Override
    public DeviceMatrix multTransA(DeviceMatrix a, DeviceMatrix b) {
        return products("multTransA", a, true, b, false, 1);
    }

    @Override
    public DeviceMatrix multTransB(DeviceMatrix a, DeviceMatrix b) {
        return products("multTransB", a, false, b, true, 1);
    }

    /**
     * One launch of the {@code gemm} kernel for the whole stack (its z dimension over the blocks),
     * each block summed exactly as a lone product, so that a batch of one is {@link #mult} (and its
     * kin) bit for bit.
     */
    @Override
    public DeviceMatrix multBlocks(DeviceMatrix a, boolean transA, DeviceMatrix b, boolean transB, int count) {
        return products("multBlocks", a, transA, b, transB, count);
    }

    /** Two-pass device reduction in this precision; the value is copied to the host. */
    @Override
    public double dot(DeviceMatrix a, DeviceMatrix b) {
        requireSameShape(a, b, "dot");
        context.makeCurrent();
        return reductions.dot(a, b);
    }

    /** Two-pass device reduction; the value is copied to the host. */
    @Override
    public double maxAbs(DeviceMatrix a) {
        require(a, "maxAbs");
        context.makeCurrent();
        return reductions.maxAbs(a);
    }

    /** A device count of the non-finite entries; the count is copied to the host. */
    @Override
    public boolean isFinite(DeviceMatrix a) {
        require(a, "isFinite");
        context.makeCurrent();
        return reductions.nonFiniteCount(a) == 0;
    }

    // ---------------------------------------------------------------- entry-wise functions

    @Override
    public DeviceMatrix apply(DeviceMatrix a, Elementwise function) {
        require(a, "apply");
        context.makeCurrent();
        DeviceMatrix out = launcher.allocate(a.rows(), a.cols());
        launcher.kernel(KernelEntry.UNARY).launch(Kernel.Grid.linear(a.size()), a, out, a.size(),
                functionCode(function));
        return out;
    }

    /** Entry-wise {@code a^p} evaluated in double with {@link Math#pow}'s special cases, then rounded. */
    @Override
    public DeviceMatrix power(DeviceMatrix a, double p) {
        require(a, "power");
        context.makeCurrent();
        DeviceMatrix out = launcher.allocate(a.rows(), a.cols());
        launcher.kernel(KernelEntry.POWER).launch(Kernel.Grid.linear(a.size()), a, out, a.size(), p);
        return out;
    }

    /**
     * Runs on the host: an arbitrary Java function cannot run on the device, so the entries are
     * downloaded, mapped in double, rounded to this precision and uploaded.
     */
    @Override
    public DeviceMatrix map(DeviceMatrix a, DoubleUnaryOperator function) {
        double[] values = toRowMajor(a);
        for (int i = 0; i < values.length; i++) {
            values[i] = function.applyAsDouble(values[i]);
        }
        return fromRowMajor(a.rows(), a.cols(), values);
    }

    @Override
    public DeviceMatrix outer(DeviceMatrix v, DeviceMatrix w, Outer op) {
        return tables("outer", v, w, op, 1);
    }

    /** One launch of the {@code outer} kernel for the whole stack. */
    @Override
    public DeviceMatrix outerBlocks(DeviceMatrix v, DeviceMatrix w, Outer op, int count) {
        return tables("outerBlocks", v, w, op, count);
    }

    @Override
    public DeviceMatrix offDiagonalReciprocal(DeviceMatrix a) {
        require(a, "offDiagonalReciprocal");
        context.makeCurrent();
        DeviceMatrix out = launcher.allocate(a.rows(), a.cols());
        launcher.kernel(KernelEntry.OFF_DIAGONAL_RECIPROCAL).launch(Kernel.Grid.linear(a.size()), a, out, a.rows(),
                a.cols());
        return out;
    }

    @Override
    public DeviceMatrix choose(DeviceMatrix criterion, double threshold, DeviceMatrix small, DeviceMatrix large) {
        requireSameShape(criterion, small, "choose");
        requireSameShape(criterion, large, "choose");
        context.makeCurrent();
        DeviceMatrix out = launcher.allocate(criterion.rows(), criterion.cols());
        launcher.kernel(KernelEntry.CHOOSE).launch(Kernel.Grid.linear(out.size()), criterion, threshold, small, large,
                out, out.size());
        return out;
    }

    /**
     * On the device; each index array is checked and uploaded once (cached by identity, so a
     * layer that reuses its index pays nothing after the first call).
     */
    @Override
    public DeviceMatrix gather(DeviceMatrix a, int[] index, int rows, int cols) {
        require(a, "gather");
        DeviceIndex device = indices.computeIfAbsent(index, this::upload);
        if ((long) rows * cols != index.length || device.smallest() < Gather.ZERO || device.largest() >= a.size()) {
            Gather.requireIndex(index, rows, cols, a.size());
        }
        context.makeCurrent();
        DeviceMatrix out = launcher.allocate(rows, cols);
        launcher.kernel(KernelEntry.GATHER).launch(Kernel.Grid.linear(out.size()), a, device.buffer(), out, out.size());
        return out;
    }

    /** An index array on the device, with its smallest and largest entries. */
    private record DeviceIndex(DeviceBuffer buffer, int smallest, int largest) {
    }

    private DeviceIndex upload(int[] index) {
        DeviceBuffer buffer = context.allocate((long) Math.max(1, index.length) * Integer.BYTES);
        buffer.upload(index);
        return new DeviceIndex(buffer, Arrays.stream(index).min().orElse(0), Arrays.stream(index).max().orElse(-1));
    }

    // ---------------------------------------------------------------- decompositions

    /**
     * On the device by the batched Jacobi kernel of {@link BatchedJacobi} (in double: a float
     * matrix is widened and its factors rounded back), in the {@link CanonicalOrder} of every
     * backend (eigenvalues ascending); orders above {@value BatchedJacobi#MAX_ORDER} go through the
     * host ({@link EjmlOps} of this precision).
     *
     * @throws ArithmeticException when the Jacobi iteration does not converge
     */
    @Override
    public SymmetricEigen<DeviceMatrix> eigSymmetric(DeviceMatrix a) {
        return eigens("eigSymmetric", "matrix", a, 1);
    }

    /**
     * As {@link #eigSymmetric}, the whole stack in one launch of the batched Jacobi kernel (one
     * status read for the batch); orders above {@value BatchedJacobi#MAX_ORDER} go through the host.
     *
     * @throws ArithmeticException when the Jacobi iteration does not converge on a block
     */
    @Override
    public SymmetricEigen<DeviceMatrix> eigSymmetricBlocks(DeviceMatrix a, int count) {
        return eigens("eigSymmetricBlocks", "block", a, count);
    }

    /**
     * On the device by the one-sided Jacobi kernel of {@link BatchedJacobi} (in double, as
     * {@link #eigSymmetric}) for the compact SVD of an m×n matrix with m ≥ n and n ≤
     * {@value BatchedJacobi#MAX_COLUMNS} (in {@link CanonicalOrder}: singular values descending);
     * the other shapes, and a full U of a non-square matrix, go through the host
     * ({@link EjmlOps} of this precision).
     *
     * @throws ArithmeticException when the Jacobi iteration does not converge
     */
    @Override
    public Svd<DeviceMatrix> svd(DeviceMatrix a, boolean full) {
        return svds("svd", "matrix", a, 1, full);
    }

    /**
     * As {@link #svd}, the whole stack in one launch of the one-sided Jacobi kernel (one status read
     * for the batch) for the shapes it takes; the others go through the host, the stack as one
     * {@link EjmlOps#svdBlocks}.
     *
     * @throws ArithmeticException when the Jacobi iteration does not converge on a block
     */
    @Override
    public Svd<DeviceMatrix> svdBlocks(DeviceMatrix a, int count, boolean full) {
        return svds("svdBlocks", "block", a, count, full);
    }

    /**
     * The eigendecompositions of the {@code count} d×d blocks of {@code a}: one Jacobi launch, or
     * the host for orders the kernel does not take; {@code what} names a block in the message of a
     * refused or unconverged one.
     */
    private SymmetricEigen<DeviceMatrix> eigens(String op, String what, DeviceMatrix a, int count) {
        int d = Shapes.requireSquare(this, op, firstBlock(a, count, op));
        if (d == 0 || d > BatchedJacobi.MAX_ORDER) {
            SymmetricEigen<SimpleMatrix> eig = host.eigSymmetricBlocks(onHost(a, op), count);
            return new SymmetricEigen<>(fromHost(eig.values()), fromHost(eig.vectors()));
        }
        BatchedJacobi.Eigen eig = BatchedJacobi.eig(context, widened(a).buffer(), d, count,
                BatchedJacobi.DEFAULT_MAX_SWEEPS);
        BatchedJacobi.requireConverged(eig.status(), op + ": " + what);
        return new SymmetricEigen<>(narrowed(eig.values(), a.rows(), 1), narrowed(eig.vectors(), a.rows(), d));
    }

    /**
     * The SVDs of the {@code count} m×n blocks of {@code a}: one Jacobi launch for the compact SVD
     * with m ≥ n within the kernel's limits (or a full one of square blocks), the host otherwise.
     */
    private Svd<DeviceMatrix> svds(String op, String what, DeviceMatrix a, int count, boolean full) {
        int m = firstBlock(a, count, op).rows();
        int n = a.cols();
        if (n == 0 || m < n || n > BatchedJacobi.MAX_COLUMNS || m > BatchedJacobi.MAX_ROWS || (full && m != n)) {
            Svd<SimpleMatrix> svd = host.svdBlocks(onHost(a, op), count, full);
            return new Svd<>(fromHost(svd.u()), fromHost(svd.sigma()), fromHost(svd.v()));
        }
        BatchedJacobi.Svd svd = BatchedJacobi.svd(context, widened(a).buffer(), m, n, count,
                BatchedJacobi.DEFAULT_MAX_SWEEPS);
        BatchedJacobi.requireConverged(svd.status(), op + ": " + what);
        return new Svd<>(narrowed(svd.u(), a.rows(), n), narrowed(svd.sigma(), count * n, 1),
                narrowed(svd.v(), count * n, n));
    }

    /** {@code a} in double on the device: itself, or widened by the conversion kernel. */
    private DeviceMatrix widened(DeviceMatrix a) {
        if (precision == Precision.DOUBLE) {
            return a;
        }
        context.makeCurrent();
        DeviceMatrix out = DeviceMatrix.allocate(context, a.rows(), a.cols(), Precision.DOUBLE);
        launcher.kernel(KernelEntry.CONVERT, Precision.FLOAT).launch(Kernel.Grid.linear(a.size()), a, out, a.size());
        return out;
    }

    /** A double result buffer as a matrix of this precision: wrapped, or rounded by the conversion kernel. */
    private DeviceMatrix narrowed(DeviceBuffer values, int rows, int cols) {
        DeviceMatrix wide = DeviceMatrix.wrap(values, rows, cols, Precision.DOUBLE);
        if (precision == Precision.DOUBLE) {
            return wide;
        }
        DeviceMatrix out = launcher.allocate(rows, cols);
        launcher.kernel(KernelEntry.CONVERT, Precision.DOUBLE).launch(Kernel.Grid.linear(wide.size()), wide, out,
                wide.size());
        return out;
    }

    // ---------------------------------------------------------------- images

    @Override
    public DeviceMatrix patches(DeviceMatrix x, ImageShape in, int kernel, int padding) {
        context.makeCurrent();
        return images.patches(x, in, kernel, padding);
    }

    @Override
    public DeviceMatrix patchesAdjoint(DeviceMatrix p, ImageShape in, int kernel, int padding) {
        context.makeCurrent();
        return images.patchesAdjoint(p, in, kernel, padding);
    }

    @Override
    public DeviceMatrix windowSum(DeviceMatrix x, ImageShape in, int kh, int kw) {
        context.makeCurrent();
        return images.windowSum(x, in, kh, kw);
    }

    @Override
    public DeviceMatrix windowSpread(DeviceMatrix g, ImageShape in, int kh, int kw) {
        context.makeCurrent();
        return images.windowSpread(g, in, kh, kw);
    }

    @Override
    public DeviceMatrix windowArgMaxMask(DeviceMatrix x, ImageShape in, int kh, int kw) {
        context.makeCurrent();
        return images.windowArgMaxMask(x, in, kh, kw);
    }

    @Override
    public String toString() {
        return "CudaOps[" + name() + " on " + context.device().device() + "]";
    }

    // ---------------------------------------------------------------- helpers

    private void copy(DeviceMatrix src, long srcOffset, int srcStride, DeviceMatrix dst, long dstOffset,
            int dstStride, int rows, int cols) {
        launcher.kernel(KernelEntry.COPY2D).launch(Kernel.Grid.linear((long) rows * cols), src, srcOffset, srcStride,
                dst, dstOffset, dstStride, rows, cols);
    }

    private DeviceMatrix scaleBroadcast(DeviceMatrix a, DeviceMatrix v, int byRows) {
        context.makeCurrent();
        DeviceMatrix out = launcher.allocate(a.rows(), a.cols());
        launcher.kernel(KernelEntry.SCALE_BROADCAST).launch(Kernel.Grid.linear(a.size()), a, v, out, a.rows(), a.cols(),
                byRows);
        return out;
    }

    private DeviceMatrix binary(DeviceMatrix a, DeviceMatrix b, int op, String name) {
        requireSameShape(a, b, name);
        context.makeCurrent();
        DeviceMatrix out = launcher.allocate(a.rows(), a.cols());
        launcher.kernel(KernelEntry.BINARY).launch(Kernel.Grid.linear(a.size()), a, b, out, a.size(), op);
        return out;
    }

    /**
     * The products {@code op(a_p) op(b_p)} of the {@code count} blocks of two stacks, {@code op} the
     * transpose where asked, stacked: one launch of the {@code gemm} kernel.
     */
    private DeviceMatrix products(String op, DeviceMatrix a, boolean transA, DeviceMatrix b, boolean transB,
            int count) {
        DeviceMatrix a0 = firstBlock(a, count, op);
        DeviceMatrix b0 = firstBlock(b, count, op);
        Shapes.requireProduct(this, op, a0, transA, b0, transB);
        int m = transA ? a0.cols() : a0.rows();
        int k = transA ? a0.rows() : a0.cols();
        int n = transB ? b0.rows() : b0.cols();
        context.makeCurrent();
        DeviceMatrix c = launcher.allocate(Math.multiplyExact(count, m), n);
        launcher.kernel(KernelEntry.GEMM).launch(Launcher.tiles(m, n, count), a, b, c, m, n, k, transA ? 1 : 0,
                transB ? 1 : 0, count);
        return c;
    }

    /**
     * The tables {@code v_p op w_p} of the {@code count} vectors of two stacks, stacked: one launch
     * of the {@code outer} kernel.
     */
    private DeviceMatrix tables(String name, DeviceMatrix v, DeviceMatrix w, Outer op, int count) {
        DeviceMatrix v0 = firstBlock(v, count, name);
        DeviceMatrix w0 = firstBlock(w, count, name);
        Shapes.requireVector(this, name, v0, v0.rows());
        Shapes.requireVector(this, name, w0, w0.rows());
        context.makeCurrent();
        DeviceMatrix out = launcher.allocate(v.rows(), w0.rows());
        launcher.kernel(KernelEntry.OUTER).launch(Kernel.Grid.linear(out.size()), v, w, out, v0.rows(), w0.rows(),
                outerCode(op), count);
        return out;
    }

    /**
     * The first of the {@code count} same-shape blocks that {@code a} stacks by rows, as a view of
     * its memory (no copy: the shape checks of a batch read it); fails unless {@code a} has this
     * precision and its rows are a multiple of {@code count}.
     */
    private DeviceMatrix firstBlock(DeviceMatrix a, int count, String op) {
        require(a, op);
        return DeviceMatrix.wrap(a.buffer(), Shapes.blockRows(a.rows(), count, op), a.cols(), precision);
    }

    private SimpleMatrix onHost(DeviceMatrix a, String op) {
        require(a, op);
        return host.fromRowMajor(a.rows(), a.cols(), toRowMajor(a));
    }

    private DeviceMatrix fromHost(SimpleMatrix m) {
        return fromRowMajor(host.rows(m), host.cols(m), host.toRowMajor(m));
    }

    /** The code of {@code function} in the {@code unary} kernel. */
    private static int functionCode(Elementwise function) {
        return switch (function) {
            case LOG -> 0;
            case LOG1P -> 1;
            case EXP -> 2;
            case EXPM1 -> 3;
            case SQRT -> 4;
            case RECIPROCAL -> 5;
            case ABS -> 6;
        };
    }

    /** The code of {@code op} in the {@code outer} kernel (the emulator tests pass it too). */
    static int outerCode(Outer op) {
        return switch (op) {
            case DIFFERENCE -> 0;
            case SUM -> 1;
            case MIN -> 2;
            case MAX -> 3;
        };
    }

    private void require(DeviceMatrix a, String op) {
        if (a.precision() != precision) {
            throw new IllegalArgumentException(op + ": a " + a + " given to the " + name() + " backend");
        }
    }

    /** {@link #require}s both of this precision, then of the same shape. */
    private void requireSameShape(DeviceMatrix a, DeviceMatrix b, String op) {
        require(a, op);
        require(b, op);
        Shapes.requireSameShape(this, op, a, b);
    }

    /** {@link #require}s {@code v} of this precision, then a {@code length × 1} vector. */
    private void requireVector(DeviceMatrix v, int length, String op) {
        require(v, op);
        Shapes.requireVector(this, op, v, length);
    }
}
