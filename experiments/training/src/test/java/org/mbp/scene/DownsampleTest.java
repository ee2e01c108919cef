package org.mbp.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reduced-resolution segmentation matrices on a hand-made 4×4 map. */
class DownsampleTest {

    /**
     * Blocks of 2×2: top-left {0,0,2,2} (tie → 0), top-right all 2, bottom-left all 2,
     * bottom-right {3,4,3,3} → 3; label 4 wins no block.
     */
    private static final int[] LABELS = {
        0, 0, 2, 2,
        2, 2, 2, 2,
        2, 2, 3, 4,
        2, 2, 3, 3,
    };

    @Test
    void majorityLabelsPerBlock() {
        assertArrayEquals(new int[] {0, 2, 2, 3}, Downsample.majority(LABELS, 4, 4, 2));
    }

    @Test
    void hardMatrixHasOneOnePerRowInTheWinnersColumn() {
        SegmentationMatrix e = Downsample.hard(LABELS, 4, 4, 2);
        assertEquals(4, e.rows());
        assertEquals(3, e.cols());
        assertArrayEquals(new int[] {0, 2, 3}, e.segments());
        assertArrayEquals(new double[] {
            1, 0, 0,
            0, 1, 0,
            0, 1, 0,
            0, 0, 1,
        }, e.values(), 0);
        assertEquals(1, e.get(2, 1), 0);
        assertEquals(1, e.toMatrix().get(3, 2), 0);
    }

    @Test
    void softMatrixHoldsBlockFractions() {
        SegmentationMatrix e = Downsample.soft(LABELS, 4, 4, 2);
        assertArrayEquals(new int[] {0, 2, 3, 4}, e.segments());
        assertArrayEquals(new double[] {
            0.5, 0.5, 0, 0,
            0, 1, 0, 0,
            0, 1, 0, 0,
            0, 0, 0.75, 0.25,
        }, e.values(), 0);
    }

    @Test
    void identityAtFullResolution() {
        SegmentationMatrix e = Downsample.hard(new int[] {1, 0, 0, 1}, 2, 2, 2);
        assertArrayEquals(new double[] {0, 1, 1, 0, 1, 0, 0, 1}, e.values(), 0);
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Downsample.hard(LABELS, 4, 4, 3));
        assertTrue(e.getMessage().contains("3×3 grid"), e.getMessage());
        int[] negative = LABELS.clone();
        negative[6] = -1;
        e = assertThrows(IllegalArgumentException.class, () -> Downsample.soft(negative, 4, 4, 2));
        assertTrue(e.getMessage().contains("pixel 6 (row 1, column 2)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Downsample.hard(LABELS, 4, 3, 1));
    }
}
