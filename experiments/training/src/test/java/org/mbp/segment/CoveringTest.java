package org.mbp.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Covering against fractions computed by hand. Tolerance 1e-15: each value is a short sum of
 * exact ratios, so only a few roundings separate it from the fraction.
 */
class CoveringTest {

    private static final double EXACT = 1e-15;

    private static LabelMap map(int width, int... labels) {
        return new LabelMap(width, labels.length / width, labels);
    }

    @Test
    void identicalSegmentationsCoverEachOtherCompletely() {
        LabelMap m = map(3, 0, 0, 1, 2, 2, 1);
        assertEquals(1.0, Covering.covering(m, m), EXACT);
        assertEquals(1.0, Covering.covering(map(3, 5, 5, 9, 1, 1, 9), m), EXACT, "labels do not matter, regions do");
    }

    /** 4×4, two halves (8 px each) against one segment: each half has IoU 8/16, covering 1/2 both ways. */
    @Test
    void oneSegmentAgainstTwoHalves() {
        LabelMap halves = map(4,
                0, 0, 1, 1,
                0, 0, 1, 1,
                0, 0, 1, 1,
                0, 0, 1, 1);
        LabelMap one = new LabelMap(4, 4, new int[16]);
        assertEquals(0.5, Covering.covering(one, halves), EXACT);
        assertEquals(0.5, Covering.covering(halves, one), EXACT);
    }

    /**
     * 2×3 truth with regions A = columns 0-1 (4 px) and B = column 2 (2 px); machine: one segment.
     * C(M → T) = (4 · 4/6 + 2 · 2/6) / 6 = (10/3) / 6 = 5/9;
     * C(T → M) = 6 · max(4/6, 2/6) / 6 = 2/3.
     */
    @Test
    void coveringIsNotSymmetric() {
        LabelMap truth = map(3, 0, 0, 1, 0, 0, 1);
        LabelMap one = new LabelMap(3, 2, new int[6]);
        assertEquals(5.0 / 9, Covering.covering(one, truth), EXACT);
        assertEquals(2.0 / 3, Covering.covering(truth, one), EXACT);
    }

    /**
     * Truth T: A = top-left 2×2, B = top-right 2×2, C = bottom two rows (8 px).
     * Machine M: M0 = columns 0-2 of rows 0-2 (9 px), M1 = column 3 of rows 0-2 (3 px), M2 = row 3 (4 px).
     * Best IoU: A: A∩M0 = 4, ∪ = 9 → 4/9. B: B∩M0 = 2 (2/11), B∩M1 = 2 (∪ = 5) → 2/5.
     * C: C∩M0 = 3 (3/14), C∩M1 = 1 (1/10), C∩M2 = 4 (∪ = 8) → 1/2.
     * C(M → T) = (4·4/9 + 4·2/5 + 8·1/2) / 16 = (332/45) / 16 = 83/180.
     * C(T → M) = (9·4/9 + 3·2/5 + 4·1/2) / 16 = (36/5) / 16 = 9/20.
     */
    @Test
    void fourByFourByHand() {
        LabelMap truth = map(4,
                0, 0, 1, 1,
                0, 0, 1, 1,
                2, 2, 2, 2,
                2, 2, 2, 2);
        LabelMap machine = map(4,
                0, 0, 0, 1,
                0, 0, 0, 1,
                0, 0, 0, 1,
                2, 2, 2, 2);
        RegionOverlaps terms = Covering.regionOverlaps(machine, truth);
        assertEquals(3, terms.regions());
        assertEquals(4.0 / 9, terms.overlap(0), EXACT);
        assertEquals(2.0 / 5, terms.overlap(1), EXACT);
        assertEquals(0.5, terms.overlap(2), EXACT);
        assertEquals(8, terms.size(2));
        assertEquals(332.0 / 45, terms.weightedOverlap(), 1e-14);
        assertEquals(16, terms.pixels());
        assertEquals(83.0 / 180, Covering.covering(machine, truth), EXACT);
        assertEquals(9.0 / 20, Covering.covering(truth, machine), EXACT);
    }

