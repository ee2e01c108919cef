package org.mbp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.mbp.backend.EjmlOps;
import org.mbp.verify.SampleMatrices;

/**
 * The reference image operations on hand-worked cases: the index conventions every other
 * implementation (the GPU kernels) is compared with, and the adjoint identities that tie each pair.
 */
class HostImageOpsTest {

    private static final EjmlOps O = EjmlOps.DOUBLE;
    private final HostImageOps<SimpleMatrix> images = new HostImageOps<>(O);

    @Test
    void patchesOfATwoByTwoImageWithPaddingOne() {
        // 2×2 image, one channel: x = [[1, 2], [3, 4]]; a 2×2 kernel with padding 1 gives a 3×3 output.
        ImageShape in = new ImageShape(2, 2, 1);
        SimpleMatrix x = O.fromRowMajor(4, 1, new double[] {1, 2, 3, 4});
        SimpleMatrix p = images.patches(x, in, 2, 1);
        assertEquals(9, p.getNumRows());
        assertEquals(4, p.getNumCols());
        // Output (0, 0) sees pixels (−1, −1), (−1, 0), (0, −1), (0, 0): only x(0, 0) = 1 is inside.
        assertArrayEquals(new double[] {0, 0, 0, 1}, O.toRowMajor(O.block(p, 0, 1, 0, 4)), 0);
        // Output (1, 1) sees the whole image.
        assertArrayEquals(new double[] {1, 2, 3, 4}, O.toRowMajor(O.block(p, 4, 5, 0, 4)), 0);
        // Output (2, 2) sees only x(1, 1) = 4, at its top-left offset.
        assertArrayEquals(new double[] {4, 0, 0, 0}, O.toRowMajor(O.block(p, 8, 9, 0, 4)), 0);
    }

    @Test
    void windowsSumSpreadAndSelectTheFirstMaximum() {
        // 2×4 image, two channels, 2×2 windows: two windows per channel.
        ImageShape in = new ImageShape(2, 4, 2);
        double[] v = {
            1, 8, 5, 8, 2, 0, 2, 1,
            5, 0, 3, 8, 2, 9, 0, 9,
        };
        SimpleMatrix x = O.fromRowMajor(8, 2, v);
        // Channel 0 windows: {1, 5, 5, 3} and {2, 2, 2, 0}; channel 1: {8, 8, 0, 8} and {0, 1, 9, 9}.
        assertArrayEquals(new double[] {14, 24, 6, 19}, O.toRowMajor(images.windowSum(x, in, 2, 2)), 0);
        SimpleMatrix g = O.fromRowMajor(2, 2, new double[] {10, 20, 30, 40});
        assertArrayEquals(new double[] {10, 20, 10, 20, 30, 40, 30, 40, 10, 20, 10, 20, 30, 40, 30, 40},
                O.toRowMajor(images.windowSpread(g, in, 2, 2)), 0);
        // Ties go to the first in row-major window order: channel 0's first window has 5 at (0, 1)
        // and (1, 0); channel 1's first window has 8 three times; the second windows' 2 and 9 likewise.
        assertArrayEquals(new double[] {0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0},
                O.toRowMajor(images.windowArgMaxMask(x, in, 2, 2)), 0);
    }

    @Test
    void eachPairIsAnAdjointPair() {
        ImageShape in = new ImageShape(5, 4, 3);
        SimpleMatrix x = SampleMatrices.gaussian(O, 20, 3, 1);
        SimpleMatrix p = SampleMatrices.gaussian(O, 20, 27, 2);
        // ⟨P(x), p⟩ = ⟨x, P*(p)⟩ to rounding: sums of 540 products of standard normals.
        assertEquals(O.dot(images.patches(x, in, 3, 1), p), O.dot(x, images.patchesAdjoint(p, in, 3, 1)), 1e-12);
        ImageShape even = new ImageShape(4, 4, 3);
        SimpleMatrix y = SampleMatrices.gaussian(O, 16, 3, 3);
        SimpleMatrix w = SampleMatrices.gaussian(O, 4, 3, 4);
        assertEquals(O.dot(images.windowSum(y, even, 2, 2), w), O.dot(y, images.windowSpread(w, even, 2, 2)), 1e-12);
    }

    /**
     * A stack of images through one call equals each image through its own call, stacked: exactly,
     * since every output entry is the same copy or the same sum in the same order.
     */
    @Test
    void aStackOfImagesIsEachImageStacked() {
        ImageShape in = new ImageShape(4, 6, 3);
        int count = 5;
        java.util.List<SimpleMatrix> each = new java.util.ArrayList<>();
        for (int n = 0; n < count; n++) {
            each.add(SampleMatrices.gaussian(O, 24, 3, 10 + n));
        }
        SimpleMatrix batch = O.stack(each);
        BatchedBlocksTest.assertStacked(each, batch, x -> images.patches(x, in, 3, 1), 0);
        BatchedBlocksTest.assertStacked(each, batch, x -> images.windowSum(x, in, 2, 3), 0);
        BatchedBlocksTest.assertStacked(each, batch, x -> images.windowArgMaxMask(x, in, 2, 2), 0);
        BatchedBlocksTest.assertStacked(each, batch, x -> images.windowSum(x, in, 4, 6), 0);
        java.util.List<SimpleMatrix> patches = each.stream().map(x -> images.patches(x, in, 3, 1)).toList();
        BatchedBlocksTest.assertStacked(patches, O.stack(patches), p -> images.patchesAdjoint(p, in, 3, 1), 0);
        java.util.List<SimpleMatrix> pooled = each.stream().map(x -> images.windowSum(x, in, 2, 3)).toList();
        BatchedBlocksTest.assertStacked(pooled, O.stack(pooled), g -> images.windowSpread(g, in, 2, 3), 0);
    }

    @Test
    void shapesAreChecked() {
        ImageShape in = new ImageShape(3, 3, 1);
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> images.patches(O.zeros(8, 1), in, 3, 1));
        assertEquals("patches: image matrix is 8×1, expected 9×1 for a 3×3×1 image, or a stack of such images"
                + " (a multiple of 9 rows)", wrong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> images.windowSum(O.zeros(9, 1), in, 2, 2));
    }
}
