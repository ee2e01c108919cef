package org.mbp.devicecheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mbp.backend.BatchOps;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.Elementwise;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.Outer;
import org.mbp.backend.Precision;
import org.mbp.backend.Svd;
import org.mbp.backend.SymmetricEigen;
import org.mbp.nn.HostImageOps;
import org.mbp.verify.Verifier;
import org.mbp.nn.ImageOps;
import org.mbp.nn.ImageShape;
import org.mbp.cuda.CudaContext;
import org.mbp.cuda.CudaOps;

/**
 * The device check of {@link CudaOps}: every {@link MatrixOps} and {@link ImageOps} method on the
 * same random inputs (fixed seed) in CudaOps and in {@link EjmlOps} of the same precision (images:
 * {@link HostImageOps} over EjmlOps), compared by the relative Frobenius error
 * {@code ‖gpu − cpu‖_F / max(‖cpu‖_F, tiny)}. The image operations run on one image and on a
 * stack of {@value #STACKED} (one call for the minibatch), and {@link MatrixOps#stack} on blocks of
 * several heights. The batch operations (products, decompositions and {@code outer} of a
 * {@link BatchOps} of {@value #STACKED}, and {@link MatrixOps#multBlocks} with both operands
 * transposed) run on stacks of {@value #STACKED} blocks against {@code BatchOps.of(EjmlOps, 3)}.
 * Run on a machine with a GPU; see {@link #run}.
 */
public final class BackendAgreement {

    /** Shapes (rows, columns) of the matrix cases: degenerate, small non-square, odd-sized tiles. */
    private static final int[][] SHAPES = {{1, 1}, {3, 5}, {33, 65}, {64, 64}, {70, 31}};
    /** Image cases: height, width, channels, kernel, padding, pooling window height and width. */
    private static final int[][] IMAGES = {{1, 1, 1, 1, 0, 1, 1}, {4, 6, 3, 3, 1, 2, 3}, {8, 8, 5, 3, 1, 2, 2},
        {9, 7, 2, 2, 0, 3, 7}, {6, 10, 4, 5, 2, 3, 5}};
    /** Block shapes of the batch cases: tall (SVD by the kernel), square (full SVD too), wide (host). */
    static final int[][] BLOCKS = {{7, 5}, {6, 6}, {4, 9}};
    /** The images of a stack in the batched image cases. */
    static final int STACKED = 3;
    private static final long SEED = 20240531L;

    /**
     * One comparison.
     *
     * @param operation        the method (and variant) compared
     * @param precision        the arithmetic of both backends
     * @param shapes           the input shapes
     * @param maxRelativeError the relative Frobenius error, the largest over the method's outputs
     *                         (infinite when the output shapes differ)
     */
    public record Agreement(String operation, Precision precision, String shapes, double maxRelativeError) {

        /**
         * The largest accepted error: 1e-10 in double, 1e-4 in float.
         *
         * @return the largest accepted error: 1e-10 in double, 1e-4 in float
         */
        public double threshold() {
            return precision == Precision.DOUBLE ? 1e-10 : 1e-4;
        }

        /**
         * Whether the error is within {@link #threshold()} (a NaN error fails).
         *
         * @return whether the error is within {@link #threshold()} (a NaN error fails)
         */
        public boolean passed() {
            return maxRelativeError <= threshold();
        }

        @Override
        public String toString() {
            return String.format("%-8s %-6s %-28s %-24s %.3e", passed() ? "ok" : "FAILED", precision.label(),
                    operation, shapes, maxRelativeError);
        }
    }

    private BackendAgreement() {
    }

    /**
     * Every comparison, in float and in double, on the device of {@code context}.
     *
     * @param context the context
     * @return every comparison, in float and in double, on the device of {@code context}
     */
    public static List<Agreement> run(CudaContext context) {
        List<Agreement> all = new ArrayList<>();
        for (Precision precision : Precision.values()) {
            CudaOps gpu = new CudaOps(context, precision);
            all.addAll(compare(precision, gpu, gpu, new CudaOps(context, other(precision))));
        }
        return all;
    }

    /**
     * Every comparison of a backend of {@code precision} ({@code ops}, its image operations
     * {@code images}, and {@code otherPrecision} for the copies between precisions) with
     * {@link EjmlOps} and {@link HostImageOps} of that precision.
     */
    static <M> List<Agreement> compare(Precision precision, MatrixOps<M> ops, ImageOps<M> images,
            MatrixOps<M> otherPrecision) {
        EjmlOps cpu = host(precision);
        List<Output> got = new Suite<>(ops, images, otherPrecision).evaluate();
        List<Output> want = new Suite<>(cpu, new HostImageOps<>(cpu), host(other(precision))).evaluate();
        List<Agreement> all = new ArrayList<>();
        for (int i = 0; i < want.size(); i++) {
            Output w = want.get(i);
            all.add(new Agreement(w.operation(), precision, w.shapes(), relativeError(got.get(i).values(),
                    w.values())));
        }
        return all;
    }

