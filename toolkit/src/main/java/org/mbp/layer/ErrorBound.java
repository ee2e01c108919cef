package org.mbp.layer;

import java.util.List;
import java.util.Locale;

/**
 * A first-order forward error bound on a gradient, predicted from what its layer already knows
 * (the spectra of its {@link Diagnostics} and the cancellations of its matrix functions) and the
 * machine epsilon ε of the arithmetic: a bound on {@code ‖g − g_exact‖_F / ‖g_exact‖_F} for the
 * gradient g computed at the given input. docs/ERROR-BOUND.md gives the derivation in full and
 * its validation.
 *
 * <p>The decompositions are backward stable: a computed spectrum is exact for a matrix within
 * about ε·‖X‖, so each eigenvalue carries an absolute error of ε·λ_max and each singular value
 * one of ε·σ_max (Weyl). At first order the gradient's error is the sum of what each stage
 * contributes, of two kinds:
 * <ul>
 * <li><b>Conditioning.</b> g, g′, the divided differences Γ (Props. 3, 4) and Σ⁻¹ (eqs. 14, 17)
 * read the values relative to themselves, so the smallest retained value v_min is off by
 * ε·v_max/v_min = ε·κ relative, κ the stage's effective condition number. Eigenvalues
 * {@code σ² + ε} of {@code FᵀF + εI} obtained from the SVD of F inherit the singular values'
 * error {@code 2σ·ε·σ_max}: relative {@code 2σ·ε·σ_max/(σ² + ε) ≤ 2ε·√κ}. Degrees are summed
 * and scaled entry-wise: 1.
 * The same perturbation of the spectrum moves K and g consistently, so the divided differences
 * the paper's form computes through K (eqs. 13, 34) are those of the perturbed spectrum: this term
 * covers them.</li>
 * <li><b>Gap division</b> (the paper's form only). The adjoints of eqs. 35 and 16–17 multiply
 * K̃ (eq. 34) or K (eq. 13) by terms that cancel only in the symmetric part, after products with
 * the factors have spread their rounding over every entry. With a matrix function after it the
 * terms are {@code g(λ)·K_ij}, whose size relative to the largest |g| is the weighted inverse gap
 * of {@link Cancellation}; where the loss reads the factors themselves (no matrix function), or a
 * wide DeepO₂P-SVD reads the U₂ block through Σ_n⁻¹, it is the inverse relative gap
 * {@code v_max/min|v_i − v_j|} (times κ for singular values, for Σ_n⁻¹). The gap-stable form has
 * no such term: its divided differences are evaluated without gap division.</li>
 * </ul>
 * Hence, over the stages s of size n_s, with condition term c_s and gap term g_s:
 * <pre>{@code  bound = ε · Σ_s 8·√n_s · (c_s + g_s)}</pre>
 * where 8·√n_s stands for the dimension factor of the rounding error bounds of dense matrix
 * algorithms ({@link #CONSTANT}). The svd-vs-eig and gap studies check the bound against the high-precision
 * reference (coverage and looseness are among their findings).
 *
 * @param relative  the predicted bound on the relative error (infinite at an exact tie)
 * @param dominant  the spectrum whose term is the largest, or null when the layer met none
 * @param gapLimited whether that largest term is a gap division (the paper's K or K̃)
 */
public record ErrorBound(double relative, SpectrumDiagnostics dominant, boolean gapLimited) {

    /**
     * The constant c of {@code c·√n}: first-order theory gives each term up to the dimension
     * factor of the rounding error bounds, n in the worst case and √n with high probability
     * (Higham and Mary, SIAM J. Sci. Comput. 2019); c = 8 covers the measured errors of the
     * svd-vs-eig and gap studies (docs/ERROR-BOUND.md).
     */
    public static final double CONSTANT = 8;

    /**
     * The bound of a layer that met no spectrum: rounding alone.
     *
     * @param epsilon machine epsilon of the arithmetic
     * @return ε, with no dominant spectrum
     */
    public static ErrorBound rounding(double epsilon) {
        return new ErrorBound(epsilon, null, false);
    }

