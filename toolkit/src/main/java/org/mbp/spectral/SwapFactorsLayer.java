package org.mbp.spectral;

import org.mbp.backend.MatrixOps;
import org.mbp.layer.AbstractLayer;
import org.mbp.layer.Linearization;

/**
 * Turns the SVD of Xᵀ into the SVD of X: {@code (U, Σ, V) ↦ (V, Σᵀ, U)}, since
 * {@code Xᵀ = U Σ Vᵀ ⇔ X = V Σᵀ Uᵀ}. With it, Prop. 1 (which needs m ≥ n) serves wide inputs
 * too, and its full left basis (with the U₂ block) becomes the full right basis of X. The map is
 * linear and a permutation, so its adjoint is the inverse swap.
 */
public final class SwapFactorsLayer<M> extends AbstractLayer<M, SvdFactors<M>, SvdFactors<M>> {

    /**
     * The factor swap on the backend {@code ops}.
     *
     * @param ops the backend that computes
     */
    public SwapFactorsLayer(MatrixOps<M> ops) {
        super("swap", ops, new SvdSpace<>(ops), new SvdSpace<>(ops));
    }

    @Override
    public Linearization<M, SvdFactors<M>, SvdFactors<M>> forward(SvdFactors<M> x) {
        return checked(x, evaluate(x));
    }

    private Linearization<M, SvdFactors<M>, SvdFactors<M>> evaluate(SvdFactors<M> x) {
        return Linearization.linear(x, f -> f.transposed(ops()), f -> f.transposed(ops()));
    }
}
