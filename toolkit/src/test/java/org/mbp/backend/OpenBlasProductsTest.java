package org.mbp.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The OpenBLAS products of {@link EjmlOps#fastest} against exact sums (BigDecimal): every entry of
 * a computed {@code op(A) op(B)} lies within {@code γ_k (|op(A)| |op(B)|)_ij} of the exact one,
 * {@code γ_k = k u / (1 − k u)}, the bound of any summation order (Higham, Accuracy and Stability,
 * §3.5). Shapes are non-square with distinct m, n, k so that a wrong leading dimension or a
 * swapped transpose cannot pass, and include k = 1 and empty products.
 */
class OpenBlasProductsTest {

    private static final int[][] SHAPES = {{7, 5, 3}, {1, 9, 4}, {37, 29, 41}, {6, 1, 8}, {5, 4, 1}, {3, 0, 2},
            {0, 4, 3}, {4, 3, 0}};

    @ParameterizedTest
    @EnumSource(Precision.class)
    void loadsOnThisPlatform(Precision p) {
        Optional<String> why = EjmlOps.openBlasUnavailableReason();
        assertTrue(why.isEmpty(), () -> why.get());
        assertEquals(p.label() + "/openblas", EjmlOps.fastest(p).name());
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void productsWithinTheSummationBound(Precision p) {
        EjmlOps ops = EjmlOps.fastest(p);
        Random random = new Random(20261129);
        for (int[] shape : SHAPES) {
            int m = shape[0];
            int k = shape[1];
            int n = shape[2];
            double[][] a = random(m, k, random, ops);
            double[][] b = random(k, n, random, ops);
            check(ops, "A B", a, b, n, ops.mult(matrix(ops, a, m, k), matrix(ops, b, k, n)));
            check(ops, "Aᵀ B", a, b, n, ops.multTransA(matrix(ops, transpose(a, m, k), k, m), matrix(ops, b, k, n)));
            check(ops, "A Bᵀ", a, b, n, ops.multTransB(matrix(ops, a, m, k), matrix(ops, transpose(b, k, n), n, k)));
        }
    }

    /**
     * {@code multBlocks} of {@link EjmlOps#fastest} reads each block from its place in the stack
     * and writes its product to its place: bit for bit the product of that block alone (the same
     * GEMM call on the same values), for each transpose combination, odd shapes and 3 blocks (the
     * blocks of both transposes against OpenBLAS's own {@code op(A) op(B)} of the block); a stack
     * that does not split into the blocks is refused.
     */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void stackedProductsAreEachBlocksOwn(Precision p) {
        EjmlOps ops = EjmlOps.fastest(p);
        Random random = new Random(20261206);
        int count = 3;
        int m = 5;
        int k = 7;
        int n = 4;
        for (boolean transA : new boolean[] {false, true}) {
            for (boolean transB : new boolean[] {false, true}) {
                int aRows = transA ? k : m;
                int aCols = transA ? m : k;
                int bRows = transB ? n : k;
                int bCols = transB ? k : n;
                java.util.List<SimpleMatrix> as = new java.util.ArrayList<>();
                java.util.List<SimpleMatrix> bs = new java.util.ArrayList<>();
                java.util.List<SimpleMatrix> each = new java.util.ArrayList<>();
                for (int i = 0; i < count; i++) {
                    SimpleMatrix a = matrix(ops, random(aRows, aCols, random, ops), aRows, aCols);
                    SimpleMatrix b = matrix(ops, random(bRows, bCols, random, ops), bRows, bCols);
                    as.add(a);
                    bs.add(b);
                    each.add(SimpleMatrix.wrap(p == Precision.FLOAT
                            ? OpenBlas.product(a.getFDRM(), transA, b.getFDRM(), transB)
                            : OpenBlas.product(a.getDDRM(), transA, b.getDDRM(), transB)));
                }
                SimpleMatrix stacked = ops.multBlocks(ops.stack(as), transA, ops.stack(bs), transB, count);
                assertEquals(count * m, ops.rows(stacked));
                org.junit.jupiter.api.Assertions.assertArrayEquals(ops.toRowMajor(ops.stack(each)),
                        ops.toRowMajor(stacked), 0.0, "transA " + transA + ", transB " + transB);
            }
        }
        assertThrows(ShapeMismatchException.class, () -> ops.multBlocks(ops.zeros(10, 3), false, ops.zeros(9, 2),
                false, 3));
    }

    /**
     * The operands are copied through this thread's native buffers, which keep the largest size
     * seen: a small product after a large one, and an EJML matrix whose array is longer than its
     * entries (reshaped smaller), must read only its own entries.
     */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void reusedBuffersReadOnlyTheOperandsEntries(Precision p) {
        EjmlOps ops = EjmlOps.fastest(p);
        Random random = new Random(20261206);
        double[][] large = random(60, 50, random, ops);
        ops.mult(matrix(ops, large, 60, 50), matrix(ops, random(50, 40, random, ops), 50, 40));
        double[][] a = random(3, 4, random, ops);
        double[][] b = random(4, 2, random, ops);
        SimpleMatrix shrunk = matrix(ops, random(10, 10, random, ops), 10, 10);
        shrunk.reshape(3, 4);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                shrunk.set(i, j, a[i][j]);
            }
        }
        check(ops, "A B (A reshaped from 10×10)", a, b, 2, ops.mult(shrunk, matrix(ops, b, 4, 2)));
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void innerDimensionMismatchIsNamed(Precision p) {
        EjmlOps ops = EjmlOps.fastest(p);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ops.multTransA(ops.zeros(3, 4), ops.zeros(2, 5)));
        assertEquals("multTransA: inner dimensions differ, Aᵀ 4×3 and B 2×5", e.getMessage());
        IllegalArgumentException direct = assertThrows(IllegalArgumentException.class,
                () -> OpenBlas.product(new DMatrixRMaj(3, 4), true, new DMatrixRMaj(2, 5), false));
        assertEquals("product: inner dimensions differ, Aᵀ 4×3 and B 2×5", direct.getMessage());
    }

    private static void check(EjmlOps ops, String what, double[][] a, double[][] b, int n, SimpleMatrix c) {
        int m = a.length;
        int k = b.length;
        assertEquals(m, ops.rows(c), what + " rows");
        assertEquals(n, ops.cols(c), what + " cols");
        double u = ops.epsilon() / 2;
        double gamma = k * u / (1 - k * u);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                BigDecimal exact = BigDecimal.ZERO;
                double magnitude = 0;
                for (int l = 0; l < k; l++) {
                    exact = exact.add(new BigDecimal(a[i][l]).multiply(new BigDecimal(b[l][j])));
                    magnitude += Math.abs(a[i][l] * b[l][j]);
                }
                double error = Math.abs(new BigDecimal(ops.get(c, i, j)).subtract(exact).doubleValue());
                assertTrue(error <= gamma * magnitude, what + " (" + m + "×" + k + "·" + k + "×" + n + ") entry "
                        + i + "," + j + ": error " + error + " > γ_k|A||B| = " + gamma * magnitude);
            }
        }
    }

    /** Entries exactly representable in the backend's precision, of both signs and mixed scales. */
    private static double[][] random(int rows, int cols, Random random, EjmlOps ops) {
        double[][] x = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                x[i][j] = ops.get(ops.filled(1, 1, random.nextGaussian() * Math.pow(10, random.nextInt(3) - 1)), 0, 0);
            }
        }
        return x;
    }

    private static double[][] transpose(double[][] x, int rows, int cols) {
        double[][] t = new double[cols][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j][i] = x[i][j];
            }
        }
        return t;
    }

    private static SimpleMatrix matrix(EjmlOps ops, double[][] x, int rows, int cols) {
        double[] values = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(x[i], 0, values, i * cols, cols);
        }
        return ops.fromRowMajor(rows, cols, values);
    }
}
