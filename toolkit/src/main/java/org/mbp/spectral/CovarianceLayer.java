package org.mbp.spectral;

import org.mbp.backend.MatrixOps;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.Inputs;
import org.mbp.layer.AbstractLayer;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Structure;

/**
 * The second-order pooling layer {@code F ↦ Z = FᵀF + εI} (eq. 4, before the logarithm), for
 * features F of m locations × d dimensions.
 *
 * <p>Variation {@code dZ = dFᵀF + FᵀdF}; adjoint {@code ∂L/∂F = F (Z̄ + Z̄ᵀ) = 2 F Z̄_sym}.
 */
public final class CovarianceLayer<M> extends AbstractLayer<M, M, M> {

    private final MatrixOps<M> ops;
    private final double epsilon;

    /**
     * The covariance layer with regularizer {@code epsilon} on the backend {@code ops}.
     *
     * @param ops the backend that computes
     * @param epsilon the regularizer ε
     */
    public CovarianceLayer(MatrixOps<M> ops, double epsilon) {
        super("covariance(ε=" + epsilon + ")", ops, MatrixSpace.of("F", Structure.GENERAL),
                MatrixSpace.of("Z", epsilon > 0 ? Structure.SYMMETRIC_POSITIVE_DEFINITE : Structure.SYMMETRIC));
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("covariance: ε must be finite and ≥ 0, got " + epsilon);
        }
        this.ops = ops;
        this.epsilon = epsilon;
    }

    /**
     * The regularizer ε added to the diagonal.
     *
     * @return the regularizer ε added to the diagonal
     */
    public double epsilon() {
        return epsilon;
    }

    @Override
    public Linearization<M, M, M> forward(M f) {
        return checked(f, evaluate(f));
    }

    private Linearization<M, M, M> evaluate(M f) {
        Inputs.requireFinite(ops, f, "features F");
        M z = ops.add(ops.multTransA(f, f), ops.scale(epsilon, ops.identity(ops.cols(f))));
        return Linearization.of(z, Diagnostics.none(),
                df -> ops.add(ops.multTransA(df, f), ops.multTransA(f, df)),
                upstream -> ops.scale(2, ops.mult(f, ops.sym(upstream))));
    }
}
