package org.mbp.ncuts;

import org.mbp.backend.Elementwise;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.Svd;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.Inputs;
import org.mbp.layer.AbstractLayer;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.SpectrumDiagnostics;
import org.mbp.layer.Structure;

/**
 * The orthogonal projector {@code A ↦ Π_A = A A⁺} onto the column space of A (Lemma 1).
 *
 * <p>Variation, eq. 51: {@code dΠ = 2 ((I − Π) dA A⁺)_sym}; adjoint, eq. 52:
 * {@code ∂L/∂A = 2 (I − Π) (∂L/∂Π)_sym A⁺ᵀ}. The paper states both for symmetric A, where
 * {@code A⁺ᵀ = A⁺}; the same formulas (with {@code A⁺ᵀ}) hold for any m×n A of locally constant
 * rank (Golub and Pereyra, 1973), which is how this layer takes them.
 *
 * <p>Rank: A⁺ keeps the singular values above {@code τ·σ₁} with the relative tolerance τ
 * (default {@code max(m, n)·ε}, as LAPACK and NumPy). Π is differentiable only where the rank does
 * not change, and the derivative grows like {@code ‖A⁺‖ = 1/σ_r}: the diagnostics report the
 * rank, the smallest retained σ (as the effective condition σ₁/σ_r) and the tolerance.
 */
public final class ProjectorLayer<M> extends AbstractLayer<M, M, M> {

    private final MatrixOps<M> ops;
    private final double relativeTolerance;

    /**
     * A projector with the default rank tolerance {@code max(m, n)·ε}.
     *
     * @param ops the backend that computes
     */
    public ProjectorLayer(MatrixOps<M> ops) {
        this(ops, Double.NaN);
    }

    /**
     * @param relativeTolerance singular values at or below {@code relativeTolerance·σ₁} count as
     *                          zero; NaN selects the default {@code max(m, n)·ε}
     * @param ops the backend that computes
     */
    public ProjectorLayer(MatrixOps<M> ops, double relativeTolerance) {
        super("projector", ops, MatrixSpace.of("A", Structure.GENERAL), MatrixSpace.of("Π", Structure.SYMMETRIC));
        if (relativeTolerance < 0 || relativeTolerance >= 1) {
            throw new IllegalArgumentException("projector: relative rank tolerance must lie in"
                    + " [0, 1), got " + relativeTolerance);
        }
        this.ops = ops;
        this.relativeTolerance = relativeTolerance;
    }

    @Override
    public Linearization<M, M, M> forward(M a) {
        return checked(a, evaluate(a));
    }

    private Linearization<M, M, M> evaluate(M a) {
        Inputs.requireFinite(ops, a, "projector input");
        int m = ops.rows(a);
        int n = ops.cols(a);
        Svd<M> svd = ops.svd(a, false);
        double[] sigma = ops.toRowMajor(svd.sigma());
        double relative = Double.isNaN(relativeTolerance) ? Math.max(m, n) * ops.epsilon()
                : relativeTolerance;
        double threshold = relative * (sigma.length == 0 ? 0 : sigma[0]);
        int rank = 0;
        while (rank < sigma.length && sigma[rank] > threshold) {
            rank++;
        }
        M ur = ops.block(svd.u(), 0, m, 0, rank);
        M vr = ops.block(svd.v(), 0, n, 0, rank);
        M pseudoInverseT = ops.multTransB(ops.scaleColumns(ur,
                ops.apply(ops.slice(svd.sigma(), 0, rank), Elementwise.RECIPROCAL)), vr);
        M pi = ops.multTransB(ur, ur);
        SpectrumDiagnostics spectrum = SpectrumDiagnostics.of("projector", SpectrumDiagnostics.SINGULAR_VALUES, sigma,
                SpectrumDiagnostics.Kernel.NONE, threshold);
        return Linearization.of(pi, Diagnostics.of(spectrum),
                da -> ops.scale(2, ops.sym(ops.multTransB(ops.projectOut(ur, da), pseudoInverseT))),
                upstream -> ops.scale(2, ops.mult(ops.projectOut(ur, ops.sym(upstream)), pseudoInverseT)));
    }
}
