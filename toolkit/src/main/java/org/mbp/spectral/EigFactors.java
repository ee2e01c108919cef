package org.mbp.spectral;

/**
 * The outputs {@code (U, Σ)} of the EIG layer, {@code X = U Σ Uᵀ} (Prop. 2): U orthogonal, Σ
 * diagonal with the eigenvalues in ascending order. Prop. 4 calls the same pair {@code (U, Q)}.
 */
public record EigFactors<M>(M u, M sigma) {
}
