package org.mbp.function;

import org.mbp.backend.Elementwise;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.Outer;

/**
 * g = √λ, g′ = 1/(2√λ). Divided differences {@code Γ_ij = 1/(√λ_i + √λ_j)}, exact for all pairs
 * including ties, with no subtraction at all.
 */
final class Sqrt implements SpectralFunction {

    static final Sqrt INSTANCE = new Sqrt();

    @Override
    public String name() {
        return "sqrt";
    }

    @Override
    public Domain domain() {
        return Domain.POSITIVE;
    }

    @Override
    public <M> M value(MatrixOps<M> ops, M x) {
        return ops.apply(x, Elementwise.SQRT);
    }

    @Override
    public <M> M derivative(MatrixOps<M> ops, M x) {
        return ops.scale(0.5, ops.apply(value(ops, x), Elementwise.RECIPROCAL));
    }

    @Override
    public <M> M dividedDifferences(MatrixOps<M> ops, M lambda) {
        M root = value(ops, lambda);
        return ops.apply(ops.outer(root, root, Outer.SUM), Elementwise.RECIPROCAL);
    }
}
