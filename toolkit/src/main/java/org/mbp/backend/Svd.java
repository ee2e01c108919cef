package org.mbp.backend;

/**
 * Singular value decomposition {@code A = U Σ Vᵀ} of an m×n matrix, singular values descending.
 *
 * @param u      left singular vectors: m×m when full, m×k when compact (k = min(m, n))
 * @param sigma  the k singular values as a k×1 vector, in descending order
 * @param v      right singular vectors: n×n when full, n×k when compact
 */
public record Svd<M>(M u, M sigma, M v) {
}
