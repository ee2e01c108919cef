package org.mbp.nn;

import java.util.function.UnaryOperator;
import org.mbp.backend.MatrixOps;
import org.mbp.layer.AbstractLayer;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.Inputs;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Structure;

/**
 * {@code Y = max(X, 0)} entry-wise. Variation and adjoint multiply by the mask {@code [X > 0]}
 * (the subgradient 0 is taken at X = 0). All three are one {@link MatrixOps#choose} on X, between a
 * zero matrix and the argument ({@code X}, {@code dX} or {@code Ȳ}): no mask is stored, and an
 * entry where X ≤ 0 is +0.
 */
public final class Relu<M> extends AbstractLayer<M, M, M> {

    /**
     * The ReLU on the backend {@code ops}.
     *
     * @param ops the backend that computes
     */
    public Relu(MatrixOps<M> ops) {
        super("relu", ops, MatrixSpace.of("X", Structure.GENERAL), MatrixSpace.of("Y", Structure.GENERAL));
    }

    @Override
    public Linearization<M, M, M> forward(M x) {
        return checked(x, evaluate(x));
    }

    private Linearization<M, M, M> evaluate(M x) {
        MatrixOps<M> ops = ops();
        Inputs.requireFinite(ops, x, "relu input");
        M zero = ops.zeros(ops.rows(x), ops.cols(x));
        UnaryOperator<M> masked = a -> ops.choose(x, 0, zero, a);
        return Linearization.of(masked.apply(x), Diagnostics.none(), masked, masked);
    }
}
