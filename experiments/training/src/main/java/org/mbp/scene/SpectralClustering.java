package org.mbp.scene;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.SimpleMatrix;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.SymmetricEigen;

/**
 * Normalized-cuts inference as in the paper's §7.2 (after Bach and Jordan [14] and Ng, Jordan
 * and Weiss 2002): from a symmetric non-negative affinity W over n locations, the matrix
 * M = D^−1/2 W D^−1/2 of eq. 49 (D the diagonal of row sums), its eigenvectors in decreasing
 * order of eigenvalue, and for each k = 1..K a labelling into at most k segments by k-means on
 * an embedding of the top-k eigenvectors.
 *
 * <p>A location whose row of W sums to zero gets the degree ε = 10^−12·(largest degree), or 1
 * when every degree is zero, so D^−1/2 is defined; its row and column of M are then zero.
 * W is symmetrised as (W + Wᵀ)/2 after the symmetry check, so M is exactly symmetric.
 */
public final class SpectralClustering {

    /** The default number of labellings: the paper generates 8 segmentations per image. */
    public static final int DEFAULT_SEGMENTATIONS = 8;

    /** Relative tolerance of the symmetry check: |W_ij − W_ji| ≤ this·max|W|. */
    public static final double SYMMETRY_TOLERANCE = 1e-9;

    /** How the top-k eigenvectors Z (n×k) of M become points for k-means. */
    public enum Embedding {
        /** Ng–Jordan–Weiss: each row of Z scaled to unit length (zero rows stay zero); the default. */
        NORMALISED_ROWS,
        /** Shi–Malik: D^−1/2 Z, the generalised eigenvectors of (D − W) y = λ D y. */
        DEGREE_SCALED
    }

    private final int segmentations;
    private final Embedding embedding;
    private final KMeans kMeans;

    /**
     * Labellings for k = 1..segmentations, with this embedding and k-means.
     *
     * @param segmentations the segmentations
     * @param embedding the embedding
     * @param kMeans the k means
     */
    public SpectralClustering(int segmentations, Embedding embedding, KMeans kMeans) {
        if (segmentations < 1) {
            throw new IllegalArgumentException("spectral clustering needs at least one segmentation, got "
                    + segmentations);
        }
        this.segmentations = segmentations;
        this.embedding = embedding;
        this.kMeans = kMeans;
    }

    /**
     * The defaults: 8 labellings, Ng–Jordan–Weiss rows, k-means with 10 restarts of at most 100 iterations.
     *
     * @param seed the random seed
     * @return the defaults: 8 labellings, Ng–Jordan–Weiss rows, k-means with 10 restarts of at most
     *         100 iterations
     */
    public static SpectralClustering withDefaults(long seed) {
        return new SpectralClustering(DEFAULT_SEGMENTATIONS, Embedding.NORMALISED_ROWS, new KMeans(seed, 10, 100));
    }

    /**
     * The labellings for k = 1..min(K, n) of the n locations of W (n×n, row-major): entry k−1
     * labels the locations 0..(at most k)−1, numbered in order of first appearance.
     *
     * @param w the weights
     * @param n the size
     * @return the labellings for k = 1..min(K, n) of the n locations of W (n×n, row-major): entry
     *         k−1 labels the locations 0..(at most k)−1, numbered in order of first appearance
     */
    public List<int[]> segment(double[] w, int n) {
        if (n < 1 || w.length != (long) n * n) {
            throw new IllegalArgumentException("affinity of " + w.length + " values is not " + n + "×" + n);
        }
        double[] degree = degrees(w, n);
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) {
            scale[i] = 1 / Math.sqrt(degree[i]);
        }
        EjmlOps ops = EjmlOps.DOUBLE;
        SimpleMatrix s = ops.fromRowMajor(n, 1, scale);
        SimpleMatrix m = ops.scaleRows(s, ops.scaleColumns(ops.sym(ops.fromRowMajor(n, n, w)), s));
        double[][] vectors = topEigenvectors(ops.eigSymmetric(m), Math.min(segmentations, n));
        List<int[]> labellings = new ArrayList<>();
        for (int k = 1; k <= vectors.length; k++) {
            labellings.add(kMeans.cluster(embed(vectors, k, scale), k).labels());
        }
        return labellings;
    }

    /**
     * The labellings of an EJML affinity matrix; see {@link #segment(double[], int)}.
     *
     * @param w the weights
     * @return the labellings of an EJML affinity matrix; see {@link #segment(double[], int)}
     */
    public List<int[]> segment(DMatrixRMaj w) {
        if (w.numRows != w.numCols) {
            throw new IllegalArgumentException("affinity must be square, got " + w.numRows + "×" + w.numCols);
        }
        return segment(Arrays.copyOf(w.data, w.numRows * w.numCols), w.numRows);
    }

    /** Row sums of W after checking it is finite, non-negative and symmetric; zero sums become ε. */
    private static double[] degrees(double[] w, int n) {
        double largest = 0;
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] >= 0 && w[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("affinity entry (" + i / n + ", " + i % n + ") is " + w[i]
                        + "; entries must be finite and non-negative");
            }
            largest = Math.max(largest, w[i]);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(w[i * n + j] - w[j * n + i]) > SYMMETRY_TOLERANCE * largest) {
                    throw new IllegalArgumentException("affinity is not symmetric: entry (" + i + ", " + j + ") is "
                            + w[i * n + j] + " but (" + j + ", " + i + ") is " + w[j * n + i]);
                }
            }
        }
        double[] degree = new double[n];
        double maxDegree = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                degree[i] += w[i * n + j];
            }
            maxDegree = Math.max(maxDegree, degree[i]);
        }
        double epsilon = maxDegree > 0 ? 1e-12 * maxDegree : 1;
        for (int i = 0; i < n; i++) {
            if (degree[i] <= 0) {
                degree[i] = epsilon;
            }
        }
        return degree;
    }

    /** The eigenvectors of the k largest eigenvalues (the backend sorts them ascending), as columns: vectors[c][i]. */
    private static double[][] topEigenvectors(SymmetricEigen<SimpleMatrix> eig, int k) {
        EjmlOps ops = EjmlOps.DOUBLE;
        int n = ops.rows(eig.vectors());
        double[][] vectors = new double[k][];
        for (int c = 0; c < k; c++) {
            vectors[c] = ops.toRowMajor(ops.block(eig.vectors(), 0, n, n - 1 - c, n - c));
        }
        return vectors;
    }

    /** The n points of the embedding of the first k eigenvectors. */
    private double[][] embed(double[][] vectors, int k, double[] scale) {
        int n = vectors[0].length;
        double[][] points = new double[n][k];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int c = 0; c < k; c++) {
                points[i][c] = embedding == Embedding.DEGREE_SCALED ? scale[i] * vectors[c][i] : vectors[c][i];
                norm += points[i][c] * points[i][c];
            }
            if (embedding == Embedding.NORMALISED_ROWS && norm > 0) {
                for (int c = 0; c < k; c++) {
                    points[i][c] /= Math.sqrt(norm);
                }
            }
        }
        return points;
    }
}
