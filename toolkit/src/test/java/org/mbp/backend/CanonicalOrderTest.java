package org.mbp.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The canonical order against the rules of {@code stable_rank()} and {@code canonical_sign()} in
 * {@code jacobi.cu}, written here as the kernel counts them. Every check is exact: the rules
 * compare and copy values, they compute nothing.
 */
class CanonicalOrderTest {

    @Test
    void permutationsAreTheKernelsStableRanks() {
        Random random = new Random(14);
        double[] pool = {-2.5, -1, -0.0, 0.0, 0.5, 3, 3, 1e-300};
        for (int trial = 0; trial < 200; trial++) {
            double[] values = new double[1 + random.nextInt(12)];
            for (int i = 0; i < values.length; i++) {
                values[i] = pool[random.nextInt(pool.length)];
            }
            assertArrayEquals(stableRanks(values, false), CanonicalOrder.ascending(values));
            assertArrayEquals(stableRanks(values, true), CanonicalOrder.descending(values));
        }
    }

    @Test
    void signedZerosAreEqualAndKeepTheirIndexOrder() {
        assertArrayEquals(new int[] {2, 0, 1}, CanonicalOrder.ascending(new double[] {0.0, -0.0, -1}));
        assertArrayEquals(new int[] {1, 0, 2}, CanonicalOrder.descending(new double[] {-0.0, 1, 0.0}));
    }

    @Test
    void nanComesAfterEveryNumberInIndexOrder() {
        double nan = Double.NaN;
        assertArrayEquals(new int[] {3, 1, 0, 2}, CanonicalOrder.ascending(new double[] {nan, 1, nan, -1}));
        assertArrayEquals(new int[] {1, 3, 0, 2}, CanonicalOrder.descending(new double[] {nan, 1, nan, -1}));
    }

    @Test
    void signMakesTheFirstEntryOfLargestMagnitudePositive() {
        assertEquals(-1.0, CanonicalOrder.sign(new double[] {0.5, -2, 2}, 0, 1, 3));
        assertEquals(1.0, CanonicalOrder.sign(new double[] {2, -2}, 0, 1, 2));
        assertEquals(1.0, CanonicalOrder.sign(new double[] {-0.0, 0.0}, 0, 1, 2), "no nonzero entry");
        assertEquals(-1.0, CanonicalOrder.sign(new double[] {Double.NaN, -1}, 0, 1, 2), "NaN is passed over");
        // 2×3 row-major [[1, -4, 0], [-3, 2, 0]]: columns (1, -3), (-4, 2), (0, 0)
        double[] matrix = {1, -4, 0, -3, 2, 0};
        assertArrayEquals(new double[] {-1, -1, 1}, CanonicalOrder.columnSigns(matrix, 2, 3, 3));
        assertArrayEquals(new double[] {-1}, CanonicalOrder.columnSigns(matrix, 2, 3, 1));
    }

    @Test
    void eigenpairsAreSortedAscendingWithSignedVectors() {
        // vectors (columns) (0, -1) for 5 and (-1, 0) for -2: -2 first, both negated, zeros with them
        CanonicalOrder.Eigenpairs raw = new CanonicalOrder.Eigenpairs(new double[] {5, -2},
                new double[] {0, -1, -1, 0});
        CanonicalOrder.Eigenpairs sorted = CanonicalOrder.eigenpairs(raw);
        assertArrayEquals(new double[] {-2, 5}, sorted.values());
        assertArrayEquals(new double[] {1, -0.0, -0.0, 1}, sorted.vectors());
    }

    @Test
    void eigenOrderReadsTheVectorsAlongTheStridesGiven() {
        // (0.6, −0.8) for 5 and (0.8, 0.6) for −2: −2 first and kept, then 5's vector negated
        double[] values = {5, -2};
        double[] asRows = {0.6, -0.8, 0.8, 0.6};
        double[] asColumns = {0.6, 0.8, -0.8, 0.6};
        for (CanonicalOrder.Arrangement canonical : new CanonicalOrder.Arrangement[] {
            CanonicalOrder.eigenOrder(2, j -> values[j], at -> asRows[at], 2, 1),
            CanonicalOrder.eigenOrder(2, j -> values[j], at -> asColumns[at], 1, 2)}) {
            assertArrayEquals(new int[] {1, 0}, canonical.order());
            assertArrayEquals(new double[] {1, -1}, canonical.signs());
        }
    }

    /** {@code perm[rank(j)] = j}, rank(j) = #{i: v_i before v_j} + #{i < j: v_i = v_j}, as the kernel. */
    private static int[] stableRanks(double[] values, boolean descending) {
        int[] perm = new int[values.length];
        for (int j = 0; j < values.length; j++) {
            double x = values[j];
            int rank = 0;
            for (int i = 0; i < values.length; i++) {
                double y = values[i];
                boolean before = descending ? y > x : y < x;
                if (before || (y == x && i < j)) {
                    rank++;
                }
            }
            perm[rank] = j;
        }
        return perm;
    }
}
