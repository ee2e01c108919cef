package org.mbp.backend;

import static org.mbp.backend.NativeWorkspace.Slot.OPERAND_A;
import static org.mbp.backend.NativeWorkspace.Slot.OPERAND_B;
import static org.mbp.backend.NativeWorkspace.Slot.PRODUCT;

import java.util.Optional;
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
     * {@code op(A) op(B)} in float, with {@code op} the transpose where asked.
     *
     * @throws IllegalArgumentException when the inner dimensions differ
     */
    static FMatrixRMaj product(FMatrixRMaj a, boolean transA, FMatrixRMaj b, boolean transB) {
        Shape s = Shape.of(a.numRows, a.numCols, transA, b.numRows, b.numCols, transB);
        FMatrixRMaj c = new FMatrixRMaj(s.m, s.n);
        if (s.m > 0 && s.n > 0 && s.k > 0) {
            NativeWorkspace ws = NativeWorkspace.current();
            int sizeA = a.getNumElements();
            int sizeB = b.getNumElements();
            FloatPointer pc = ws.floats(PRODUCT, (long) s.m * s.n);
            openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, s.opA, s.opB, s.m, s.n, s.k, 1f,
                    ws.floats(OPERAND_A, sizeA).put(a.data, 0, sizeA), Math.max(1, a.numCols),
                    ws.floats(OPERAND_B, sizeB).put(b.data, 0, sizeB), Math.max(1, b.numCols), 0f, pc, s.n);
            pc.get(c.data, 0, s.m * s.n);
        }
        return c;
    }

    /**
     * {@code op(A) op(B)} in double, with {@code op} the transpose where asked.
     *
     * @throws IllegalArgumentException when the inner dimensions differ
     */
    static DMatrixRMaj product(DMatrixRMaj a, boolean transA, DMatrixRMaj b, boolean transB) {
        Shape s = Shape.of(a.numRows, a.numCols, transA, b.numRows, b.numCols, transB);
        DMatrixRMaj c = new DMatrixRMaj(s.m, s.n);
        if (s.m > 0 && s.n > 0 && s.k > 0) {
            NativeWorkspace ws = NativeWorkspace.current();
            int sizeA = a.getNumElements();
            int sizeB = b.getNumElements();
            DoublePointer pc = ws.doubles(PRODUCT, (long) s.m * s.n);
            openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, s.opA, s.opB, s.m, s.n, s.k, 1.0,
                    ws.doubles(OPERAND_A, sizeA).put(a.data, 0, sizeA), Math.max(1, a.numCols),
                    ws.doubles(OPERAND_B, sizeB).put(b.data, 0, sizeB), Math.max(1, b.numCols), 0.0, pc, s.n);
            pc.get(c.data, 0, s.m * s.n);
        }
        return c;
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
