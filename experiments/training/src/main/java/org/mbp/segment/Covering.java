package org.mbp.segment;

import java.util.Arrays;

/**
 * Segmentation covering (Arbelaez, Maire, Fowlkes &amp; Malik, "Contour Detection and Hierarchical
 * Image Segmentation", PAMI 2011, §3.2; the BSR benchmark code). The covering of a segmentation S
 * by a segmentation S′ is
 * <pre>
 *   C(S′ → S) = (1/N) Σ_{R ∈ S} |R| · max_{R′ ∈ S′} |R ∩ R′| / |R ∪ R′|
 * </pre>
 * with N the number of pixels. The benchmark scores how well the machine segmentation S′ covers
 * the ground truth S, so {@link #covering(LabelMap, LabelMap)} takes them in that order. The
 * measure is not symmetric: a machine segmentation with one region per pixel covers nothing,
 * while the same map as ground truth is covered well by any fine segmentation.
 *
 * <p>Regions are label sets: pixels with equal labels form one region even when disconnected
 * (as in the benchmark, which compares label images). Apply {@link LabelMap#connectedComponents()}
 * first to score connected pieces instead.
 */
public final class Covering {

    /** Up to this many table cells the contingency table is a dense array, beyond it sorted pixel pairs. */
    private static final long DENSE_TABLE_CELLS = 1L << 22;

    private Covering() {
    }

    /**
     * C(machine → truth): how well the machine segmentation covers the ground truth; in [0, 1].
     *
     * @param machine the machine description
     * @param truth the ground truth
     * @return C(machine → truth): how well the machine segmentation covers the ground truth; in [0,
     *         1]
     */
    public static double covering(LabelMap machine, LabelMap truth) {
        return regionOverlaps(machine, truth).covering();
    }

    /**
     * For each region R of the ground truth, |R| and its best overlap max_{R′} |R ∩ R′| / |R ∪ R′|
     * with a machine region: the terms of C(machine → truth) before summation.
     *
     * @param machine the machine description
     * @param truth the ground truth
     * @return for each region R of the ground truth, |R| and its best overlap max_{R′} |R ∩ R′| /
     *         |R ∪ R′| with a machine region: the terms of C(machine → truth) before summation
     */
    public static RegionOverlaps regionOverlaps(LabelMap machine, LabelMap truth) {
        if (!machine.sameSize(truth)) {
            throw new IllegalArgumentException("machine segmentation is " + machine.width() + "×" + machine.height()
                    + " but the ground truth is " + truth.width() + "×" + truth.height());
        }
        int[] t = truth.relabelled().labels();
        int[] m = machine.relabelled().labels();
        int truthRegions = max(t) + 1;
        int machineRegions = max(m) + 1;
        int[] truthSize = new int[truthRegions];
        int[] machineSize = new int[machineRegions];
        for (int p = 0; p < t.length; p++) {
            truthSize[t[p]]++;
            machineSize[m[p]]++;
        }
        double[] best = new double[truthRegions];
        if ((long) truthRegions * machineRegions <= DENSE_TABLE_CELLS) {
            int[] table = new int[truthRegions * machineRegions];
            for (int p = 0; p < t.length; p++) {
                table[t[p] * machineRegions + m[p]]++;
            }
            for (int i = 0; i < truthRegions; i++) {
                for (int j = 0; j < machineRegions; j++) {
                    int both = table[i * machineRegions + j];
                    if (both > 0) {
                        best[i] = Math.max(best[i], overlap(both, truthSize[i], machineSize[j]));
                    }
                }
            }
        } else {
            long[] pairs = new long[t.length];
            for (int p = 0; p < t.length; p++) {
                pairs[p] = (long) t[p] * machineRegions + m[p];
            }
            Arrays.sort(pairs);
            for (int start = 0; start < pairs.length;) {
                int end = start;
                while (end < pairs.length && pairs[end] == pairs[start]) {
                    end++;
                }
                int i = (int) (pairs[start] / machineRegions);
                int j = (int) (pairs[start] % machineRegions);
                best[i] = Math.max(best[i], overlap(end - start, truthSize[i], machineSize[j]));
                start = end;
            }
        }
        return new RegionOverlaps(truthSize, best);
    }

    /** |R ∩ R′| / |R ∪ R′| from the intersection and the two sizes. */
    private static double overlap(int both, int truthSize, int machineSize) {
        return (double) both / (truthSize + machineSize - both);
    }

    private static int max(int[] values) {
        int max = 0;
        for (int v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}
