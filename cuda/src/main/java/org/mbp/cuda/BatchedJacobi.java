package org.mbp.cuda;

import java.util.List;

/**
 * Batched double-precision eigendecompositions and SVDs on the device: the kernels of
 * {@code jacobi.cu}, one 256-thread block per matrix, whose algorithm and rounded operations are
 * those of the Java references of the device check ({@code org.mbp.devicecheck.jacobi}: see them
 * for the ordering, tolerances and output conventions). Inputs and outputs stay on the device; only
 * the per-matrix status comes back.
 *
 * <p>Cost: one block works on one matrix, so a batch fills the device and a single matrix uses one
 * multiprocessor. Each SVD round reads all of the m×n matrix (its pairs' sums run sequentially
 * over m per thread), about 8–10 sweeps of n − 1 rounds: fine while m·n·8 bytes stays well inside
 * the L2 cache (tens of MB), slow for very tall single matrices.
 */
public final class BatchedJacobi {

    /** The PTX module. */
    static final String MODULE = "jacobi";
    /** Its entry points. */
    static final List<String> ENTRY_POINTS = List.of("jacobi_eig_f64", "jacobi_svd_f64");
    /** Threads per block the kernels require. */
    static final int THREADS = 256;
    /** The largest order of an eigendecomposition ({@code JACOBI_MAX_ORDER} in {@code jacobi.cu}). */
    public static final int MAX_ORDER = 256;
    /** The most columns of an SVD. */
    public static final int MAX_COLUMNS = 256;
    /** The most rows of an SVD. */
    public static final int MAX_ROWS = 1 << 20;
    /** The sweeps the decompositions allow before they report no convergence. */
    public static final int DEFAULT_MAX_SWEEPS = 30;

    /** A batch of eigendecompositions: d values (ascending) and d×d vectors per matrix. */
    public record Eigen(DeviceBuffer values, DeviceBuffer vectors, int[] status) {
    }

    /** A batch of compact SVDs: m×n U, n singular values (descending) and n×n V per matrix. */
    public record Svd(DeviceBuffer u, DeviceBuffer sigma, DeviceBuffer v, int[] status) {
    }

    private BatchedJacobi() {
    }

    /**
     * The eigendecompositions of {@code batch} symmetric d×d matrices stored one after another
     * in {@code a} (row-major doubles; left unchanged). Status per matrix: sweeps used (&gt; 0),
     * {@code −maxSweeps} when not converged, 0 for an input the kernel refused (non-finite or
     * huge entries).
     *
     * @param context the context
     * @param a the matrix A
     * @param d the dimension d
     * @param batch the batch
     * @param maxSweeps sweep limit, ≥ 1
     * @return the eigendecompositions of {@code batch} symmetric d×d matrices stored one after
     *         another in {@code a} (row-major doubles; left unchanged)
     * @throws IllegalArgumentException for d outside [1, 256], batch &lt; 1 or a buffer too small
     */
    public static Eigen eig(CudaContext context, DeviceBuffer a, int d, int batch, int maxSweeps) {
        requireRange(d, 1, MAX_ORDER, "order d");
        requireRange(batch, 1, Integer.MAX_VALUE, "batch");
        requireRange(maxSweeps, 1, Integer.MAX_VALUE, "maxSweeps");
        long square = (long) d * d;
        requireBytes(a, batch * square, "input");
        DeviceBuffer work = doubles(context, 2 * batch * square);
        DeviceBuffer values = doubles(context, (long) batch * d);
        DeviceBuffer vectors = doubles(context, batch * square);
        DeviceBuffer status = context.allocate((long) batch * Integer.BYTES);
        context.kernels(MODULE).function(ENTRY_POINTS.get(0)).launch(Kernel.Grid.perItem(batch, THREADS, 0),
                a, work, values, vectors, status, d, batch, maxSweeps);
        return new Eigen(values, vectors, statuses(status, batch));
    }

    /**
     * The compact SVDs of {@code batch} m×n matrices (m ≥ n) stored one after another in
     * {@code a}; status as for {@link #eig}.
     *
     * @param context the context
     * @param a the matrix A
     * @param m the number of rows m
     * @param n the size
     * @param batch the batch
     * @param maxSweeps sweep limit, ≥ 1
     * @return the compact SVDs of {@code batch} m×n matrices (m ≥ n) stored one after another in
     *         {@code a}; status as for {@link #eig}
     * @throws IllegalArgumentException for n outside [1, 256], m &lt; n, batch &lt; 1 or a buffer too small
     */
    public static Svd svd(CudaContext context, DeviceBuffer a, int m, int n, int batch, int maxSweeps) {
        requireRange(n, 1, MAX_COLUMNS, "columns n");
        requireRange(m, n, MAX_ROWS, "rows m (at least n = " + n + ")");
        requireRange(batch, 1, Integer.MAX_VALUE, "batch");
        requireRange(maxSweeps, 1, Integer.MAX_VALUE, "maxSweeps");
        long size = (long) m * n;
        requireBytes(a, batch * size, "input");
        DeviceBuffer work = doubles(context, batch * (size + (long) n * n));
        DeviceBuffer u = doubles(context, batch * size);
        DeviceBuffer sigma = doubles(context, (long) batch * n);
        DeviceBuffer v = doubles(context, (long) batch * n * n);
        DeviceBuffer status = context.allocate((long) batch * Integer.BYTES);
        context.kernels(MODULE).function(ENTRY_POINTS.get(1)).launch(Kernel.Grid.perItem(batch, THREADS, 0),
                a, work, u, sigma, v, status, m, n, batch, maxSweeps);
        return new Svd(u, sigma, v, statuses(status, batch));
    }

    /**
     * Fails unless every status says converged, naming the first matrix that did not.
     *
     * @param status the status
     * @param what what is meant, in the user's words
     * @throws ArithmeticException for a matrix refused or not converged
     */
    public static void requireConverged(int[] status, String what) {
        for (int b = 0; b < status.length; b++) {
            if (status[b] == 0) {
                throw new ArithmeticException(what + " " + b + " was refused by the kernel (a non-finite entry,"
                        + " or one above 2^500)");
            }
            if (status[b] < 0) {
                throw new ArithmeticException(what + " " + b + " did not converge in " + -status[b] + " Jacobi sweeps");
            }
        }
    }

    private static DeviceBuffer doubles(CudaContext context, long count) {
        return context.allocate(count * Double.BYTES);
    }

    private static int[] statuses(DeviceBuffer status, int batch) {
        int[] s = new int[batch];
        status.download(s);
        return s;
    }

    private static void requireRange(int value, int low, int high, String what) {
        if (value < low || value > high) {
            throw new IllegalArgumentException(what + " must lie in [" + low + ", " + high + "], got " + value);
        }
    }

    private static void requireBytes(DeviceBuffer buffer, long doubles, String what) {
        if (buffer.bytes() < doubles * Double.BYTES) {
            throw new IllegalArgumentException("the " + what + " buffer holds " + buffer.bytes() + " B, the batch needs "
                    + doubles * Double.BYTES + " B");
        }
    }
}
