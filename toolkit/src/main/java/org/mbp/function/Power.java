package org.mbp.function;

import org.mbp.backend.Elementwise;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.Outer;

/**
 * g = λ^p, g′ = p λ^{p−1} on positive spectra. Divided differences
 * {@code Γ_ij = λ_lo^p · expm1(p · log1p(Δ/λ_lo)) / Δ}, i.e. {@code λ_lo^p ((λ_hi/λ_lo)^p − 1)/Δ}
 * without cancellation; ties give {@code p λ^{p−1}}.
 */
final class Power implements SpectralFunction {

    private final double p;

    Power(double p) {
        if (!Double.isFinite(p)) {
            throw new IllegalArgumentException("power: exponent must be finite, got " + p);
        }
        this.p = p;
    }

    @Override
    public String name() {
        return "power(" + p + ")";
    }

    @Override
    public Domain domain() {
        return Domain.POSITIVE;
    }

    @Override
    public <M> M value(MatrixOps<M> ops, M x) {
        return ops.power(x, p);
    }

    @Override
    public <M> M derivative(MatrixOps<M> ops, M x) {
        return ops.scale(p, ops.power(x, p - 1));
    }

    @Override
    public <M> M dividedDifferences(MatrixOps<M> ops, M lambda) {
        M low = ops.outer(lambda, lambda, Outer.MIN);
        M gap = ops.apply(ops.outer(lambda, lambda, Outer.DIFFERENCE), Elementwise.ABS);
        M growth = ops.apply(ops.scale(p, ops.apply(ops.divide(gap, low), Elementwise.LOG1P)),
                Elementwise.EXPM1);
        M unit = ops.choose(gap, 0.0, ops.scale(p, ops.apply(low, Elementwise.RECIPROCAL)),
                ops.divide(growth, gap));
        return ops.hadamard(value(ops, low), unit);
    }
}