    /**
     * The bound for a gradient computed in an arithmetic of machine epsilon {@code epsilon}
     * through stages with these diagnostics.
     *
     * @param diagnostics the diagnostics of the layer's evaluation at the input
     * @param epsilon     machine epsilon of the arithmetic
     * @return the bound, its dominant spectrum and whether a gap division dominates
     */
    public static ErrorBound of(Diagnostics diagnostics, double epsilon) {
        if (diagnostics.spectra().isEmpty()) {
            return rounding(epsilon);
        }
        double sum = 0;
        double largest = -1;
        SpectrumDiagnostics dominant = null;
        boolean gapLimited = false;
        for (SpectrumDiagnostics d : diagnostics.spectra()) {
            double condition = CONSTANT * Math.sqrt(d.size()) * conditionTerm(d);
            double gap = CONSTANT * Math.sqrt(d.size()) * gapTerm(d, diagnostics.cancellations());
            sum += condition + gap;
            if (Math.max(condition, gap) > largest) {
                largest = Math.max(condition, gap);
                dominant = d;
                gapLimited = gap > condition;
            }
        }
        return new ErrorBound(epsilon * sum, dominant, gapLimited);
    }

    /** How the stage's values amplify their own rounding: κ, 2√κ or 1 (see the class comment). */
    static double conditionTerm(SpectrumDiagnostics d) {
        double kappa = d.effectiveConditionNumber();
        if (!Double.isFinite(kappa)) {
            return 1;
        }
        return switch (d.quantity()) {
            case SpectrumDiagnostics.DEGREES -> 1;
            case SpectrumDiagnostics.SQUARED_SINGULAR_VALUES -> 2 * Math.sqrt(kappa);
            default -> kappa;
        };
    }

    /**
     * The gap term of a stage: 0 without a K; with a K, the cancellation ratio of the matrix
     * function whose products K multiplies ({@link Cancellation}), or, where the loss reads the
     * factors themselves (no matrix function) or a wide SVD's U₂ block, 1/(smallest relative gap),
     * times κ for singular values (Σ_n⁻¹ of eqs. 14 and 17).
     */
    static double gapTerm(SpectrumDiagnostics d, List<Cancellation> cancellations) {
        if (Double.isNaN(d.maxAbsK()) || d.size() < 2) {
            return 0;
        }
        double inverseGap = d.minRelativeGap() > 0 ? 1 / d.minRelativeGap() : Double.POSITIVE_INFINITY;
        boolean singular = d.quantity().equals(SpectrumDiagnostics.SINGULAR_VALUES);
        if (cancellations.isEmpty() || singular && cancellations.stream().anyMatch(Cancellation::nullSpace)) {
            return singular ? conditionTerm(d) * inverseGap : inverseGap;
        }
        return cancellations.stream().mapToDouble(Cancellation::weightedInverseGap).max().orElseThrow();
    }

    /**
     * Whether the bound exceeds a relative threshold.
     *
     * @param threshold the largest acceptable relative error
     * @return true when the bound is above it (or NaN)
     */
    public boolean exceeds(double threshold) {
        return !(relative <= threshold);
    }

    /**
     * What makes the bound large, in words: the two closest values and their relative gap for a
     * gap-limited bound, the condition number otherwise.
     *
     * @return the cause, e.g. "eigenvalues 1 and 2 of eig are nearly equal (relative gap 9.5e-18), …"
     */
    public String cause() {
        if (dominant == null) {
            return "rounding";
        }
        if (gapLimited) {
            return String.format(Locale.ROOT, "%s %d and %d of %s are %s (relative gap %.1e), and the"
                    + " paper's form divides by their difference (K, K̃ of eqs. 13, 34)", dominant.quantity(),
                    dominant.gapLow(), dominant.gapHigh(), dominant.stage(),
                    dominant.minGap() == 0 ? "equal" : "nearly equal", dominant.minRelativeGap());
        }
        return String.format(Locale.ROOT, "the %s of %s have condition number %.1e", dominant.quantity(),
                dominant.stage(), dominant.effectiveConditionNumber());
    }
}
