package org.mbp.ncuts;

import org.mbp.backend.MatrixOps;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.Inputs;
import org.mbp.layer.AbstractLayer;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Pair;
import org.mbp.layer.PairSpace;
import org.mbp.layer.SpectrumDiagnostics;
import org.mbp.layer.Structure;

/**
 * The normalized-cuts layer {@code W ↦ (M, Ω)} for a fixed segmentation E (Prop. 5):
 * {@code D = [W1]}, {@code M = D^{-1/2} W D^{-1/2}} (eq. 49), {@code Ω = D^{1/2} E Eᵀ D^{1/2}}.
 *
 * <p>Variations, eqs. 56–57: {@code dΩ = (Ω D⁻¹ [dW 1])_sym},
 * {@code dM = D^{-1/2} dW D^{-1/2} − (M D⁻¹ [dW 1])_sym}. Adjoint (Prop. 5):
 * {@code ∂L/∂W = D^{-1/2} M̄ D^{-1/2} + diag(D⁻¹ Ω Ω̄_sym − D⁻¹ M M̄_sym) 1ᵀ}.
 *
 * <p>Every row sum of W (the degrees D) must be positive; the diagnostics report their range.
 */
public final class NCutsNormalizationLayer<M> extends AbstractLayer<M, M, Pair<M>> {

    private final MatrixOps<M> ops;
    private final M e;

    /**
     * @param e the m×k segmentation (indicator) matrix E of eq. 48
     * @param ops the backend that computes
     */
    public NCutsNormalizationLayer(MatrixOps<M> ops, M e) {
        super("ncuts", ops, MatrixSpace.of("W", Structure.SYMMETRIC),
                new PairSpace<>("M", Structure.SYMMETRIC, "Ω", Structure.SYMMETRIC));
        Inputs.requireFinite(ops, e, "segmentation E");
        this.ops = ops;
        this.e = e;
    }

    @Override
    public Linearization<M, M, Pair<M>> forward(M w) {
        return checked(w, evaluate(w));
    }

    private Linearization<M, M, Pair<M>> evaluate(M w) {
        Inputs.requireSquare(ops, w, "similarity W");
        Inputs.requireFinite(ops, w, "similarity W");
        int m = ops.rows(w);
        if (ops.rows(e) != m) {
            throw new IllegalArgumentException(String.format("ncuts: W is %d×%d but E has %d rows",
                    m, m, ops.rows(e)));
        }
        M degrees = ops.rowSums(w);
        double[] d = requirePositiveDegrees(ops, w);
        M inverseRoot = ops.power(degrees, -0.5);
        M inverse = ops.power(degrees, -1.0);
        M mMatrix = normalize(w, inverseRoot);
        M rootE = ops.scaleRows(ops.power(degrees, 0.5), e);
        M omega = ops.multTransB(rootE, rootE);
        Diagnostics diagnostics = Diagnostics.of(SpectrumDiagnostics.of("ncuts", SpectrumDiagnostics.DEGREES, d,
                SpectrumDiagnostics.Kernel.NONE, 0.0));
        return Linearization.of(new Pair<>(mMatrix, omega), diagnostics, dw -> {
            M q = ops.hadamard(inverse, ops.rowSums(dw));
            M dOmega = ops.sym(ops.scaleColumns(omega, q));
            M dM = ops.sub(normalize(dw, inverseRoot), ops.sym(ops.scaleColumns(mMatrix, q)));
            return new Pair<>(dM, dOmega);
        }, upstream -> {
            M t = ops.hadamard(inverse, ops.sub(
                    ops.diagonalOfProduct(omega, ops.sym(upstream.second())),
                    ops.diagonalOfProduct(mMatrix, ops.sym(upstream.first()))));
            return ops.add(normalize(upstream.first(), inverseRoot), ops.scaleRows(t, ops.filled(m, m, 1.0)));
        });
    }

    /**
     * Fails unless every row of W sums to a positive number, naming the first that does not.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param w the weights
     * @return the degrees {@code W1}
     */
    public static <M> double[] requirePositiveDegrees(MatrixOps<M> ops, M w) {
        double[] d = ops.toRowMajor(ops.rowSums(w));
        for (int i = 0; i < d.length; i++) {
            if (!(d[i] > 0)) {
                throw new IllegalArgumentException(String.format("row %d of W sums to %.6g;"
                        + " normalized cuts needs positive row sums (degrees D = [W1])", i, d[i]));
            }
        }
        return d;
    }

    /** {@code D^{-1/2} A D^{-1/2}}. */
    private M normalize(M a, M inverseRoot) {
        return ops.scaleRows(inverseRoot, ops.scaleColumns(a, inverseRoot));
    }
}
