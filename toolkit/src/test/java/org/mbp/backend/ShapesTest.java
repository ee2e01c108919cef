package org.mbp.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.mbp.precise.HighPrecision;

/**
 * The shape checks name the operation and the shapes, in the same words on the EJML backends and
 * the high-precision one.
 */
class ShapesTest {

    @Test
    void everyCheckNamesTheOperationAndTheShapes() {
        for (MatrixOps<?> ops : List.of(EjmlOps.DOUBLE, EjmlOps.FLOAT, EjmlOps.fastest(Precision.DOUBLE),
                HighPrecision.ops())) {
            check(ops);
        }
    }

    private static <M> void check(MatrixOps<M> ops) {
        M a = ops.zeros(2, 3);
        M b = ops.zeros(3, 2);
        expect("add: shapes differ, 2×3 vs 3×2", () -> ops.add(a, b));
        expect("choose: shapes differ, 2×3 vs 3×2", () -> ops.choose(a, 0, a, b));
        expect("scaleRows: expected a 2×1 vector, got 3×2", () -> ops.scaleRows(b, a));
        expect("outer: expected a 2×1 vector, got 2×3", () -> ops.outer(a, ops.zeros(2, 1), Outer.SUM));
        expect("eigSymmetric: matrix is 2×3, not square", () -> ops.eigSymmetric(a));
        expect("mult: inner dimensions differ, A 2×3 and B 2×3", () -> ops.mult(a, a));
        expect("multTransA: inner dimensions differ, Aᵀ 3×2 and B 3×2", () -> ops.multTransA(a, b));
        expect("multTransB: inner dimensions differ, A 2×3 and Bᵀ 2×3", () -> ops.multTransB(a, b));
        expect("diagonalOfProduct: 2×3 times 2×3 is not square", () -> ops.diagonalOfProduct(a, a));
        expect("block: rows [1, 3) and columns [0, 1) of a 2×3 matrix", () -> ops.block(a, 1, 3, 0, 1));
        expect("hconcat: 2×3 beside 3×2, the rows differ", () -> ops.hconcat(a, b));
        expect("fromRowMajor: 5 values for a 2×3 matrix", () -> ops.fromRowMajor(2, 3, new double[5]));
        expect("fromRowMajor: 1 values for a -1×-1 matrix", () -> ops.fromRowMajor(-1, -1, new double[1]));
    }

    private static void expect(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void emptyBlocksAndProductsPass() {
        EjmlOps ops = EjmlOps.DOUBLE;
        SimpleMatrix a = ops.zeros(2, 3);
        assertEquals(0, ops.rows(ops.block(a, 2, 2, 0, 3)));
        assertEquals(2, ops.cols(ops.mult(ops.zeros(2, 0), ops.zeros(0, 2))));
        assertEquals(3, ops.cols(ops.hconcat(ops.zeros(2, 0), a)));
    }
}
