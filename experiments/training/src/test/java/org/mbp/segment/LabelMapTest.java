package org.mbp.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LabelMapTest {

    @Test
    void validatesShapeAndLabels() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LabelMap(0, 3, new int[0]))
                .getMessage().contains("0×3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LabelMap(2, 2, new int[3]))
                .getMessage().contains("needs 4 labels, got 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LabelMap(3, 2, new int[] {0, 0, 0, 0, -1, 0}))
                .getMessage().contains("label -1 at row 1, column 1"));
    }

    @Test
    void isImmutable() {
        int[] labels = {0, 1, 2, 3};
        LabelMap map = new LabelMap(2, 2, labels);
        labels[0] = 9;
        map.labels()[1] = 9;
        assertArrayEquals(new int[] {0, 1, 2, 3}, map.labels());
        assertEquals(new LabelMap(2, 2, new int[] {0, 1, 2, 3}), map);
        assertNotEquals(new LabelMap(4, 1, new int[] {0, 1, 2, 3}), map);
        assertEquals(2, map.label(0, 1));
    }

    @Test
    void countsAndRelabelsInOrderOfFirstAppearance() {
        LabelMap map = new LabelMap(3, 2, new int[] {7, 7, 3, 42, 3, 7});
        assertEquals(3, map.segmentCount());
        assertFalse(map.isDense());
        LabelMap dense = map.relabelled();
        assertArrayEquals(new int[] {0, 0, 1, 2, 1, 0}, dense.labels());
        assertTrue(dense.isDense());
    }

    /** Integer factor: each pixel repeated; 2 → 3 columns: centres 1/3, 1, 5/3 of the source → 0, 1, 1. */
    @Test
    void upsamplesByNearestNeighbourAtPixelCentres() {
        LabelMap map = new LabelMap(2, 2, new int[] {1, 2, 3, 4});
        assertArrayEquals(new int[] {
            1, 1, 2, 2,
            1, 1, 2, 2,
            3, 3, 4, 4,
            3, 3, 4, 4}, map.upsampledTo(4, 4).labels());
        assertArrayEquals(new int[] {1, 2, 2, 3, 4, 4}, map.upsampledTo(3, 2).labels());
        assertArrayEquals(new int[] {1, 1, 1, 2, 2, 2}, new LabelMap(2, 1, new int[] {1, 2}).upsampledTo(6, 1).labels());
        // 3 → 2 columns: centres 0.75 and 2.25 of the source → columns 0 and 2
        assertArrayEquals(new int[] {5, 7}, new LabelMap(3, 1, new int[] {5, 6, 7}).upsampledTo(2, 1).labels());
        assertEquals(map, map.upsampledTo(2, 2));
        assertThrows(IllegalArgumentException.class, () -> map.upsampledTo(0, 2));
    }

    /** Label 0 forms an outer border and, separated by a ring of 1, a centre pixel: two pieces. */
    @Test
    void splitsARingsInsideFromItsOutside() {
        LabelMap ring = new LabelMap(5, 5, new int[] {
            0, 0, 0, 0, 0,
            0, 1, 1, 1, 0,
            0, 1, 0, 1, 0,
            0, 1, 1, 1, 0,
            0, 0, 0, 0, 0});
        assertEquals(2, ring.segmentCount());
        assertArrayEquals(new int[] {
            0, 0, 0, 0, 0,
            0, 1, 1, 1, 0,
            0, 1, 2, 1, 0,
            0, 1, 1, 1, 0,
            0, 0, 0, 0, 0}, ring.connectedComponents().labels());
    }

    /** The diagonal of 1s falls into three pixels, and it cuts the 0s into two triangles. */
    @Test
    void diagonalContactDoesNotConnect() {
        LabelMap diagonal = new LabelMap(3, 3, new int[] {
            1, 0, 0,
            0, 1, 0,
            0, 0, 1});
        assertArrayEquals(new int[] {
            0, 1, 1,
            2, 3, 1,
            2, 2, 4}, diagonal.connectedComponents().labels());
    }

    /** A serpentine region of a million pixels: an explicit stack, no recursion depth to overflow. */
    @Test
    void floodFillsLargeRegionsWithoutRecursion() {
        int n = 1000;
        int[] labels = new int[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                boolean wall = y % 2 == 1 && (y % 4 == 1 ? x != n - 1 : x != 0);
                labels[y * n + x] = wall ? 1 : 0;
            }
        }
        LabelMap snake = new LabelMap(n, n, labels).connectedComponents();
        assertEquals(1 + n / 2, snake.segmentCount(), "one snake of 0 and n/2 separate walls of 1");
        assertEquals(0, snake.label(0, n - 2));
    }
}