    /** A segment per pixel covers a one-segment truth with 1/N, and nothing covers it better than itself. */
    @Test
    void oversegmentationIsPenalisedAsMachineNotAsTruth() {
        int[] unique = new int[12];
        for (int i = 0; i < unique.length; i++) {
            unique[i] = i;
        }
        LabelMap pixels = map(4, unique);
        LabelMap one = new LabelMap(4, 3, new int[12]);
        assertEquals(1.0 / 12, Covering.covering(pixels, one), EXACT);
        assertEquals(1.0 / 12, Covering.covering(one, pixels), EXACT);
        LabelMap pairs = map(4, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        assertEquals(0.5, Covering.covering(pixels, pairs), EXACT, "each pair: IoU 1/2 with either pixel");
        assertEquals(0.5, Covering.covering(pairs, pixels), EXACT, "each pixel: IoU 1/2 with its pair");
    }

    /** 64×64 maps with 4096 and 2048 regions take the sorted-pairs path (8.4 M table cells). */
    @Test
    void manyRegionsUseSortedPairsWithTheSameResult() {
        int n = 64;
        int[] unique = new int[n * n];
        int[] pairs = new int[n * n];
        for (int i = 0; i < unique.length; i++) {
            unique[i] = i;
            pairs[i] = i / 2;
        }
        assertEquals(0.5, Covering.covering(map(n, pairs), map(n, unique)), EXACT);
        assertEquals(0.5, Covering.covering(map(n, unique), map(n, pairs)), EXACT);
        Random random = new Random(5);
        for (int trial = 0; trial < 3; trial++) {
            LabelMap a = randomMap(random, n, n, 3000);
            LabelMap b = randomMap(random, n, n, 3000);
            assertEquals(bruteForce(a, b), Covering.covering(a, b), 1e-12);
        }
    }

    /** Random maps of few and many regions against a direct evaluation of the definition with sets. */
    @Test
    void agreesWithTheDefinitionOnRandomMaps() {
        Random random = new Random(11);
        for (int trial = 0; trial < 40; trial++) {
            int width = 1 + random.nextInt(9);
            int height = 1 + random.nextInt(9);
            LabelMap machine = randomMap(random, width, height, 1 + random.nextInt(6));
            LabelMap truth = randomMap(random, width, height, 1 + random.nextInt(6));
            assertEquals(bruteForce(machine, truth), Covering.covering(machine, truth), 1e-14);
        }
    }

    @Test
    void refusesMapsOfDifferentSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Covering.covering(new LabelMap(2, 3, new int[6]), new LabelMap(3, 2, new int[6])));
        assertTrue(e.getMessage().contains("2×3") && e.getMessage().contains("3×2"), e.getMessage());
    }

    private static LabelMap randomMap(Random random, int width, int height, int labels) {
        int[] values = new int[width * height];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(labels) * 3;
        }
        return new LabelMap(width, height, values);
    }

    /**
     * The definition with regions as pixel sets; for each truth region R only the machine regions
     * meeting R are intersected (the others have overlap 0 and cannot raise the maximum).
     */
    private static double bruteForce(LabelMap machine, LabelMap truth) {
        Map<Integer, Set<Integer>> truthRegions = regions(truth);
        Map<Integer, Set<Integer>> machineRegions = regions(machine);
        int[] machineLabels = machine.labels();
        double sum = 0;
        for (Set<Integer> r : truthRegions.values()) {
            double best = 0;
            Set<Integer> meeting = new HashSet<>();
            for (int p : r) {
                meeting.add(machineLabels[p]);
            }
            for (int label : meeting) {
                Set<Integer> rPrime = machineRegions.get(label);
                Set<Integer> intersection = new HashSet<>(r);
                intersection.retainAll(rPrime);
                Set<Integer> union = new HashSet<>(r);
                union.addAll(rPrime);
                best = Math.max(best, (double) intersection.size() / union.size());
            }
            sum += r.size() * best;
        }
        return sum / truth.pixels();
    }

    private static Map<Integer, Set<Integer>> regions(LabelMap map) {
        Map<Integer, Set<Integer>> regions = new HashMap<>();
        int[] labels = map.labels();
        for (int p = 0; p < labels.length; p++) {
            regions.computeIfAbsent(labels[p], l -> new HashSet<>()).add(p);
        }
        return regions;
    }
}