    private static Precision other(Precision precision) {
        return precision == Precision.FLOAT ? Precision.DOUBLE : Precision.FLOAT;
    }

    private static EjmlOps host(Precision precision) {
        return precision == Precision.FLOAT ? EjmlOps.FLOAT : EjmlOps.DOUBLE;
    }

    /** {@link Verifier#relativeError}, with a length mismatch reported as an infinite error. */
    static double relativeError(double[] got, double[] want) {
        return got.length != want.length ? Double.POSITIVE_INFINITY : Verifier.relativeError(got, want);
    }

    /** One output of one method: its values, several outputs concatenated. */
    private record Output(String operation, String shapes, double[] values) {
    }

    /** The methods of one backend on the seeded inputs, in a fixed order. */
    private static final class Suite<M> {

        private final MatrixOps<M> ops;
        private final ImageOps<M> images;
        private final MatrixOps<M> otherPrecision;
        private final List<Output> outputs = new ArrayList<>();
        private Random random;
        private String shapes;

        Suite(MatrixOps<M> ops, ImageOps<M> images, MatrixOps<M> otherPrecision) {
            this.ops = ops;
            this.images = images;
            this.otherPrecision = otherPrecision;
        }

        List<Output> evaluate() {
            random = new Random(SEED);
            for (int[] shape : SHAPES) {
                matrixCase(shape[0], shape[1]);
            }
            for (int count : new int[] {1, STACKED}) {
                for (int[] c : IMAGES) {
                    imageCase(new ImageShape(c[0], c[1], c[2]), c[3], c[4], c[5], c[6], count);
                }
            }
            for (int[] block : BLOCKS) {
                batchCase(block[0], block[1]);
            }
            return outputs;
        }

        private void matrixCase(int m, int n) {
            M a = random(m, n);
            M b = random(m, n);
            M c = random(n, m + 2);
            M square = random(n, n);
            M side = random(m, 3);
            M positive = ops.add(ops.apply(a, Elementwise.ABS), ops.filled(m, n, 0.25));
            M vm = random(m, 1);
            M vn = random(n, 1);
            M vk = random(Math.min(m, n), 1);
            shapes = m + "×" + n;
            record("zeros", ops.zeros(m, n));
            record("filled", ops.filled(m, n, 0.1));
            record("identity", ops.identity(n));
            record("fromRowMajor/toRowMajor", a);
            record("copyOf other precision", ops.copyOf(otherPrecision, otherPrecision.copyOf(ops, a)));
            record("get", ops.get(a, m - 1, n - 1), ops.get(a, 0, n / 2));
            record("transpose", ops.transpose(a));
            record("block", ops.block(a, m / 3, m, n / 4, n));
            record("hconcat", ops.hconcat(a, side));
            record("hconcat empty", ops.hconcat(ops.zeros(m, 0), a), ops.hconcat(a, ops.zeros(m, 0)));
            record("stack", ops.stack(List.of(a, ops.block(b, 0, 1, 0, n), b)), ops.stack(List.of(a)));
            record("stack empty", ops.stack(List.of(ops.zeros(0, n), a, ops.zeros(0, n))));
            record("diagonal", ops.diagonal(a));
            record("diagonalMatrix", ops.diagonalMatrix(vk, m, n));
            record("scaleRows", ops.scaleRows(vm, a));
            record("scaleColumns", ops.scaleColumns(a, vn));
            record("rowSums", ops.rowSums(a));
            record("diagonalOfProduct", ops.diagonalOfProduct(a, ops.transpose(b)));
            record("add", ops.add(a, b));
            record("sub", ops.sub(a, b));
            record("scale", ops.scale(0.3, a));
            record("hadamard", ops.hadamard(a, b));
            record("divide", ops.divide(a, positive));
            record("mult", ops.mult(a, c));
            record("multTransA", ops.multTransA(a, b));
            record("multTransB", ops.multTransB(a, b));
            record("dot", ops.dot(a, b));
            record("maxAbs", ops.maxAbs(a));
            record("isFinite", ops.isFinite(a) ? 1 : 0,
                    ops.isFinite(ops.divide(a, ops.zeros(m, n))) ? 1 : 0);
            for (Elementwise f : Elementwise.values()) {
                record("apply " + f, ops.apply(f == Elementwise.EXP || f == Elementwise.EXPM1 ? a : positive, f));
            }
            record("power", ops.power(positive, 1.7), ops.power(a, 2.0));
            record("map", ops.map(a, Math::sin));
            for (Outer op : Outer.values()) {
                record("outer " + op, ops.outer(vm, vn, op));
            }
            record("offDiagonalReciprocal", ops.offDiagonalReciprocal(positive));
            record("choose", ops.choose(a, 0.0, b, positive));
            int[] reversed = new int[m * n];
            for (int k = 0; k < reversed.length; k++) {
                reversed[k] = (reversed.length - 1 - k) * 7 % reversed.length;
            }
            record("gather", ops.gather(a, reversed, n, m));
            SymmetricEigen<M> eig = ops.eigSymmetric(ops.sym(square));
            record("eigSymmetric", eig.values(), eig.vectors());
            Svd<M> compact = ops.svd(a, false);
            record("svd compact", compact.u(), compact.sigma(), compact.v());
            Svd<M> full = ops.svd(a, true);
            record("svd full", full.u(), full.sigma(), full.v());
            record("sym", ops.sym(square));
            record("diagPart", ops.diagPart(a));
            record("norm", ops.norm(a));
            record("sum", ops.sum(a));
            record("ones", ops.ones(m));
            record("slice", ops.slice(vm, m / 2, m));
            record("padded", ops.padded(vm, m + 3));
            record("projectOut", ops.projectOut(compact.u(), b));
        }

