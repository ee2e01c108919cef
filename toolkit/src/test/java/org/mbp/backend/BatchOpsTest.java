package org.mbp.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.mbp.verify.SampleMatrices;

/**
 * Every operation of {@link BatchOps} against the base backend applied to each example on its own,
 * the results stacked: the reference is the single-matrix backend, which the rest of the suite
 * verifies. The batch operations run the same arithmetic on the same entries (selections copy
 * entries, products and decompositions are the base's on each block), so the results must agree
 * to the last bit; the one exception, {@code diagonalOfProduct}, is a sum of k products that the
 * batch forms as row sums of an entry-wise product, in the same order.
 */
class BatchOpsTest {

    private static final EjmlOps O = EjmlOps.DOUBLE;
    private static final int COUNT = 3;
    private static final BatchOps<SimpleMatrix> B = BatchOps.of(O, COUNT);

    private static List<SimpleMatrix> examples(int rows, int cols, long seed) {
        List<SimpleMatrix> out = new ArrayList<>();
        for (int n = 0; n < COUNT; n++) {
            out.add(SampleMatrices.gaussian(O, rows, cols, seed + n));
        }
        return out;
    }

    private static List<SimpleMatrix> symmetric(int n, long seed) {
        return examples(n, n, seed).stream().map(O::sym).toList();
    }

    private static void assertSame(SimpleMatrix expected, SimpleMatrix actual) {
        assertEquals(O.rows(expected), O.rows(actual));
        assertEquals(O.cols(expected), O.cols(actual));
        assertArrayEquals(O.toRowMajor(expected), O.toRowMajor(actual), 0.0);
    }

    /** {@code batched} of the stack against {@code single} of each example, stacked. */
    private static void assertEach(List<SimpleMatrix> xs, Function<SimpleMatrix, SimpleMatrix> single,
            Function<SimpleMatrix, SimpleMatrix> batched) {
        assertSame(O.stack(xs.stream().map(single).toList()), batched.apply(O.stack(xs)));
    }

    private static void assertEach(List<SimpleMatrix> xs, List<SimpleMatrix> ys,
            BiFunction<SimpleMatrix, SimpleMatrix, SimpleMatrix> single,
            BiFunction<SimpleMatrix, SimpleMatrix, SimpleMatrix> batched) {
        List<SimpleMatrix> expected = new ArrayList<>();
        for (int n = 0; n < COUNT; n++) {
            expected.add(single.apply(xs.get(n), ys.get(n)));
        }
        assertSame(O.stack(expected), batched.apply(O.stack(xs), O.stack(ys)));
    }

