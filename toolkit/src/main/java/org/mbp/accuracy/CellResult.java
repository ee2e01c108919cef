package org.mbp.accuracy;

import org.mbp.layer.Diagnostics;

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
     * The identity of the cell, stable across runs: {@code layer|form|precision|spectrum}.
     *
     * @return the identity of the cell, stable across runs: {@code layer|form|precision|spectrum}
     */
    public String key() {
        return layer + "|" + form + "|" + precision + "|" + spectrum;
    }
}
