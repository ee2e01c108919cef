package org.mbp.spectral;

import org.mbp.backend.MatrixOps;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.Layer;
import org.mbp.layer.Linearization;
import org.mbp.layer.Space;

/**
 * Turns the SVD of Xᵀ into the SVD of X: {@code (U, Σ, V) ↦ (V, Σᵀ, U)}, since
 * {@code Xᵀ = U Σ Vᵀ ⇔ X = V Σᵀ Uᵀ}. With it, Prop. 1 (which needs m ≥ n) serves wide inputs
 * too, and its full left basis (with the U₂ block) becomes the full right basis of X. The map is
 * linear and a permutation, so its adjoint is the inverse swap.
 */
public final class SwapFactorsLayer<M> implements Layer<M, SvdFactors<M>, SvdFactors<M>> {

    private final MatrixOps<M> ops;

    public SwapFactorsLayer(MatrixOps<M> ops) {
        this.ops = ops;
    }

    @Override
    public String name() {
        return "swap";
    }

    @Override
    public MatrixOps<M> ops() {
        return ops;
    }

    @Override
    public Space<M, SvdFactors<M>> inputSpace() {
        return new SvdSpace<>(ops);
    }

    @Override
    public Space<M, SvdFactors<M>> outputSpace() {
        return new SvdSpace<>(ops);
    }

    @Override
    public Linearization<M, SvdFactors<M>, SvdFactors<M>> forward(SvdFactors<M> x) {
        SvdFactors<M> y = x.transposed(ops);
        return new Linearization<>() {
            @Override
            public SvdFactors<M> output() {
                return y;
            }

            @Override
            public Diagnostics diagnostics() {
                return Diagnostics.none();
            }

            @Override
            public SvdFactors<M> variation(SvdFactors<M> dx) {
                return dx.transposed(ops);
            }

            @Override
            public SvdFactors<M> adjoint(SvdFactors<M> upstream) {
                return upstream.transposed(ops);
            }
        };
    }
}
