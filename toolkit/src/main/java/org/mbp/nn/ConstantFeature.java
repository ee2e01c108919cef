package org.mbp.nn;

import org.mbp.backend.MatrixOps;
import org.mbp.layer.AbstractLayer;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.Inputs;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Structure;

/**
 * {@code F ↦ [F  c·1]}: appends a constant feature c to every location. With non-negative
 * features (after a ReLU) the affinity {@code W = [F c1][F c1]ᵀ = FFᵀ + c²11ᵀ} then has degrees of
 * at least {@code c² n > 0}, which the normalisation {@code D^{-1/2}} of §6 needs even where a
 * location's learned features are all zero. Variation {@code [dF 0]}; adjoint: the first d columns.
 */
public final class ConstantFeature<M> extends AbstractLayer<M, M, M> {

    private final double value;

    /**
     * A layer that appends a constant feature {@code value}.
     *
     * @param ops the backend that computes
     * @param value the value
     */
    public ConstantFeature(MatrixOps<M> ops, double value) {
        super("constant-feature(" + value + ")", ops, MatrixSpace.of("F", Structure.GENERAL),
                MatrixSpace.of("[F c1]", Structure.GENERAL));
        this.value = value;
    }

    @Override
    public Linearization<M, M, M> forward(M f) {
        return checked(f, evaluate(f));
    }

    private Linearization<M, M, M> evaluate(M f) {
        MatrixOps<M> ops = ops();
        Inputs.requireFinite(ops, f, name() + " input");
        int n = ops.rows(f);
        int d = ops.cols(f);
        return Linearization.of(ops.hconcat(f, ops.filled(n, 1, value)), Diagnostics.none(),
                df -> ops.hconcat(df, ops.zeros(n, 1)), g -> ops.block(g, 0, n, 0, d));
    }
}
