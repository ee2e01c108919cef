package org.mbp.ncuts;

import org.mbp.backend.MatrixOps;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.Inputs;
import org.mbp.layer.AbstractLayer;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Pair;
import org.mbp.layer.PairSpace;
import org.mbp.layer.Structure;

/**
 * The data similarity {@code (F, Λ) ↦ W = F Λ Fᵀ} (§6).
 *
 * <p>Variation {@code dW = dF Λ Fᵀ + F dΛ Fᵀ + F Λ dFᵀ}. Adjoint, eqs. 64–65:
 * {@code ∂J/∂Λ = Fᵀ W̄ F} and {@code ∂J/∂F = W̄ F Λᵀ + W̄ᵀ F Λ}; the paper's
 * {@code 2 W̄_sym F Λᵀ} is the special case of a symmetric Λ, which this layer does not assume.
 */
public final class SimilarityLayer<M> extends AbstractLayer<M, Pair<M>, M> {

    private final MatrixOps<M> ops;

    /**
     * The similarity layer on the backend {@code ops}.
     *
     * @param ops the backend that computes
     */
    public SimilarityLayer(MatrixOps<M> ops) {
        super("similarity", ops, new PairSpace<>("F", Structure.GENERAL, "Λ", Structure.GENERAL),
                MatrixSpace.of("W", Structure.GENERAL));
        this.ops = ops;
    }

    @Override
    public Linearization<M, Pair<M>, M> forward(Pair<M> x) {
        return checked(x, evaluate(x));
    }

    private Linearization<M, Pair<M>, M> evaluate(Pair<M> x) {
        M f = x.first();
        M lambda = x.second();
        Inputs.requireFinite(ops, f, "features F");
        Inputs.requireFinite(ops, lambda, "metric Λ");
        Inputs.requireShape(ops, lambda, ops.cols(f), ops.cols(f), "metric Λ");
        M fLambda = ops.mult(f, lambda);
        return Linearization.of(ops.multTransB(fLambda, f), Diagnostics.none(),
                dx -> ops.add(ops.add(ops.multTransB(ops.mult(dx.first(), lambda), f),
                        ops.multTransB(ops.mult(f, dx.second()), f)), ops.multTransB(fLambda, dx.first())),
                upstream -> new Pair<>(ops.add(ops.multTransB(ops.mult(upstream, f), lambda),
                        ops.multTransA(upstream, fLambda)), ops.multTransA(f, ops.mult(upstream, f))));
    }
}
