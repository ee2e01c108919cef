package org.mbp.layer;

import org.mbp.backend.MatrixOps;

/** Checks of layer inputs that fail with a message naming the problem and where it is. */
public final class Inputs {

    /** Relative asymmetry tolerated in a symmetric input, in units of the backend's ε. */
    public static final double SYMMETRY_TOLERANCE_IN_EPSILON = 1e3;

    private Inputs() {
    }

    /**
     * Fails if any entry is NaN or infinite, naming the first such entry. Within a training step
     * ({@link HostReads#during}) the check is queued and fails at the step's next read.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param a the matrix A
     * @param what what is meant, in the user's words
     */
    public static <M> void requireFinite(MatrixOps<M> ops, M a, String what) {
        HostReads.whenNonFinite(ops, a, () -> {
            throw nonFinite(ops, a, what);
        });
    }

    /** The failure naming the first non-finite entry of {@code a}, read to the host to find it. */
    private static <M> IllegalArgumentException nonFinite(MatrixOps<M> ops, M a, String what) {
        double[] v = ops.toRowMajor(a);
        int cols = ops.cols(a);
        int rows = ops.rows(a);
        for (int k = 0; k < v.length; k++) {
            if (!Double.isFinite(v[k])) {
                int row = k / cols;
                String example = ops.batch() == 1 ? "" : " of example " + row / rows;
                return new IllegalArgumentException(String.format("%s%s has a non-finite entry %s at"
                        + " row %d, column %d", what, example, v[k], row % rows, k % cols));
            }
        }
        return new IllegalArgumentException(what + " has a non-finite entry");
    }

    /**
     * Fails unless {@code a} is square.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param a the matrix A
     * @param what what is meant, in the user's words
     */
    public static <M> void requireSquare(MatrixOps<M> ops, M a, String what) {
        if (ops.rows(a) != ops.cols(a)) {
            throw new IllegalArgumentException(String.format("%s must be square, got %d×%d", what,
                    ops.rows(a), ops.cols(a)));
        }
    }

    /**
     * Fails unless {@code a} has the given shape.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param a the matrix A
     * @param rows the number of rows
     * @param cols the number of columns
     * @param what what is meant, in the user's words
     */
    public static <M> void requireShape(MatrixOps<M> ops, M a, int rows, int cols, String what) {
        if (ops.rows(a) != rows || ops.cols(a) != cols) {
            throw new IllegalArgumentException(String.format("%s must be %d×%d, got %d×%d", what,
                    rows, cols, ops.rows(a), ops.cols(a)));
        }
    }

    /**
     * Fails unless {@code a} is square, finite and symmetric to within
     * {@value #SYMMETRY_TOLERANCE_IN_EPSILON}·ε·max|a|, naming the worst entry otherwise. The check
     * itself stays in the backend (on a device, only two numbers come back unless it fails).
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param a the matrix A
     * @param what what is meant, in the user's words
     */
    public static <M> void requireSymmetric(MatrixOps<M> ops, M a, String what) {
        requireSquare(ops, a, what);
        requireFinite(ops, a, what);
        double scale = ops.maxAbs(a);
        double tolerance = SYMMETRY_TOLERANCE_IN_EPSILON * ops.epsilon() * scale;
        if (ops.maxAbs(ops.sub(a, ops.transpose(a))) <= tolerance) {
            return;
        }
        int n = ops.rows(a);
        double[] v = ops.toRowMajor(a);
        double worst = 0;
        int wi = 0;
        int wj = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d = Math.abs(v[i * n + j] - v[j * n + i]);
                if (d > worst) {
                    worst = d;
                    wi = i;
                    wj = j;
                }
            }
        }
        if (worst > tolerance) {
            throw new IllegalArgumentException(String.format("%s is not symmetric: entries (%d,%d)"
                    + " = %.17g and (%d,%d) = %.17g differ by %.3g (tolerance %.3g)", what, wi, wj,
                    v[wi * n + wj], wj, wi, v[wj * n + wi], worst, tolerance));
        }
    }
}
