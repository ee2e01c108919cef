package org.mbp.ncuts;

import org.mbp.backend.MatrixOps;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.Layer;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Pair;
import org.mbp.layer.PairSpace;
import org.mbp.layer.Space;
import org.mbp.layer.Structure;

/**
 * The alignment loss {@code (P, Q) ↦ J = ½ ‖P − Q‖_F²} of eqs. 50 and 59, as a 1×1 output.
 * Its derivatives (the "Frobenius derivative" of §6): {@code ∂J/∂P = P − Q = −∂J/∂Q}.
 */
public final class ProjectorDistanceLayer<M> implements Layer<M, Pair<M>, M> {

    private final MatrixOps<M> ops;

    public ProjectorDistanceLayer(MatrixOps<M> ops) {
        this.ops = ops;
    }

    @Override
    public String name() {
        return "half-squared-distance";
    }

    @Override
    public MatrixOps<M> ops() {
        return ops;
    }

    @Override
    public Space<M, Pair<M>> inputSpace() {
        return new PairSpace<>("P", Structure.SYMMETRIC, "Q", Structure.SYMMETRIC);
    }

    @Override
    public Space<M, M> outputSpace() {
        return MatrixSpace.of("J", Structure.GENERAL);
    }

    @Override
    public Linearization<M, Pair<M>, M> forward(Pair<M> x) {
        M difference = ops.sub(x.first(), x.second());
        M j = ops.filled(1, 1, 0.5 * ops.dot(difference, difference));
        return new Linearization<>() {
            @Override
            public M output() {
                return j;
            }

            @Override
            public Diagnostics diagnostics() {
                return Diagnostics.none();
            }

            @Override
            public M variation(Pair<M> dx) {
                return ops.filled(1, 1, ops.dot(difference, ops.sub(dx.first(), dx.second())));
            }

            @Override
            public Pair<M> adjoint(M upstream) {
                M p = ops.scale(ops.get(upstream, 0, 0), difference);
                return new Pair<>(p, ops.scale(-1, p));
            }
        };
    }
}
