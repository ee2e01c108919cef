package org.mbp.spectral;

import java.util.List;

import org.mbp.backend.Elementwise;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.Outer;
import org.mbp.backend.Svd;
import org.mbp.layer.DegenerateSpectrumException;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.Inputs;
import org.mbp.layer.AbstractLayer;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.SpectrumDiagnostics;
import org.mbp.layer.Structure;

/**
 * The SVD layer {@code X ↦ (U, Σ, V)}, {@code X = U Σ Vᵀ}, X m×n with m ≥ n (Prop. 1).
 *
 * <p>Variations, eqs. 11–15: {@code dΣ = (Uᵀ dX V)_diag}, {@code dV = 2V (Kᵀ ∘ (Σᵀ Uᵀ dX V)_sym)},
 * {@code dU = (C Σ_n⁻¹ | −U₁ Σ_n⁻¹ Cᵀ U₂)} with {@code C = dX V − U dΣ − U Σ dVᵀ V}. Adjoint,
 * eqs. 16–17. K (eq. 13) is formed as {@code 1/((σ_i − σ_j)(σ_i + σ_j))}, which keeps full
 * relative accuracy where {@code σ_i² − σ_j²} would cancel.
 *
 * <p>Degenerate input: K needs distinct singular values and {@code Σ_n⁻¹} singular values above
 * the rank tolerance {@code m·ε·σ₁}. When the backward pass needs either and it is not
 * available, a {@link DegenerateSpectrumException} names the indices. ({@code Σ_n⁻¹} enters the adjoint only through ∂L/∂U; a loss that does not
 * depend on U, like the SVD matrix function, is fine on rank-deficient input.)
 */
public final class SvdLayer<M> extends AbstractLayer<M, M, SvdFactors<M>> {

    private final MatrixOps<M> ops;

    /**
     * The SVD layer on the backend {@code ops}.
     *
     * @param ops the backend that computes
     */
    public SvdLayer(MatrixOps<M> ops) {
        super("svd", ops, MatrixSpace.of("X", Structure.GENERAL), new SvdSpace<>(ops));
        this.ops = ops;
    }

    @Override
    public Linearization<M, M, SvdFactors<M>> forward(M x) {
        return checked(x, evaluate(x));
    }

    private Linearization<M, M, SvdFactors<M>> evaluate(M x) {
        int m = ops.rows(x);
        int n = ops.cols(x);
        if (m < n) {
            throw new IllegalArgumentException(String.format("svd: Prop. 1 needs m ≥ n, got a %d×%d"
                    + " input; decompose the transpose instead", m, n));
        }
        Inputs.requireFinite(ops, x, "svd input");
        return new Point(x, ops.svd(x, true));
    }

    private final class Point implements Linearization<M, M, SvdFactors<M>> {

        private final int m;
        private final int n;
        private final M u;
        private final M u1;
        private final M u2;
        private final M sigma;
        private final M v;
        private final SvdFactors<M> output;
        private final List<SpectrumDiagnostics> spectra;
        private M kTransposed;
        private M sigmaInverse;

        Point(M x, Svd<M> svd) {
            this.m = ops.rows(x);
            this.n = ops.cols(x);
            this.u = svd.u();
            this.sigma = svd.sigma();
            this.v = svd.v();
            this.u1 = ops.block(u, 0, m, 0, n);
            this.u2 = m > n ? ops.block(u, 0, m, n, m) : null;
            this.output = new SvdFactors<>(u, ops.diagonalMatrix(sigma, m, n), v);
            this.spectra = SpectrumDiagnostics.ofEach("svd", SpectrumDiagnostics.SINGULAR_VALUES,
                    ops.toRowMajor(sigma), ops.batch(), SpectrumDiagnostics.Kernel.SQUARED_DIFFERENCE, m, ops.epsilon());
        }

