package org.mbp.function;

import org.mbp.backend.Elementwise;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.Outer;

/**
 * g = log, g′ = 1/λ. Divided differences {@code Γ_ij = log1p(Δ/λ_lo) / Δ} with
 * {@code Δ = |λ_i − λ_j|} and {@code λ_lo = min(λ_i, λ_j)}: the argument of log1p is
 * non-negative, so neither the logarithm nor the quotient cancels; ties give {@code 1/λ}.
 */
final class Log implements SpectralFunction {

    static final Log INSTANCE = new Log();

    @Override
    public String name() {
        return "log";
    }

    @Override
    public Domain domain() {
        return Domain.POSITIVE;
    }

    @Override
    public <M> M value(MatrixOps<M> ops, M x) {
        return ops.apply(x, Elementwise.LOG);
    }

    @Override
    public <M> M derivative(MatrixOps<M> ops, M x) {
        return ops.apply(x, Elementwise.RECIPROCAL);
    }

    @Override
    public <M> M dividedDifferences(MatrixOps<M> ops, M lambda) {
        M low = ops.outer(lambda, lambda, Outer.MIN);
        M gap = ops.apply(ops.outer(lambda, lambda, Outer.DIFFERENCE), Elementwise.ABS);
        M quotient = ops.divide(ops.apply(ops.divide(gap, low), Elementwise.LOG1P), gap);
        return ops.choose(gap, 0.0, derivative(ops, low), quotient);
    }
}
