package org.mbp.backend;

/**
 * Eigendecomposition {@code A = U diag(values) Uᵀ} of a symmetric matrix.
 *
 * @param values  eigenvalues as an n×1 vector, in ascending order
 * @param vectors orthonormal eigenvectors, column i belongs to {@code values[i]}
 */
public record SymmetricEigen<M>(M values, M vectors) {
}
