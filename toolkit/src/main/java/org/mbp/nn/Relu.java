package org.mbp.nn;

import org.mbp.backend.MatrixOps;
import org.mbp.layer.AbstractLayer;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.Inputs;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Structure;

/**
 * {@code Y = max(X, 0)} entry-wise. Variation and adjoint multiply by the mask {@code [X > 0]}
 * (the subgradient 0 is taken at X = 0).
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
        int rows = ops.rows(x);
        int cols = ops.cols(x);
        M mask = ops.choose(x, 0, ops.zeros(rows, cols), ops.filled(rows, cols, 1));
        return Linearization.of(ops.hadamard(mask, x), Diagnostics.none(),
                dx -> ops.hadamard(mask, dx), upstream -> ops.hadamard(mask, upstream));
    }
}
