package org.mbp.spectral;

import org.mbp.backend.MatrixOps;
import org.mbp.function.Domain;
import org.mbp.function.SpectralFunction;
import org.mbp.layer.Cancellation;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.AbstractLayer;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Structure;

/**
 * The EIG matrix-function layer {@code (U, Q) ↦ C = U g(Q) Uᵀ} (Prop. 4), which equals g(Z) when
 * {@code (U, Q)} is the eigendecomposition of a symmetric Z.
 *
 * <p>Variation, eq. 43: {@code dC = 2 (dU g(Q) Uᵀ)_sym + U g′(Q) dQ Uᵀ}. Adjoint, eqs. 44–45:
 * {@code ∂L/∂U = 2 (∂L/∂C)_sym U g(Q)}, {@code ∂L/∂Q = g′(Q) Uᵀ ∂L/∂C U}, the latter taken on the
 * diagonal (Q is diagonal; the projected gradient of §4.2), where {@code Uᵀ ∂L/∂C U} and
 * {@code Uᵀ (∂L/∂C)_sym U} agree, so one product serves both. Its diagnostics give the
 * {@link Cancellation} of g that the EIG layer's K̃ (eq. 34) meets.
 */
public final class EigMatrixFunctionLayer<M> extends AbstractLayer<M, EigFactors<M>, M> {

    private final MatrixOps<M> ops;
    private final SpectralFunction g;
    private final double regularizer;

    /**
     * The matrix function {@code g} through the symmetric eigendecomposition, on the backend {@code ops}.
     *
     * @param ops the backend that computes
     * @param g the scalar function g
     */
    public EigMatrixFunctionLayer(MatrixOps<M> ops, SpectralFunction g) {
        this(ops, g, 0);
    }

    /**
     * The matrix function {@code g} of a matrix whose exact eigenvalues exceed {@code regularizer}
     * ({@code FᵀF + εI} in DeepO₂P-EIG, eq. 47): its small computed eigenvalues are inaccurate, not
     * meaningless ({@link SpectralFunction#requireDomain}).
     *
     * @param ops         the backend that computes
     * @param g           the scalar function g
     * @param regularizer what the exact eigenvalues are known to exceed, ≥ 0
     */
    public EigMatrixFunctionLayer(MatrixOps<M> ops, SpectralFunction g, double regularizer) {
        super("eig-function(" + g.name() + ")", ops, new EigSpace<>(ops, g.domain() == Domain.POSITIVE
                ? Structure.POSITIVE_DIAGONAL : Structure.DIAGONAL), MatrixSpace.of("C", Structure.SYMMETRIC));
        this.ops = ops;
        this.g = g;
        this.regularizer = regularizer;
    }

    @Override
    public Linearization<M, EigFactors<M>, M> forward(EigFactors<M> x) {
        return checked(x, evaluate(x));
    }

    private Linearization<M, EigFactors<M>, M> evaluate(EigFactors<M> x) {
        M u = x.u();
        M q = ops.diagonal(x.sigma());
        double[] values = ops.toRowMajor(q);
        g.requireDomain(values, ops.batch(), ops.epsilon(), regularizer, name());
        M gq = g.value(ops, q);
        M gPrime = g.derivative(ops, q);
        M c = ops.multTransB(ops.scaleColumns(u, gq), u);
        double[] g = ops.toRowMajor(gq);
        Diagnostics cancellation = Cancellation.ofEach(name(), values, g, ops.batch(), ops.rows(gq));
        return Linearization.of(c, cancellation, dx -> {
            M rotation = ops.scale(2, ops.sym(ops.multTransB(ops.scaleColumns(dx.u(), gq), u)));
            M spectral = ops.hadamard(gPrime, ops.diagonal(dx.sigma()));
            return ops.add(rotation, ops.multTransB(ops.scaleColumns(u, spectral), u));
        }, upstream -> {
            M cu = ops.mult(ops.sym(upstream), u);
            M w = ops.diagonalOfProduct(ops.transpose(u), cu);
            int n = ops.rows(gq);
            return new EigFactors<>(ops.scale(2, ops.scaleColumns(cu, gq)),
                    ops.diagonalMatrix(ops.hadamard(gPrime, w), n, n));
        });
    }
}
