package org.mbp.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The circle method covers every pair once per sweep, in rounds of disjoint pairs. */
class RoundRobinOrderingTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 256})
    void everyPairOncePerSweepInDisjointRounds(int d) {
        RoundRobinOrdering ordering = new RoundRobinOrdering(d);
        int padded = d + d % 2;
        assertEquals(padded, ordering.paddedOrder());
        assertEquals(padded - 1, ordering.rounds());
        assertEquals(padded / 2, ordering.pairsPerRound());
        int[][] seen = new int[d][d];
        int dummies = 0;
        for (int r = 0; r < ordering.rounds(); r++) {
            boolean[] used = new boolean[padded];
            for (int i = 0; i < ordering.pairsPerRound(); i++) {
                int p = ordering.first(r, i);
                int q = ordering.second(r, i);
                assertTrue(0 <= p && p < q && q < padded, "pair (" + p + ", " + q + ")");
                assertFalse(used[p] || used[q], "index reused in round " + r);
                used[p] = true;
                used[q] = true;
                if (ordering.isDummy(r, i)) {
                    assertEquals(d, q);
                    dummies++;
                } else {
                    seen[p][q]++;
                }
            }
        }
        for (int p = 0; p < d; p++) {
            for (int q = p + 1; q < d; q++) {
                assertEquals(1, seen[p][q], "pair (" + p + ", " + q + ")");
            }
        }
        assertEquals(d % 2 == 1 ? ordering.rounds() : 0, dummies);
    }

    @Test
    void knownRoundsForFourIndices() {
        RoundRobinOrdering ordering = new RoundRobinOrdering(4);
        int[][][] expected = {{{0, 3}, {1, 2}}, {{1, 3}, {0, 2}}, {{2, 3}, {0, 1}}};
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < 2; i++) {
                assertEquals(expected[r][i][0], ordering.first(r, i));
                assertEquals(expected[r][i][1], ordering.second(r, i));
            }
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new RoundRobinOrdering(0));
        RoundRobinOrdering ordering = new RoundRobinOrdering(5);
        assertThrows(IllegalArgumentException.class, () -> ordering.first(5, 0));
        assertThrows(IllegalArgumentException.class, () -> ordering.second(0, 3));
    }
}
