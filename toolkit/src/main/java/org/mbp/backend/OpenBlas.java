package org.mbp.backend;

import static org.mbp.backend.NativeWorkspace.Slot.OPERAND_A;
import static org.mbp.backend.NativeWorkspace.Slot.OPERAND_B;
import static org.mbp.backend.NativeWorkspace.Slot.PRODUCT;

import java.util.Optional;
import java.util.function.IntConsumer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;

/**
 * OpenBLAS through its JavaCPP preset: the library behind {@link EjmlOps#fastest}, whose matrix
 * products are here and whose LAPACK decompositions are {@link LapackEngine}'s. The products
 * {@code C = op(A) op(B)} in OpenBLAS ({@code cblas_sgemm}, {@code cblas_dgemm}
 * through the JavaCPP preset), on EJML's row-major arrays. OpenBLAS's blocked SIMD kernels run the
 * small products of a convolutional trunk (e.g. 196×144 · 144×32) at 75–85 GFLOP/s per core here,
 * against 4–6 GFLOP/s for EJML's (operands copied through this thread's {@link NativeWorkspace}); they compute the same sums in another order, so a product
 * differs from EJML's by rounding only (at most {@code k·u·|A||B|} entry-wise, u the unit
 * roundoff).
 *
 * <p>OpenBLAS runs one thread per call: callers spread whole examples over their own threads. The
 * native library (with its LAPACK) ships for linux-x86_64; elsewhere, or when it fails to load,
 * {@link #unavailableReason()} says why and {@link EjmlOps#fastest} falls back to EJML.
 */
final class OpenBlas {

    private static final String REASON = load();

    private OpenBlas() {
    }

    private static String load() {
        try {
            org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(1);
            Loader.load(openblas.class);
            return null;
        } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError e) {
            return "OpenBLAS did not load (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
    }

    /** Why OpenBLAS cannot be used here, or empty when it can. */
    static Optional<String> unavailableReason() {
        return Optional.ofNullable(REASON);
    }

    /**
     * {@code op(A) op(B)} in float, with {@code op} the transpose where asked: {@link #products}
     * of one block.
     *
     * @throws IllegalArgumentException when the inner dimensions differ
     */
    static FMatrixRMaj product(FMatrixRMaj a, boolean transA, FMatrixRMaj b, boolean transB) {
        return products(a, transA, b, transB, 1);
    }

    /**
     * {@code op(A) op(B)} in double, with {@code op} the transpose where asked: {@link #products}
     * of one block.
     *
     * @throws IllegalArgumentException when the inner dimensions differ
     */
    static DMatrixRMaj product(DMatrixRMaj a, boolean transA, DMatrixRMaj b, boolean transB) {
        return products(a, transA, b, transB, 1);
    }

    /**
     * The products {@code op(A_n) op(B_n)} of two stacks of {@code count} blocks (stacked by rows),
     * in float, stacked in order: each block is copied from its place in the stack into the
     * workspace and its product written to its place in the result, without cutting the blocks out
     * or stacking the products.
     *
     * @throws ShapeMismatchException when a stack does not hold {@code count} blocks or the blocks
     *                                do not multiply
     */
    static FMatrixRMaj products(FMatrixRMaj a, boolean transA, FMatrixRMaj b, boolean transB, int count) {
        Blocks g = Blocks.of(a.numRows, a.numCols, transA, b.numRows, b.numCols, transB, count);
        FMatrixRMaj c = new FMatrixRMaj(count * g.s.m, g.s.n);
        NativeWorkspace ws = NativeWorkspace.current();
        FloatPointer pa = ws.floats(OPERAND_A, g.sizeA);
        FloatPointer pb = ws.floats(OPERAND_B, g.sizeB);
        FloatPointer pc = ws.floats(PRODUCT, g.sizeC);
        g.each(n -> {
            openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, g.s.opA, g.s.opB, g.s.m, g.s.n, g.s.k, 1f,
                    pa.put(a.data, n * g.sizeA, g.sizeA), g.lda, pb.put(b.data, n * g.sizeB, g.sizeB), g.ldb, 0f, pc,
                    g.s.n);
            pc.get(c.data, n * g.sizeC, g.sizeC);
        });
        return c;
    }

    /**
     * The products of two stacks of {@code count} blocks in double, as {@link #products(FMatrixRMaj,
     * boolean, FMatrixRMaj, boolean, int)} in float.
     *
     * @throws ShapeMismatchException when a stack does not hold {@code count} blocks or the blocks
     *                                do not multiply
     */
    static DMatrixRMaj products(DMatrixRMaj a, boolean transA, DMatrixRMaj b, boolean transB, int count) {
        Blocks g = Blocks.of(a.numRows, a.numCols, transA, b.numRows, b.numCols, transB, count);
        DMatrixRMaj c = new DMatrixRMaj(count * g.s.m, g.s.n);
        NativeWorkspace ws = NativeWorkspace.current();
        DoublePointer pa = ws.doubles(OPERAND_A, g.sizeA);
        DoublePointer pb = ws.doubles(OPERAND_B, g.sizeB);
        DoublePointer pc = ws.doubles(PRODUCT, g.sizeC);
        g.each(n -> {
            openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, g.s.opA, g.s.opB, g.s.m, g.s.n, g.s.k, 1.0,
                    pa.put(a.data, n * g.sizeA, g.sizeA), g.lda, pb.put(b.data, n * g.sizeB, g.sizeB), g.ldb, 0.0, pc,
                    g.s.n);
            pc.get(c.data, n * g.sizeC, g.sizeC);
        });
        return c;
    }

    /**
     * A stack's blocks: their number, each product's shape, the entries of a block of A, of B and
     * of C, and the leading dimensions of A and B.
     */
    private record Blocks(int count, Shape s, int sizeA, int sizeB, int sizeC, int lda, int ldb) {

        static Blocks of(int aRows, int aCols, boolean transA, int bRows, int bCols, boolean transB, int count) {
            int rowsA = Shapes.blockRows(aRows, count, "multBlocks");
            int rowsB = Shapes.blockRows(bRows, count, "multBlocks");
            Shape s = Shape.of(rowsA, aCols, transA, rowsB, bCols, transB);
            return new Blocks(count, s, rowsA * aCols, rowsB * bCols, s.m * s.n, Math.max(1, aCols), Math.max(1, bCols));
        }

        /** Runs {@code block} for each block in order, unless the products are empty (then all zero). */
        void each(IntConsumer block) {
            if (s.m > 0 && s.n > 0 && s.k > 0) {
                for (int n = 0; n < count; n++) {
                    block.accept(n);
                }
            }
        }
    }

    /** The GEMM dimensions: op(A) is m×k, op(B) is k×n. */
    private record Shape(int m, int n, int k, int opA, int opB) {

        static Shape of(int aRows, int aCols, boolean transA, int bRows, int bCols, boolean transB) {
            Shapes.requireProduct("product", aRows, aCols, transA, bRows, bCols, transB);
            int m = transA ? aCols : aRows;
            int k = transA ? aRows : aCols;
            int n = transB ? bRows : bCols;
            return new Shape(m, n, k, transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                    transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans);
        }
    }
}