        /** Kᵀ of eq. 13, checked finite. */
        private M kTransposed() {
            if (kTransposed == null) {
                M k = ops.offDiagonalReciprocal(ops.hadamard(ops.outer(sigma, sigma, Outer.DIFFERENCE),
                        ops.outer(sigma, sigma, Outer.SUM)));
                if (!ops.isFinite(k)) {
                    throw DegenerateSpectrumException.tie(SpectrumDiagnostics.closest(spectra), "K = 1/(σ_i² − σ_j²) (eq. 13)");
                }
                kTransposed = ops.transpose(k);
            }
            return kTransposed;
        }

        /**
         * The diagonal of Σ_n⁻¹ (eqs. 14 and 17). A singular value at or below the rank tolerance
         * is numerically zero: its left singular vector is rounding noise, so this refuses.
         */
        private M sigmaInverse() {
            if (sigmaInverse == null) {
                double[] values = ops.toRowMajor(sigma);
                for (int k = 0; k < values.length; k++) {
                    SpectrumDiagnostics spectrum = spectra.get(k / n);
                    int i = k % n;
                    if (!(values[k] > spectrum.rankTolerance())) {
                        throw new DegenerateSpectrumException("svd", i, i, String.format("svd: singular"
                                + " value %d%s is %.3g, not above the rank tolerance %.3g, so Σ_n⁻¹ in"
                                + " eqs. 14 and 17 is not defined: the left singular vectors of a"
                                + " rank-deficient input are not differentiable (numerical rank %d of %d)",
                                i, spectra.size() == 1 ? "" : " of example " + k / n, values[k],
                                spectrum.rankTolerance(), spectrum.numericalRank(), n));
                    }
                }
                sigmaInverse = ops.apply(sigma, Elementwise.RECIPROCAL);
            }
            return sigmaInverse;
        }

        @Override
        public SvdFactors<M> output() {
            return output;
        }

        @Override
        public Diagnostics diagnostics() {
            return new Diagnostics(spectra, List.of());
        }

        @Override
        public SvdFactors<M> variation(M dx) {
            M r = ops.multTransA(u, ops.mult(dx, v));
            M dSigmaValues = ops.diagonal(r);
            M sigmaTR = ops.scaleRows(sigma, ops.block(r, 0, n, 0, n));
            M dv = ops.scale(2, ops.mult(v, ops.hadamard(kTransposed(), ops.sym(sigmaTR))));
            M c = ops.sub(ops.sub(ops.mult(dx, v), ops.scaleColumns(u1, dSigmaValues)),
                    ops.mult(ops.scaleColumns(u1, sigma), ops.multTransA(dv, v)));
            M du1 = ops.scaleColumns(c, sigmaInverse());
            M du = u2 == null ? du1
                    : ops.hconcat(du1, ops.scale(-1, ops.mult(u1, ops.multTransA(du1, u2))));
            return new SvdFactors<>(du, ops.diagonalMatrix(dSigmaValues, m, n), dv);
        }

        @Override
        public M adjoint(SvdFactors<M> upstream) {
            M d = dMatrix(upstream.u());
            M t = ops.sub(ops.diagonal(upstream.sigma()), ops.diagonalOfProduct(ops.transpose(u1), d));
            M vPrime = ops.sub(upstream.v(),
                    ops.mult(v, ops.scaleColumns(ops.multTransA(d, u1), sigma)));
            M inner = ops.sym(ops.hadamard(kTransposed(), ops.multTransA(v, vPrime)));
            M left = ops.add(ops.add(d, ops.scaleColumns(u1, t)),
                    ops.scale(2, ops.mult(ops.scaleColumns(u1, sigma), inner)));
            return ops.multTransB(left, v);
        }

        /** D of eq. 17; zero when the loss does not depend on U. */
        private M dMatrix(M uBar) {
            if (ops.maxAbs(uBar) == 0) {
                return ops.zeros(m, n);
            }
            M d = ops.scaleColumns(ops.block(uBar, 0, m, 0, n), sigmaInverse());
            if (u2 == null) {
                return d;
            }
            M uBar2 = ops.block(uBar, 0, m, n, m);
            return ops.sub(d, ops.mult(u2, ops.multTransA(uBar2, ops.scaleColumns(u1, sigmaInverse()))));
        }
    }
}
