package org.mbp.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Normalized-cuts inference and k-means on affinities whose partitions are known by construction. */
class SpectralClusteringTest {

    @ParameterizedTest
    @EnumSource(SpectralClustering.Embedding.class)
    void recoversThreeNoisyBlocks(SpectralClustering.Embedding embedding) {
        Random rng = new Random(5);
        int[] truth = shuffledBlocks(rng, 5, 7, 8);
        int n = truth.length;
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = truth[i] == truth[j] ? 1 + 0.05 * rng.nextDouble() : 0.02 * rng.nextDouble();
                w[i * n + j] = v;
                w[j * n + i] = v;
            }
        }
        List<int[]> labellings = new SpectralClustering(8, embedding, new KMeans(1, 5, 100)).segment(w, n);
        assertEquals(8, labellings.size());
        assertArrayEquals(new int[n], labellings.get(0), "k = 1 is one segment");
        assertSamePartition(truth, labellings.get(2));
        for (int k = 1; k <= 8; k++) {
            assertTrue(Regions.count(labellings.get(k - 1)) <= k);
        }
    }

    @Test
    void separatesTwoComponentsJoinedByWeakLinks() {
        Random rng = new Random(9);
        int[] truth = shuffledBlocks(rng, 6, 10);
        int n = truth.length;
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = truth[i] == truth[j] ? 0.5 + 0.5 * rng.nextDouble() : 0;
                w[i * n + j] = v;
                w[j * n + i] = v;
            }
        }
        for (int link = 0; link < 3; link++) {
            int i = first(truth, 0, link);
            int j = first(truth, 1, link);
            w[i * n + j] = 1e-3;
            w[j * n + i] = 1e-3;
        }
        List<int[]> labellings = SpectralClustering.withDefaults(3).segment(DMatrixRMaj.wrap(n, n, w));
        assertSamePartition(truth, labellings.get(1));
    }

    @Test
    void isolatedLocationsAreTolerated() {
        int n = 6;
        double[] w = new double[n * n];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                w[i * n + j] = 1;
                w[(i + 3) * n + j + 3] = i == 2 || j == 2 ? 0 : 1;
            }
        }
        // blocks {0, 1, 2} and {3, 4}; location 5 has zero degree (ε) and a zero row of M
        List<int[]> labellings = SpectralClustering.withDefaults(0).segment(w, n);
        assertEquals(6, labellings.size(), "K is capped at n");
        int[] two = labellings.get(1);
        assertEquals(two[0], two[1]);
        assertEquals(two[0], two[2]);
        assertEquals(two[3], two[4]);
        assertTrue(two[0] != two[3], "the two connected blocks are separated");
        for (int[] labels : labellings) {
            assertEquals(n, labels.length);
        }
    }

    @Test
    void kMeansMatchesAHandSolvedCaseAndIsDeterministic() {
        double[][] points = {{0}, {0.1}, {0.2}, {10}, {10.1}, {20}};
        KMeans.Clustering c = new KMeans(4, 3, 100).cluster(points, 3);
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 2}, c.labels());
        // (0.1² + 0 + 0.1²) + (0.05² · 2) + 0
        assertEquals(0.025, c.inertia(), 1e-12);

        Random rng = new Random(2);
        double[][] cloud = new double[200][3];
        for (double[] p : cloud) {
            for (int d = 0; d < 3; d++) {
                p[d] = rng.nextGaussian();
            }
        }
        KMeans.Clustering a = new KMeans(77, 4, 50).cluster(cloud, 5);
        KMeans.Clustering b = new KMeans(77, 4, 50).cluster(cloud, 5);
        assertArrayEquals(a.labels(), b.labels());
        assertEquals(a.inertia(), b.inertia(), 0);
        assertEquals(5, Regions.count(a.labels()));
    }

    @Test
    void kMeansOnCoincidentPointsGivesFewerClusters() {
        double[][] points = {{1, 1}, {1, 1}, {1, 1}, {1, 1}};
        KMeans.Clustering c = new KMeans(0, 2, 10).cluster(points, 3);
        assertArrayEquals(new int[4], c.labels());
        assertEquals(0, c.inertia(), 0);
    }

    @Test
    void badAffinitiesAreNamed() {
        SpectralClustering clustering = SpectralClustering.withDefaults(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> clustering.segment(new double[] {1, 0.5, 0.4, 1}, 2));
        assertTrue(e.getMessage().contains("entry (0, 1) is 0.5 but (1, 0) is 0.4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> clustering.segment(new double[] {1, -1, -1, 1}, 2));
        assertTrue(e.getMessage().contains("entry (0, 1) is -1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> clustering.segment(new double[3], 2));
        assertThrows(IllegalArgumentException.class, () -> clustering.segment(new DMatrixRMaj(2, 3)));
        assertThrows(IllegalArgumentException.class, () -> new KMeans(0, 1, 1).cluster(new double[2][1], 3));
    }

    /** Block labels 0, 1, ... of the given sizes, in a random order of locations. */
    private static int[] shuffledBlocks(Random rng, int... sizes) {
        int n = 0;
        for (int size : sizes) {
            n += size;
        }
        int[] labels = new int[n];
        int at = 0;
        for (int b = 0; b < sizes.length; b++) {
            for (int i = 0; i < sizes[b]; i++) {
                labels[at++] = b;
            }
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swap = labels[i];
            labels[i] = labels[j];
            labels[j] = swap;
        }
        return labels;
    }

    private static int first(int[] labels, int label, int skip) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == label && skip-- == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("no such location");
    }

    /** Equal partitions up to renaming: two locations share a label in one exactly when they do in the other. */
    static void assertSamePartition(int[] expected, int[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected.length; j++) {
                assertEquals(expected[i] == expected[j], actual[i] == actual[j],
                        "locations " + i + " and " + j + " in " + java.util.Arrays.toString(actual));
            }
        }
    }
}
