package org.mbp.accuracy;

import org.mbp.layer.Diagnostics;
import org.mbp.layer.ErrorBound;

/**
 * One cell of the accuracy grid: a layer in one form and precision on one spectrum, against the
 * high-precision reference.
 *
 * @param medianError    median over the cell's inputs of {@code ‖g − g_ref‖/‖g_ref‖} (NaN if refused)
 * @param maxError       the largest such error
 * @param epsilon        machine epsilon of the precision
 * @param amplification  A of the verdict's bound {@code 10³ ε A} (see {@link Verdict})
 * @param diagnostics    the reference's spectra at the first input
 * @param note           why the layer refused or failed, else empty
 */
public record CellResult(String layer, String form, String precision, String spectrum, double medianError,
        double maxError, double epsilon, double amplification, Verdict verdict, Diagnostics diagnostics,
        String note) {

    /**
     * The verdict's bound on the error, {@code 10³ ε A}.
     *
     * @return the bound
     */
    public double bound() {
        return Verdict.bound(epsilon, amplification);
    }

    /**
     * The identity of the cell, stable across runs: {@code layer|form|precision|spectrum}.
     *
     * @return the identity of the cell, stable across runs: {@code layer|form|precision|spectrum}
     */
    public String key() {
        return layer + "|" + form + "|" + precision + "|" + spectrum;
    }

    /**
     * The predicted relative error bound of the cell's gradients ({@link ErrorBound}), from the
     * spectra at the cell's first input and the precision's ε; infinite where the paper's form
     * meets an exact tie; NaN where no gradient was measured (refused or failed).
     *
     * @return the bound on the relative error of the cell's gradients
     */
    public double errorBound() {
        return Double.isNaN(maxError) ? Double.NaN : ErrorBound.of(diagnostics, epsilon).relative();
    }
}