        private void imageCase(ImageShape in, int kernel, int padding, int kh, int kw, int count) {
            shapes = (count == 1 ? "" : count + " of ") + in + " k" + kernel + " p" + padding + " w" + kh + "×" + kw;
            M x = random(count * in.locations(), in.channels());
            M p = images.patches(x, in, kernel, padding);
            record("patches", p);
            record("patchesAdjoint", images.patchesAdjoint(random(ops.rows(p), ops.cols(p)), in, kernel, padding));
            M pooled = images.windowSum(x, in, kh, kw);
            record("windowSum", pooled);
            record("windowSpread", images.windowSpread(random(ops.rows(pooled), ops.cols(pooled)), in, kh, kw));
            record("windowArgMaxMask", images.windowArgMaxMask(x, in, kh, kw));
            double[] ties = new double[count * in.size()];
            for (int i = 0; i < ties.length; i++) {
                ties[i] = random.nextInt(3);
            }
            record("windowArgMaxMask ties",
                    images.windowArgMaxMask(ops.fromRowMajor(count * in.locations(), in.channels(), ties), in, kh, kw));
        }

        /** The batch operations on stacks of {@value #STACKED} m×n blocks (and their kin's shapes). */
        private void batchCase(int m, int n) {
            MatrixOps<M> batch = BatchOps.of(ops, STACKED);
            shapes = STACKED + " of " + m + "×" + n;
            M a = random(STACKED * m, n);
            M b = random(STACKED * m, n);
            M c = random(STACKED * n, m + 2);
            M square = random(STACKED * n, n);
            M vm = random(STACKED * m, 1);
            M vn = random(STACKED * n, 1);
            record("batch mult", batch.mult(a, c));
            record("batch multTransA", batch.multTransA(a, b));
            record("batch multTransB", batch.multTransB(a, b));
            record("multBlocks both transposed", ops.multBlocks(c, true, a, true, STACKED));
            SymmetricEigen<M> eig = batch.eigSymmetric(batch.sym(square));
            record("batch eigSymmetric", eig.values(), eig.vectors());
            Svd<M> compact = batch.svd(a, false);
            record("batch svd compact", compact.u(), compact.sigma(), compact.v());
            Svd<M> full = batch.svd(a, true);
            record("batch svd full", full.u(), full.sigma(), full.v());
            for (Outer op : Outer.values()) {
                record("batch outer " + op, batch.outer(vm, vn, op));
            }
        }

        private M random(int rows, int cols) {
            double[] values = new double[rows * cols];
            for (int i = 0; i < values.length; i++) {
                values[i] = 2 * random.nextDouble() - 1;
            }
            return ops.fromRowMajor(rows, cols, values);
        }

        @SafeVarargs
        private void record(String operation, M... results) {
            List<double[]> parts = new ArrayList<>();
            int total = 0;
            for (M r : results) {
                double[] v = ops.toRowMajor(r);
                parts.add(v);
                total += v.length;
            }
            double[] all = new double[total];
            int at = 0;
            for (double[] v : parts) {
                System.arraycopy(v, 0, all, at, v.length);
                at += v.length;
            }
            outputs.add(new Output(operation, shapes, all));
        }

        private void record(String operation, double... values) {
            outputs.add(new Output(operation, shapes, values.clone()));
        }
    }
}
