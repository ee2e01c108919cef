package org.mbp.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AugmentationTest {

    private static final int ROWS = 4;
    private static final int COLS = 5;

    /** A 4×5 image of distinct positive values, stored after 3 entries of another image. */
    private static float[] images() {
        float[] x = new float[3 + ROWS * COLS];
        for (int i = 0; i < ROWS * COLS; i++) {
            x[3 + i] = i + 1;
        }
        return x;
    }

    /** The image mirrored (or not) and then shifted by (dy, dx), zero-filled: the definition. */
    private static float[] expected(float[] x, boolean flip, int dy, int dx) {
        float[] out = new float[ROWS * COLS];
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                int sr = r - dy;
                int sc = c - dx;
                if (sr >= 0 && sr < ROWS && sc >= 0 && sc < COLS) {
                    out[r * COLS + c] = x[3 + sr * COLS + (flip ? COLS - 1 - sc : sc)];
                }
            }
        }
        return out;
    }

    @Test
    void everyDrawIsAMirrorAndShiftWithinRangeAndAllOfThemOccur() {
        Augmentation a = Augmentation.mirrorAndShift(2);
        float[] x = images();
        Set<String> seen = new HashSet<>();
        for (long seed = 0; seed < 2000; seed++) {
            float[] y = a.apply(x, 3, ROWS, COLS, seed);
            assertArrayEquals(y, a.apply(x, 3, ROWS, COLS, seed), "same seed, same image");
            String match = null;
            for (int f = 0; f < 2 && match == null; f++) {
                for (int dy = -2; dy <= 2 && match == null; dy++) {
                    for (int dx = -2; dx <= 2 && match == null; dx++) {
                        if (java.util.Arrays.equals(y, expected(x, f == 1, dy, dx))) {
                            match = f + "," + dy + "," + dx;
                        }
                    }
                }
            }
            assertTrue(match != null, "seed " + seed + " gave no mirror/shift of the image");
            seen.add(match);
        }
        assertEquals(2 * 5 * 5, seen.size(), "all 50 mirror/shift combinations occur in 2000 draws");
    }

    @Test
    void noneCopiesAndIsLabelled() {
        float[] x = images();
        assertArrayEquals(expected(x, false, 0, 0), Augmentation.NONE.apply(x, 3, ROWS, COLS, 7));
        assertTrue(Augmentation.NONE.isNone());
        assertEquals("none", Augmentation.NONE.label());
        assertEquals("mirror, shift ≤ 2 px", Augmentation.mirrorAndShift(2).label());
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(-1, true));
    }

    @Test
    void mirrorOnlyGivesTheImageOrItsMirrorAndOptionValuesParse() {
        Augmentation a = Augmentation.parse("mirror");
        float[] x = images();
        int mirrored = 0;
        for (long seed = 0; seed < 200; seed++) {
            float[] y = a.apply(x, 3, ROWS, COLS, seed);
            boolean flip = java.util.Arrays.equals(y, expected(x, true, 0, 0));
            assertTrue(flip || java.util.Arrays.equals(y, expected(x, false, 0, 0)), "seed " + seed + " shifted");
            mirrored += flip ? 1 : 0;
        }
        assertTrue(mirrored > 60 && mirrored < 140, "about half of 200 draws mirrored, got " + mirrored);
        assertEquals("mirror", a.label());
        assertEquals(Augmentation.NONE, Augmentation.parse("0"));
        assertEquals(Augmentation.mirrorAndShift(1), Augmentation.parse(" 1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("flip"));
        assertTrue(e.getMessage().contains("'flip'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("-1"));
    }
}
