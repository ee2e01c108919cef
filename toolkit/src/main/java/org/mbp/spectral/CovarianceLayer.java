package org.mbp.spectral;

import org.mbp.backend.MatrixOps;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.Inputs;
import org.mbp.layer.Layer;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Space;
import org.mbp.layer.Structure;

/**
 * The second-order pooling layer {@code F ↦ Z = FᵀF + εI} (eq. 4, before the logarithm), for
 * features F of m locations × d dimensions.
 *
 * <p>Variation {@code dZ = dFᵀF + FᵀdF}; adjoint {@code ∂L/∂F = F (Z̄ + Z̄ᵀ) = 2 F Z̄_sym}.
 */
public final class CovarianceLayer<M> implements Layer<M, M, M> {

    private final MatrixOps<M> ops;
    private final double epsilon;

    public CovarianceLayer(MatrixOps<M> ops, double epsilon) {
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("covariance: ε must be finite and ≥ 0, got " + epsilon);
        }
        this.ops = ops;
        this.epsilon = epsilon;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public String name() {
        return "covariance(ε=" + epsilon + ")";
    }

    @Override
    public MatrixOps<M> ops() {
        return ops;
    }

    @Override
    public Space<M, M> inputSpace() {
        return MatrixSpace.of("F", Structure.GENERAL);
    }

    @Override
    public Space<M, M> outputSpace() {
        return MatrixSpace.of("Z", epsilon > 0 ? Structure.SYMMETRIC_POSITIVE_DEFINITE
                : Structure.SYMMETRIC);
    }

    @Override
    public Linearization<M, M, M> forward(M f) {
        Inputs.requireFinite(ops, f, "features F");
        int d = ops.cols(f);
        M z = ops.add(ops.multTransA(f, f), ops.scale(epsilon, ops.identity(d)));
        return new Linearization<>() {
            @Override
            public M output() {
                return z;
            }

            @Override
            public Diagnostics diagnostics() {
                return Diagnostics.none();
            }

            @Override
            public M variation(M df) {
                return ops.add(ops.multTransA(df, f), ops.multTransA(f, df));
            }

            @Override
            public M adjoint(M upstream) {
                return ops.scale(2, ops.mult(f, ops.sym(upstream)));
            }
        };
    }
}
