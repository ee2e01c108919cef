package org.mbp.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The colour-and-position baseline affinity: hand-computed entries and two flat halves. */
class ColourPositionAffinityTest {

    @Test
    void entriesMatchTheFormula() {
        // 2×2 image, one pixel per location; colours exactly representable in float
        float[] rgb = {
            0.25f, 0.5f, 0.75f, 0.5f, 0.5f, 0.75f,
            0.25f, 0.5f, 0.75f, 0.25f, 0.5f, 0.75f,
        };
        double[] w = ColourPositionAffinity.DEFAULT.affinity(rgb, 2, 2, 2);
        // locations 0 and 1: |Δc|² = 0.0625 → /0.04 = 1.5625; |Δp|² = 0.5² = 0.25 → /0.0625 = 4
        assertEquals(Math.exp(-5.5625), w[1], 1e-15);
        assertEquals(0.0038391664740261636, w[1], 1e-15);
        assertEquals(w[1], w[4], 0);
        assertEquals(1, w[0], 0);
        // locations 0 and 3: same colour, |Δp|² = 0.5 → exp(−8)
        assertEquals(Math.exp(-8), w[3], 1e-15);
        double[] sparse = new ColourPositionAffinity(0.2, 0.25, 0.6).affinity(rgb, 2, 2, 2);
        assertEquals(0, sparse[3], 0, "√0.5 ≈ 0.707 exceeds the radius 0.6");
        assertEquals(w[1], sparse[1], 0);
    }

    @Test
    void blockMeansAverageEachBlock() {
        float[] rgb = new float[3 * 4 * 2];
        for (int p = 0; p < 8; p++) {
            rgb[3 * p] = p / 8f;
        }
        // 4×2 image, r = 2: blocks of 2×1 pixels; block 0 = pixels 0, 1; block 1 = 2, 3; block 2 = 4, 5; block 3 = 6, 7
        double[] means = ColourPositionAffinity.blockMeans(rgb, 4, 2, 2);
        assertArrayEquals(new double[] {0.0625, 0, 0, 0.3125, 0, 0, 0.5625, 0, 0, 0.8125, 0, 0}, means, 1e-15);
    }

    @Test
    void twoFlatHalvesAreSeparatedByNormalizedCuts() {
        int size = 32;
        float[] rgb = new float[3 * size * size];
        for (int p = 0; p < size * size; p++) {
            boolean left = p % size < size / 2;
            rgb[3 * p] = left ? 0.8f : 0.2f;
            rgb[3 * p + 1] = 0.4f;
            rgb[3 * p + 2] = left ? 0.2f : 0.7f;
        }
        int r = 8;
        double[] w = ColourPositionAffinity.DEFAULT.affinity(rgb, size, size, r);
        List<int[]> labellings = SpectralClustering.withDefaults(1).segment(w, r * r);
        int[] truth = new int[r * r];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = i % r < r / 2 ? 0 : 1;
        }
        SpectralClusteringTest.assertSamePartition(truth, labellings.get(1));
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ColourPositionAffinity(0, 0.25, 1));
        assertThrows(IllegalArgumentException.class, () -> ColourPositionAffinity.DEFAULT.affinity(new float[12], 2, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> ColourPositionAffinity.DEFAULT.affinity(new float[11], 2, 2, 1));
    }
}
