package org.mbp.function;

import org.mbp.backend.Elementwise;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.Outer;

/**
 * g = g′ = exp. Divided differences {@code Γ_ij = e^{λ_lo} · expm1(Δ)/Δ} with
 * {@code Δ = |λ_i − λ_j|}; ties give {@code e^λ}.
 */
final class Exp implements SpectralFunction {

    static final Exp INSTANCE = new Exp();

    @Override
    public String name() {
        return "exp";
    }

    @Override
    public Domain domain() {
        return Domain.ALL;
    }

    @Override
    public <M> M value(MatrixOps<M> ops, M x) {
        return ops.apply(x, Elementwise.EXP);
    }

    @Override
    public <M> M derivative(MatrixOps<M> ops, M x) {
        return value(ops, x);
    }

    @Override
    public <M> M dividedDifferences(MatrixOps<M> ops, M lambda) {
        int n = ops.rows(lambda);
        M low = ops.outer(lambda, lambda, Outer.MIN);
        M gap = ops.apply(ops.outer(lambda, lambda, Outer.DIFFERENCE), Elementwise.ABS);
        M ratio = ops.divide(ops.apply(gap, Elementwise.EXPM1), gap);
        M unit = ops.choose(gap, 0.0, ops.filled(n, n, 1.0), ratio);
        return ops.hadamard(value(ops, low), unit);
    }
}
