package org.mbp.ncuts;

import org.mbp.backend.MatrixOps;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.AbstractLayer;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Pair;
import org.mbp.layer.PairSpace;
import org.mbp.layer.Structure;

/**
 * The alignment loss {@code (P, Q) ↦ J = ½ ‖P − Q‖_F²} of eqs. 50 and 59, as a 1×1 output.
 * Its derivatives (the "Frobenius derivative" of §6): {@code ∂J/∂P = P − Q = −∂J/∂Q}.
 */
public final class ProjectorDistanceLayer<M> extends AbstractLayer<M, Pair<M>, M> {

    private final MatrixOps<M> ops;

    /**
     * The projector distance layer on the backend {@code ops}.
     *
     * @param ops the backend that computes
     */
    public ProjectorDistanceLayer(MatrixOps<M> ops) {
        super("half-squared-distance", ops, new PairSpace<>("P", Structure.SYMMETRIC, "Q", Structure.SYMMETRIC),
                MatrixSpace.of("J", Structure.GENERAL));
        this.ops = ops;
    }

    @Override
    public Linearization<M, Pair<M>, M> forward(Pair<M> x) {
        return checked(x, evaluate(x));
    }

    private Linearization<M, Pair<M>, M> evaluate(Pair<M> x) {
        M difference = ops.sub(x.first(), x.second());
        return Linearization.of(ops.scale(0.5, ops.sum(ops.hadamard(difference, difference))), Diagnostics.none(),
                dx -> ops.sum(ops.hadamard(difference, ops.sub(dx.first(), dx.second()))),
                upstream -> {
                    M p = ops.scaleColumns(difference, ops.mult(ops.ones(ops.cols(difference)), upstream));
                    return new Pair<>(p, ops.scale(-1, p));
                });
    }
}
