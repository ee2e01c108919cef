package org.mbp.spectral;

import org.mbp.backend.Elementwise;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.Outer;

/**
 * The matrix K̃ the EIG layer's backward pass multiplies by (eq. 34): the paper's
 * {@code K̃_ij = 1/(λ_i − λ_j)}, or one of the stabilisations proposed since, which trade a
 * bias for finiteness as eigenvalues merge. All are antisymmetric with a zero diagonal.
 */
public sealed interface GapKernel {

    /**
     * The n×n kernel for the eigenvalues λ (an n×1 vector).
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param lambda the regularizer λ
     * @return the n×n kernel for the eigenvalues λ (an n×1 vector)
     */
    <M> M matrix(MatrixOps<M> ops, M lambda);

    /**
     * A short name for tables and charts.
     *
     * @return a short name for tables and charts
     */
    String label();

    /**
     * Whether the kernel is the exact one (and so may be infinite at a tie).
     *
     * @return whether the kernel is the exact one (and so may be infinite at a tie)
     */
    default boolean exact() {
        return false;
    }

    /**
     * {@code 1/(λ_i − λ_j)}: eq. 34.
     *
     * @return {@code 1/(λ_i − λ_j)}: eq. 34
     */
    static GapKernel paper() {
        return new Paper();
    }

    /**
     * Wang et al. (TPAMI 2021): for SPD spectra, {@code 1/(λ_hi − λ_lo) = (1/λ_hi) Σ_k (λ_lo/λ_hi)^k},
     * truncated after {@code degree + 1} terms, with the sign of {@code λ_i − λ_j}. Bounded by
     * {@code (degree + 1)/λ_hi} as eigenvalues merge (zero at an exact tie, as antisymmetry
     * demands); biased for every pair.
     *
     * @param degree the degree
     * @return Wang et al
     */
    static GapKernel taylor(int degree) {
        if (degree < 0) {
            throw new IllegalArgumentException("Taylor degree must be ≥ 0, got " + degree);
        }
        return new Taylor(degree);
    }

    /**
     * {@code 1/(sign(Δ) max(|Δ|, τ))}: gaps below τ are treated as τ (zero at exact ties).
     *
     * @param tau the threshold τ
     * @return {@code 1/(sign(Δ) max(|Δ|, τ))}: gaps below τ are treated as τ (zero at exact ties)
     */
    static GapKernel clamped(double tau) {
        return new Clamped(positive(tau, "clamp threshold"));
    }

    /**
     * {@code 1/(Δ + sign(Δ) τ)}: every gap widened by τ (zero at exact ties).
     *
     * @param tau the threshold τ
     * @return {@code 1/(Δ + sign(Δ) τ)}: every gap widened by τ (zero at exact ties)
     */
    static GapKernel shifted(double tau) {
        return new Shifted(positive(tau, "shift"));
    }

    /**
     * {@code Δ/(Δ² + η²)}: Lorentzian broadening, smooth through ties.
     *
     * @param eta the width η
     * @return {@code Δ/(Δ² + η²)}: Lorentzian broadening, smooth through ties
     */
    static GapKernel lorentzian(double eta) {
        return new Lorentzian(positive(eta, "broadening η"));
    }

    private static double positive(double value, String what) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be positive and finite, got " + value);
        }
        return value;
    }

    /** The signs of λ_i − λ_j (0 on ties), entry-wise. */
    private static <M> M signs(MatrixOps<M> ops, M difference) {
        return ops.map(difference, Math::signum);
    }

    /** The paper's kernel, 1/(σᵢ² − σⱼ²) off the diagonal (eqs. 12 and 19). */
    record Paper() implements GapKernel {
        @Override
        public <M> M matrix(MatrixOps<M> ops, M lambda) {
            return ops.offDiagonalReciprocal(ops.outer(lambda, lambda, Outer.DIFFERENCE));
        }

        @Override
        public String label() {
            return "paper";
        }

        @Override
        public boolean exact() {
            return true;
        }
    }

    /** The Taylor expansion of the kernel to {@code degree} terms. */
    record Taylor(int degree) implements GapKernel {
        @Override
        public <M> M matrix(MatrixOps<M> ops, M lambda) {
            int n = ops.rows(lambda);
            M high = ops.outer(lambda, lambda, Outer.MAX);
            M ratio = ops.divide(ops.outer(lambda, lambda, Outer.MIN), high);
            M ones = ops.filled(n, n, 1.0);
            M series = ones;
            for (int k = 0; k < degree; k++) {
                series = ops.add(ones, ops.hadamard(ratio, series));
            }
            M signed = ops.hadamard(signs(ops, ops.outer(lambda, lambda, Outer.DIFFERENCE)), series);
            return ops.divide(signed, high);
        }

        @Override
        public String label() {
            return "taylor(" + degree + ")";
        }
    }

    /** The paper's kernel with gaps below {@code tau} clamped to {@code tau}. */
    record Clamped(double tau) implements GapKernel {
        @Override
        public <M> M matrix(MatrixOps<M> ops, M lambda) {
            M difference = ops.outer(lambda, lambda, Outer.DIFFERENCE);
            M magnitude = ops.apply(difference, Elementwise.ABS);
            int n = ops.rows(lambda);
            M widened = ops.choose(ops.sub(magnitude, ops.filled(n, n, tau)), 0, ops.filled(n, n, tau), magnitude);
            return ops.divide(signs(ops, difference), widened);
        }

        @Override
        public String label() {
            return "clamped(" + tau + ")";
        }
    }

    /** The paper's kernel with gaps shifted away from zero by {@code tau}. */
    record Shifted(double tau) implements GapKernel {
        @Override
        public <M> M matrix(MatrixOps<M> ops, M lambda) {
            M difference = ops.outer(lambda, lambda, Outer.DIFFERENCE);
            int n = ops.rows(lambda);
            M widened = ops.add(ops.apply(difference, Elementwise.ABS), ops.filled(n, n, tau));
            return ops.divide(signs(ops, difference), widened);
        }

        @Override
        public String label() {
            return "shifted(" + tau + ")";
        }
    }

    /** A Lorentzian-regularised kernel of width {@code eta}. */
    record Lorentzian(double eta) implements GapKernel {
        @Override
        public <M> M matrix(MatrixOps<M> ops, M lambda) {
            M difference = ops.outer(lambda, lambda, Outer.DIFFERENCE);
            int n = ops.rows(lambda);
            return ops.divide(difference, ops.add(ops.hadamard(difference, difference), ops.filled(n, n, eta * eta)));
        }

        @Override
        public String label() {
            return "lorentzian(" + eta + ")";
        }
    }
}
