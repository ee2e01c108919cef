package org.mbp.ncuts;

import java.util.List;
import org.mbp.backend.BatchOps;
import org.mbp.backend.Elementwise;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.Svd;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.HostReads;
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

    /**
     * Π and A⁺ᵀ from the thin SVD with every singular value kept or dropped by a 0/1 weight
     * ({@code σ_i − τσ₁ ≤ 0} drops it, all of them when A = 0): {@code Π = (U K)(U K)ᵀ},
     * {@code A⁺ᵀ = U (K Σ⁻¹) Vᵀ} with K the weights, so that a batch of matrices of different ranks
     * is one computation ({@link org.mbp.backend.BatchOps}). On a backend that holds its matrices on
     * the host the factors are first cut after the largest number of kept values in the batch (the
     * rank itself for one matrix), which saves the products over the dropped columns; on a device
     * they stay whole, so that nothing is read back in the middle of a pass, and the rank is read
     * for the diagnostics with the step's other reads ({@link HostReads}).
     */
    private Linearization<M, M, M> evaluate(M a) {
        Inputs.requireFinite(ops, a, "projector input");
        int m = ops.rows(a);
        int n = ops.cols(a);
        int k = Math.min(m, n);
        Svd<M> svd = ops.svd(a, false);
        double relative = Double.isNaN(relativeTolerance) ? Math.max(m, n) * ops.epsilon() : relativeTolerance;
        M sigma = svd.sigma();
        M excess = ops.sub(sigma, ops.scale(relative, ops.mult(ops.ones(k), ops.block(sigma, 0, 1, 0, 1))));
        int columns = ops.holdsOnHost() ? largestKept(ops.toRowMajor(excess), ops.batch()) : k;
        M dropped = ops.zeros(columns, 1);
        M excessKept = ops.block(excess, 0, columns, 0, 1);
        M u = ops.block(svd.u(), 0, m, 0, columns);
        M ur = ops.scaleColumns(u, ops.choose(excessKept, 0, dropped, ops.filled(columns, 1, 1)));
        M inverse = ops.choose(excessKept, 0, dropped,
                ops.apply(ops.block(sigma, 0, columns, 0, 1), Elementwise.RECIPROCAL));
        M pseudoInverseT = ops.multTransB(ops.scaleColumns(u, inverse), ops.block(svd.v(), 0, n, 0, columns));
        M pi = ops.multTransB(ur, ur);
        HostReads.Value values = HostReads.of(ops, sigma);
        return Linearization.withLaterDiagnostics(pi, () -> new Diagnostics(SpectrumDiagnostics.ofEach("projector",
                        SpectrumDiagnostics.SINGULAR_VALUES, values.values(), ops.batch(),
                        SpectrumDiagnostics.Kernel.NONE, relative), List.of()),
                da -> ops.scale(2, ops.sym(ops.multTransB(ops.projectOut(ur, da), pseudoInverseT))),
                upstream -> ops.scale(2, ops.mult(ops.projectOut(ur, ops.sym(upstream)), pseudoInverseT)));
    }

    /**
     * The largest number of kept singular values among a batch's examples: the positive entries of
     * {@code σ − τσ₁}, a prefix of each example's, as the backend computed them (so the cut agrees
     * with the weights to the last bit).
     */
    private static int largestKept(double[] excess, int batch) {
        int largest = 0;
        for (double[] e : BatchOps.examples(excess, batch)) {
            int kept = 0;
            while (kept < e.length && e[kept] > 0) {
                kept++;
            }
            largest = Math.max(largest, kept);
        }
        return largest;
    }
}
