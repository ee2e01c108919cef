package org.mbp.spectral;

import java.util.List;

import org.mbp.backend.MatrixOps;
import org.mbp.backend.SymmetricEigen;
import org.mbp.layer.DegenerateSpectrumException;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.Inputs;
import org.mbp.layer.AbstractLayer;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.SpectrumDiagnostics;
import org.mbp.layer.Structure;

/**
 * The EIG layer {@code X ↦ (U, Σ)}, {@code X = U Σ Uᵀ} for symmetric X (Prop. 2).
 *
 * <p>Variations, eqs. 32–33: {@code dΣ = (Uᵀ dX U)_diag}, {@code dU = U (K̃ᵀ ∘ (Uᵀ dX U))} with
 * {@code K̃_ij = 1/(σ_i − σ_j)} (eq. 34). Adjoint, eq. 35:
 * {@code ∂L/∂X = U {(K̃ᵀ ∘ Uᵀ ∂L/∂U) + (∂L/∂Σ)_diag} Uᵀ}. Both are exact adjoints of each other
 * for any dX; the gradient of a loss of a symmetric X is the symmetric part of eq. 35.
 *
 * <p>The input must be symmetric to {@value Inputs#SYMMETRY_TOLERANCE_IN_EPSILON}·ε; its
 * symmetric part is decomposed. A {@link GapKernel} other than the paper's replaces K̃ by a
 * stabilised approximation (Taylor, clamped, shifted, Lorentzian). Eigenvalues that tie make K̃ infinite: the backward pass then
 * raises a {@link DegenerateSpectrumException} naming them.
 */
public final class EigLayer<M> extends AbstractLayer<M, M, EigFactors<M>> {

    private final MatrixOps<M> ops;
    private final GapKernel kernel;

    /**
     * An EIG layer whose output eigenvalues may have any sign.
     *
     * @param ops the backend that computes
     */
    public EigLayer(MatrixOps<M> ops) {
        this(ops, Structure.DIAGONAL);
    }

    /**
     * @param eigenvalueStructure {@link Structure#POSITIVE_DIAGONAL} when the input is SPD, which
     *                            lets the verification engine keep perturbed spectra positive
     * @param ops the backend that computes
     */
    public EigLayer(MatrixOps<M> ops, Structure eigenvalueStructure) {
        this(ops, eigenvalueStructure, GapKernel.paper());
    }

    /**
     * An EIG layer whose backward pass uses a stabilised K̃ in place of eq. 34 (its variation and
     * adjoint then belong to the approximation, and stay exact adjoints of each other).
     *
     * @param ops the backend that computes
     * @param eigenvalueStructure {@link Structure#POSITIVE_DIAGONAL} when the input is SPD, which
     *                            lets the verification engine keep perturbed spectra positive
     * @param kernel the kernel
     */
    public EigLayer(MatrixOps<M> ops, Structure eigenvalueStructure, GapKernel kernel) {
        super(kernel.exact() ? "eig" : "eig[" + kernel.label() + "]", ops,
                MatrixSpace.of("X", eigenvalueStructure == Structure.POSITIVE_DIAGONAL
                        ? Structure.SYMMETRIC_POSITIVE_DEFINITE : Structure.SYMMETRIC),
                new EigSpace<>(ops, eigenvalueStructure));
        this.ops = ops;
        this.kernel = kernel;
    }

    @Override
    public Linearization<M, M, EigFactors<M>> forward(M x) {
        return checked(x, evaluate(x));
    }

    private Linearization<M, M, EigFactors<M>> evaluate(M x) {
        Inputs.requireSymmetric(ops, x, "eig input");
        SymmetricEigen<M> eig = ops.eigSymmetric(ops.sym(x));
        return new Point(eig);
    }

    private final class Point implements Linearization<M, M, EigFactors<M>> {

        private final M u;
        private final EigFactors<M> output;
        private final M lambda;
        private final List<SpectrumDiagnostics> spectra;
        private M kTransposed;

        Point(SymmetricEigen<M> eig) {
            this.u = eig.vectors();
            this.lambda = eig.values();
            int n = ops.rows(lambda);
            this.output = new EigFactors<>(u, ops.diagonalMatrix(lambda, n, n));
            this.spectra = SpectrumDiagnostics.ofEach("eig", SpectrumDiagnostics.EIGENVALUES, ops.toRowMajor(lambda),
                    ops.batch(), SpectrumDiagnostics.Kernel.EIGENVALUE_DIFFERENCE, n, ops.epsilon());
        }

        /** K̃ᵀ of eq. 34, checked finite. */
        private M kTransposed() {
            if (kTransposed == null) {
                M k = kernel.matrix(ops, lambda);
                if (!ops.isFinite(k)) {
                    throw DegenerateSpectrumException.tie(SpectrumDiagnostics.closest(spectra), "K̃ = 1/(σ_i − σ_j) (eq. 34)");
                }
                kTransposed = ops.transpose(k);
            }
            return kTransposed;
        }

        @Override
        public EigFactors<M> output() {
            return output;
        }

        @Override
        public Diagnostics diagnostics() {
            return new Diagnostics(spectra, List.of());
        }

        @Override
        public EigFactors<M> variation(M dx) {
            M r = ops.multTransA(u, ops.mult(dx, u));
            return new EigFactors<>(ops.mult(u, ops.hadamard(kTransposed(), r)), ops.diagPart(r));
        }

        @Override
        public M adjoint(EigFactors<M> upstream) {
            M inner = ops.add(ops.hadamard(kTransposed(), ops.multTransA(u, upstream.u())),
                    ops.diagPart(upstream.sigma()));
            return ops.multTransB(ops.mult(u, inner), u);
        }
    }
}
