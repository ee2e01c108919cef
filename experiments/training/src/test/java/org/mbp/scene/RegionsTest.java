package org.mbp.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Label-map operations and speck removal on hand-made maps. */
class RegionsTest {

    @Test
    void componentsSplitDisconnectedPiecesOfOneLabel() {
        int[] labels = {
            7, 7, 3, 7,
            3, 3, 3, 7,
            7, 3, 5, 5,
        };
        // 7 at (0,0)-(0,1) is one piece, 7 at (0,3)-(1,3) another, 7 at (2,0) a third (diagonal contact does not count)
        int[] expected = {
            0, 0, 1, 2,
            1, 1, 1, 2,
            3, 1, 4, 4,
        };
        assertArrayEquals(expected, Regions.components(labels, 4, 3));
        assertEquals(5, Regions.count(expected));
        assertArrayEquals(new int[] {2, 5, 2, 1, 2}, Regions.areas(expected, 5));
    }

    @Test
    void boundariesCountAdjacentPixelPairs() {
        int[] labels = {
            0, 0, 1,
            0, 2, 1,
        };
        int[][] shared = Regions.boundaries(labels, 3, 2, 3);
        // 0-1: (0,1)|(0,2); 0-2: (1,0)|(1,1) and (0,1)/(1,1); 1-2: (1,1)|(1,2)
        assertArrayEquals(new int[] {0, 1, 2}, shared[0]);
        assertArrayEquals(new int[] {1, 0, 1}, shared[1]);
        assertArrayEquals(new int[] {2, 1, 0}, shared[2]);
    }

    @Test
    void denseRenumbersInScanOrder() {
        assertArrayEquals(new int[] {0, 0, 1, 2, 1}, Regions.dense(new int[] {9, 9, 4, 6, 4}));
    }

    @Test
    void specksJoinTheNeighbourWithTheLongestBoundary() {
        int[] regions = {
            0, 0, 0, 1, 1,
            0, 0, 2, 1, 1,
            0, 0, 3, 3, 1,
            0, 0, 3, 3, 1,
        };
        // region 2 (1 px) borders 0 on two sides (left, above is 0), 1 once, 3 once → joins 0
        int[] survivors = SpeckRemoval.survivors(regions, 4, 5, 4, 2);
        assertArrayEquals(new int[] {0, 1, 0, 3}, survivors);
        // with minimum 5, region 3 (4 px) also goes: 0 (two pairs, plus one through the merged 2) and 1
        // (three pairs) tie at 3 → the lower number, 0
        assertArrayEquals(new int[] {0, 1, 0, 0}, SpeckRemoval.survivors(regions, 4, 5, 4, 5));
    }

    @Test
    void shapeMismatchIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Regions.components(new int[5], 2, 2));
    }
}
