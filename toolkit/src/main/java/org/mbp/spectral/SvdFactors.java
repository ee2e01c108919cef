package org.mbp.spectral;

import org.mbp.backend.MatrixOps;

/**
 * The outputs {@code (U, Σ, V)} of the SVD layer, {@code X = U Σ Vᵀ} (Prop. 1): U is m×m
 * (the full left basis, including the block U₂ of eq. 14), Σ is m×n and diagonal, V is n×n.
 */
public record SvdFactors<M>(M u, M sigma, M v) {

    /**
     * The factors of Xᵀ: {@code (V, Σᵀ, U)}.
     *
     * @param ops the backend that computes
     * @return the factors of Xᵀ: {@code (V, Σᵀ, U)}
     */
    public SvdFactors<M> transposed(MatrixOps<M> ops) {
        return new SvdFactors<>(v, ops.transpose(sigma), u);
    }
}
