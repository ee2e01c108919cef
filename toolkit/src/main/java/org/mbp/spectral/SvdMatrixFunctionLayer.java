package org.mbp.spectral;

import org.mbp.backend.MatrixOps;
import org.mbp.function.SpectralFunction;
import org.mbp.layer.Cancellation;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.AbstractLayer;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Structure;

/**
 * The SVD matrix-function layer {@code (U, Σ, V) ↦ C = V g(ΣᵀΣ + εI) Vᵀ} (Prop. 3), which equals
 * {@code g(FᵀF + εI)} when {@code (U, Σ, V)} is the SVD of F.
 *
 * <p>Variation: {@code dC = 2 (dV g Vᵀ)_sym + 2 (V g′ ΣᵀdΣ Vᵀ)_sym}. Adjoint, eqs. 40–41:
 * {@code ∂L/∂V = 2 (∂L/∂C)_sym V g}, {@code ∂L/∂Σ = 2 Σ g′ Vᵀ (∂L/∂C)_sym V}, the latter taken on
 * the diagonal (the projected gradient of §4.2, since Σ is diagonal), and {@code ∂L/∂U = 0}.
 * Σ may be m×n with m &lt; n: ΣᵀΣ is then padded with zeros, so the null space of F gets g(ε).
 * Its diagnostics give the {@link Cancellation} of g over the pairs K of eq. 13 covers.
 */
public final class SvdMatrixFunctionLayer<M> extends AbstractLayer<M, SvdFactors<M>, M> {

    private final MatrixOps<M> ops;
    private final SpectralFunction g;
    private final double epsilon;

    /**
     * The matrix function {@code g} through the SVD, regularised by {@code epsilon}, on the backend {@code ops}.
     *
     * @param ops the backend that computes
     * @param g the scalar function g
     * @param epsilon the regularizer ε
     */
    public SvdMatrixFunctionLayer(MatrixOps<M> ops, SpectralFunction g, double epsilon) {
        super("svd-function(" + g.name() + ")", ops, new SvdSpace<>(ops), MatrixSpace.of("C", Structure.SYMMETRIC));
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("svd-function: ε must be finite and ≥ 0, got " + epsilon);
        }
        this.ops = ops;
        this.g = g;
        this.epsilon = epsilon;
    }

    @Override
    public Linearization<M, SvdFactors<M>, M> forward(SvdFactors<M> x) {
        return checked(x, evaluate(x));
    }

    private Linearization<M, SvdFactors<M>, M> evaluate(SvdFactors<M> x) {
        int n = ops.rows(x.v());
        M lambda = ops.add(ops.diagonalOfProduct(ops.transpose(x.sigma()), x.sigma()), ops.filled(n, 1, epsilon));
        g.requireDomain(ops.toRowMajor(lambda), ops.batch(), ops.epsilon(), epsilon, name());
        M gLambda = g.value(ops, lambda);
        M gPrime = g.derivative(ops, lambda);
        M c = ops.multTransB(ops.scaleColumns(x.v(), gLambda), x.v());
        M sigma = ops.diagonal(x.sigma());
        Diagnostics cancellation = Cancellation.ofEach(name(), ops.toRowMajor(sigma), ops.toRowMajor(gLambda),
                ops.batch(), ops.rows(sigma));
        return Linearization.of(c, cancellation, dx -> {
            M rotation = ops.scale(2, ops.sym(ops.multTransB(ops.scaleColumns(dx.v(), gLambda), x.v())));
            M spectral = ops.hadamard(ops.scale(2, ops.diagonalOfProduct(ops.transpose(x.sigma()), dx.sigma())),
                    gPrime);
            return ops.add(rotation, ops.multTransB(ops.scaleColumns(x.v(), spectral), x.v()));
        }, upstream -> {
            M cv = ops.mult(ops.sym(upstream), x.v());
            M vBar = ops.scale(2, ops.scaleColumns(cv, gLambda));
            M w = ops.diagonalOfProduct(ops.transpose(x.v()), cv);
            M sigmaBar = ops.diagPart(ops.scaleColumns(x.sigma(), ops.scale(2, ops.hadamard(gPrime, w))));
            return new SvdFactors<>(ops.zeros(ops.rows(x.u()), ops.cols(x.u())), sigmaBar, vBar);
        });
    }
}
