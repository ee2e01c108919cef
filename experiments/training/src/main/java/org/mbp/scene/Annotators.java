package org.mbp.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Simulated annotators who, like the humans of BSDS, differ in granularity. Annotator 0 marks
 * every region. Annotator a ≥ 1 of A visits the pairs of adjacent regions in a random order
 * and joins the two groups containing them with probability 0.5·a/(A−1), never leaving fewer
 * than two groups (when there are two regions or more). A coarse region is therefore a union
 * of fine regions linked by adjacencies, hence 4-connected, and every fine region lies inside
 * exactly one coarse region.
 */
final class Annotators {

    /** The merge probability of the coarsest annotator. */
    static final double COARSEST_MERGE_PROBABILITY = 0.5;

    private Annotators() {
    }

    /** The annotations of {@code count} annotators of a dense region map with n regions; entry 0 is a copy of it. */
    static List<int[]> annotate(int[] regions, int n, int width, int height, int count, Random rng) {
        int[][] boundary = Regions.boundaries(regions, width, height, n);
        List<int[]> edges = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                if (boundary[a][b] > 0) {
                    edges.add(new int[] {a, b});
                }
            }
        }
        List<int[]> annotations = new ArrayList<>();
        annotations.add(regions.clone());
        for (int annotator = 1; annotator < count; annotator++) {
            double probability = COARSEST_MERGE_PROBABILITY * annotator / (count - 1);
            int[] group = merge(n, edges, probability, rng);
            int[] coarse = new int[regions.length];
            for (int p = 0; p < regions.length; p++) {
                coarse[p] = group[regions[p]];
            }
            annotations.add(Regions.dense(coarse));
        }
        return annotations;
    }

    /** For each region, the representative of its group after random merges along the edges. */
    private static int[] merge(int n, List<int[]> edges, double probability, Random rng) {
        List<int[]> order = new ArrayList<>(edges);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int[] swap = order.get(i);
            order.set(i, order.get(j));
            order.set(j, swap);
        }
        int[] parent = new int[n];
        for (int r = 0; r < n; r++) {
            parent[r] = r;
        }
        int groups = n;
        for (int[] edge : order) {
            boolean join = rng.nextDouble() < probability;
            int a = root(parent, edge[0]);
            int b = root(parent, edge[1]);
            if (join && a != b && groups > 2) {
                parent[Math.max(a, b)] = Math.min(a, b);
                groups--;
            }
        }
        int[] group = new int[n];
        for (int r = 0; r < n; r++) {
            group[r] = root(parent, r);
        }
        return group;
    }

    private static int root(int[] parent, int r) {
        while (parent[r] != r) {
            r = parent[r];
        }
        return r;
    }
}