    @Test
    void shapesAreOneExamples() {
        SimpleMatrix stack = O.stack(examples(4, 5, 1));
        assertEquals(4, B.rows(stack));
        assertEquals(5, B.cols(stack));
        assertEquals(COUNT, B.batch());
        assertEquals(1, O.batch());
        assertEquals(COUNT * 4, O.rows(B.zeros(4, 2)));
        assertThrows(ShapeMismatchException.class, () -> B.rows(O.zeros(7, 2)));
        assertThrows(UnsupportedOperationException.class, () -> B.get(stack, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> BatchOps.of(O, 0));
        assertThrows(IllegalArgumentException.class, () -> BatchOps.of(B, 2));
    }

    @Test
    void constantsAreTheSameForEveryExample() {
        SimpleMatrix one = O.fromRowMajor(2, 3, new double[] {1, 2, 3, 4, 5, 6});
        assertSame(O.stack(List.of(one, one, one)), B.fromRowMajor(2, 3, new double[] {1, 2, 3, 4, 5, 6}));
        assertSame(O.stack(List.of(O.identity(3), O.identity(3), O.identity(3))), B.identity(3));
        assertSame(O.filled(COUNT * 2, 2, 0.5), B.filled(2, 2, 0.5));
    }

    @Test
    void structureActsOnEachExample() {
        List<SimpleMatrix> a = examples(4, 5, 10);
        assertEach(a, O::transpose, B::transpose);
        assertEach(a, x -> O.block(x, 1, 3, 2, 5), x -> B.block(x, 1, 3, 2, 5));
        assertEach(a, O::diagonal, B::diagonal);
        assertEach(a, O::rowSums, B::rowSums);
        assertEach(a, O::sum, B::sum);
        assertEach(a, O::diagPart, B::diagPart);
        assertEach(a, examples(4, 2, 20), O::hconcat, B::hconcat);
        assertEach(a, examples(2, 5, 30), (x, y) -> O.stack(List.of(x, y)), (x, y) -> B.stack(List.of(x, y)));
        List<SimpleMatrix> v = examples(4, 1, 40);
        assertEach(v, x -> O.diagonalMatrix(x, 4, 6), x -> B.diagonalMatrix(x, 4, 6));
        assertEach(v, x -> O.padded(x, 7), x -> B.padded(x, 7));
        assertEach(v, a, O::scaleRows, B::scaleRows);
        assertEach(a, examples(5, 1, 50), O::scaleColumns, B::scaleColumns);
        List<SimpleMatrix> square = symmetric(4, 60);
        assertEach(square, O::sym, B::sym);
        assertEach(square.stream().map(x -> O.add(x, O.identity(4))).toList(), O::offDiagonalReciprocal,
                B::offDiagonalReciprocal);
    }

    @Test
    void selectionsUseOneIndexForEveryExample() {
        List<SimpleMatrix> a = examples(3, 4, 70);
        int[] index = {11, Gather.ZERO, 0, 5, 5, 7};
        assertEach(a, x -> O.gather(x, index, 2, 3), x -> B.gather(x, index, 2, 3));
        int[] spread = {0, 1, 1, 2, Gather.ZERO, 3, 0, 0, 2, 1, 3, 3};
        assertEach(a, x -> O.scatterAdd(x, spread, 2, 2), x -> B.scatterAdd(x, spread, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> B.gather(O.stack(a), new int[] {12}, 1, 1));
        int[] groups = {11, 0, 5, 7, 2, 3, 1, 4, 6, 8, 9, 10};
        assertEach(a, x -> O.argMaxMask(x, groups, 3), x -> B.argMaxMask(x, groups, 3));
        IllegalArgumentException next = assertThrows(IllegalArgumentException.class,
                () -> B.argMaxMask(O.stack(a), new int[] {0, 12}, 2));
        assertEquals("argMaxMask: index 1 is 12, outside a matrix of 12 entries", next.getMessage(),
                "an index into the next example is refused");
    }

    @Test
    void productsAreEachExamples() {
        List<SimpleMatrix> a = examples(4, 3, 80);
        assertEach(a, examples(3, 5, 90), O::mult, B::mult);
        assertEach(a, examples(4, 2, 100), O::multTransA, B::multTransA);
        assertEach(a, examples(6, 3, 110), O::multTransB, B::multTransB);
        List<SimpleMatrix> c = examples(5, 4, 85);
        assertEach(a, c, (x, y) -> O.transpose(O.mult(y, x)), (x, y) -> O.multBlocks(x, true, y, true, COUNT));
        List<SimpleMatrix> b = examples(3, 4, 120);
        List<SimpleMatrix> expected = new ArrayList<>();
        for (int n = 0; n < COUNT; n++) {
            expected.add(O.diagonalOfProduct(a.get(n), b.get(n)));
        }
        assertArrayEquals(O.toRowMajor(O.stack(expected)), O.toRowMajor(B.diagonalOfProduct(O.stack(a), O.stack(b))),
                1e-15 * 3 * 10);
        assertThrows(ShapeMismatchException.class, () -> B.mult(O.stack(a), O.stack(a)));
    }

    @Test
    void pairwiseTablesAreEachExamples() {
        List<SimpleMatrix> v = examples(4, 1, 130);
        List<SimpleMatrix> w = examples(3, 1, 140);
        for (Outer op : Outer.values()) {
            assertEach(v, w, (x, y) -> O.outer(x, y, op), (x, y) -> B.outer(x, y, op));
        }
    }

    @Test
    void decompositionsAreEachExamples() {
        List<SimpleMatrix> s = symmetric(5, 150);
        assertEach(s, x -> O.eigSymmetric(x).values(), x -> B.eigSymmetric(x).values());
        assertEach(s, x -> O.eigSymmetric(x).vectors(), x -> B.eigSymmetric(x).vectors());
        List<SimpleMatrix> a = examples(6, 4, 160);
        for (boolean full : new boolean[] {false, true}) {
            assertEach(a, x -> O.svd(x, full).u(), x -> B.svd(x, full).u());
            assertEach(a, x -> O.svd(x, full).sigma(), x -> B.svd(x, full).sigma());
            assertEach(a, x -> O.svd(x, full).v(), x -> B.svd(x, full).v());
        }
    }

    @Test
    void reductionsAreOverTheWholeBatch() {
        List<SimpleMatrix> a = examples(3, 3, 170);
        List<SimpleMatrix> b = examples(3, 3, 180);
        double dot = 0;
        for (int n = 0; n < COUNT; n++) {
            dot += O.dot(a.get(n), b.get(n));
        }
        assertEquals(dot, B.dot(O.stack(a), O.stack(b)), 1e-14);
        SimpleMatrix stack = O.stack(a);
        assertTrue(B.isFinite(stack));
        stack.set(7, 1, Double.NaN);
        assertTrue(!B.isFinite(stack));
    }

    @Test
    void aDifferentBackendsBatchCopiesWhole() {
        SimpleMatrix stack = O.stack(examples(2, 2, 190));
        BatchOps<SimpleMatrix> floats = BatchOps.of(EjmlOps.FLOAT, COUNT);
        SimpleMatrix f = floats.copyOf(B, stack);
        assertEquals(COUNT * 2, O.rows(f));
        assertArrayEquals(O.toRowMajor(stack), EjmlOps.FLOAT.toRowMajor(f), 1e-6);
    }
}
