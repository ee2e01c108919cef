package org.mbp.scene;

import java.util.Arrays;
import java.util.Random;

/**
 * Seeded k-means (Lloyd's iterations) with k-means++ seeding (Arthur and Vassilvitskii 2007)
 * and restarts, keeping the run of lowest inertia (first such run on ties). Points are
 * assigned to the nearest centre (ties to the lower centre); a centre left without points
 * moves onto the point farthest from its own centre, which joins it. Iterations stop when no
 * assignment changes or after {@code maxIterations}. The result has at most k clusters (fewer
 * when the points have fewer than k distinct positions), numbered in order of first appearance.
 */
public final class KMeans {

    private final long seed;
    private final int restarts;
    private final int maxIterations;

    /** A clustering: a label per point, and the sum of squared distances to the cluster means. */
    public record Clustering(int[] labels, double inertia) {
    }

    /**
     * K-means with this seed, number of restarts (≥ 1) and iteration cap (≥ 1).
     *
     * @param seed the random seed
     * @param restarts the restarts
     * @param maxIterations the max iterations
     */
    public KMeans(long seed, int restarts, int maxIterations) {
        if (restarts < 1 || maxIterations < 1) {
            throw new IllegalArgumentException("k-means needs at least one restart and one iteration, got "
                    + restarts + " and " + maxIterations);
        }
        this.seed = seed;
        this.restarts = restarts;
        this.maxIterations = maxIterations;
    }

    /**
     * Clusters the points (rows, all of one dimension) into at most k clusters, 1 ≤ k ≤ number of points.
     *
     * @param points the points
     * @param k the number k
     * @return the clustering
     */
    public Clustering cluster(double[][] points, int k) {
        if (points.length == 0 || k < 1 || k > points.length) {
            throw new IllegalArgumentException("cannot cluster " + points.length + " points into " + k + " clusters");
        }
        for (int i = 0; i < points.length; i++) {
            if (points[i].length != points[0].length) {
                throw new IllegalArgumentException("point " + i + " has dimension " + points[i].length
                        + ", point 0 has " + points[0].length);
            }
            for (double v : points[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("point " + i + " has a non-finite coordinate " + v);
                }
            }
        }
        Random rng = new Random(seed);
        Clustering best = null;
        for (int run = 0; run < restarts; run++) {
            Clustering candidate = lloyd(points, seedCentres(points, k, rng));
            if (best == null || candidate.inertia() < best.inertia()) {
                best = candidate;
            }
        }
        return new Clustering(Regions.dense(best.labels()), best.inertia());
    }

    /** k-means++: the first centre uniform, each next with probability ∝ squared distance to the nearest chosen. */
    private static double[][] seedCentres(double[][] points, int k, Random rng) {
        double[][] centres = new double[k][];
        centres[0] = points[rng.nextInt(points.length)].clone();
        double[] nearest = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            nearest[i] = squaredDistance(points[i], centres[0]);
        }
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (double d : nearest) {
                total += d;
            }
            int pick = lastPositive(nearest);
            double target = rng.nextDouble() * total;
            double cumulative = 0;
            for (int i = 0; i < points.length; i++) {
                cumulative += nearest[i];
                if (cumulative > target) {
                    pick = i;
                    break;
                }
            }
            centres[c] = points[pick].clone();
            for (int i = 0; i < points.length; i++) {
                nearest[i] = Math.min(nearest[i], squaredDistance(points[i], centres[c]));
            }
        }
        return centres;
    }

    private static int lastPositive(double[] values) {
        for (int i = values.length - 1; i >= 0; i--) {
            if (values[i] > 0) {
                return i;
            }
        }
        return 0;
    }

    private Clustering lloyd(double[][] points, double[][] centres) {
        int k = centres.length;
        int[] labels = new int[points.length];
        Arrays.fill(labels, -1);
        for (int iteration = 0; iteration < maxIterations && assign(points, centres, labels); iteration++) {
            int[] sizes = new int[k];
            double[][] means = means(points, labels, sizes);
            for (int c = 0; c < k; c++) {
                if (sizes[c] > 0) {
                    centres[c] = means[c];
                }
            }
            for (int c = 0; c < k; c++) {
                if (sizes[c] == 0) {
                    int far = farthest(points, centres, labels);
                    centres[c] = points[far].clone();
                    labels[far] = c;
                }
            }
        }
        assign(points, centres, labels);
        double[][] means = means(points, labels, new int[k]);
        double inertia = 0;
        for (int i = 0; i < points.length; i++) {
            inertia += squaredDistance(points[i], means[labels[i]]);
        }
        return new Clustering(labels, inertia);
    }

    /** The mean of each cluster (zero for an empty one); the cluster sizes go to {@code sizes}. */
    private static double[][] means(double[][] points, int[] labels, int[] sizes) {
        int dimension = points[0].length;
        double[][] means = new double[sizes.length][dimension];
        for (int i = 0; i < points.length; i++) {
            sizes[labels[i]]++;
            for (int d = 0; d < dimension; d++) {
                means[labels[i]][d] += points[i][d];
            }
        }
        for (int c = 0; c < sizes.length; c++) {
            for (int d = 0; d < dimension; d++) {
                means[c][d] /= Math.max(1, sizes[c]);
            }
        }
        return means;
    }

    /** Assigns each point to its nearest centre; whether any assignment changed. */
    private static boolean assign(double[][] points, double[][] centres, int[] labels) {
        boolean changed = false;
        for (int i = 0; i < points.length; i++) {
            int best = 0;
            double bestDistance = squaredDistance(points[i], centres[0]);
            for (int c = 1; c < centres.length; c++) {
                double distance = squaredDistance(points[i], centres[c]);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = c;
                }
            }
            changed |= labels[i] != best;
            labels[i] = best;
        }
        return changed;
    }

    private static int farthest(double[][] points, double[][] centres, int[] labels) {
        int best = 0;
        double bestDistance = -1;
        for (int i = 0; i < points.length; i++) {
            double distance = squaredDistance(points[i], centres[labels[i]]);
            if (distance > bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            double diff = a[d] - b[d];
            sum += diff * diff;
        }
        return sum;
    }
}
