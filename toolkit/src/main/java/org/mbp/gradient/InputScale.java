package org.mbp.gradient;

import org.mbp.backend.Precision;
import org.mbp.io.DenseMatrix;

/**
 * Whether an input's scale fits the working precision, checked before the layer runs so that an
 * overflow or underflow is reported as such rather than as one of its symptoms (an infinite
 * eigenvalue, a non-finite entry, two singular values that look equal): finite entries that the
 * precision cannot hold, and, for the DeepO₂P layers, the squares σ² of the Gram matrix
 * {@code FᵀF} of eq. 4, which overflow above the largest number and, in the paper's form, lose
 * the gaps σᵢ² − σⱼ² that K (eq. 13) and K̃ (eq. 34) divide by once they fall below the smallest
 * normal number.
 */
final class InputScale {

    private InputScale() {
    }

    /**
     * Refuses a finite entry too large for the precision (it would round to infinity).
     *
     * @throws IllegalArgumentException naming the entry, its value and the precision's range
     */
    static void requireEntriesFit(DenseMatrix m, Precision precision, String what) {
        double[] v = m.values();
        for (int k = 0; k < v.length; k++) {
            if (Double.isFinite(v[k]) && Math.abs(v[k]) > precision.largest()) {
                throw new IllegalArgumentException(String.format("%s entry (%d, %d) = %.3g overflows %s (largest %.3g):"
                        + " use --precision double or rescale the input", what, k / m.cols(), k % m.cols(), v[k],
                        precision.label(), precision.largest()));
            }
        }
    }

    /**
     * Refuses an F whose Gram matrix {@code FᵀF} (eq. 4) overflows, or, when {@code dividesByGaps}
     * (the paper's form), whose squares σ² underflow. {@code ‖F‖²}, which bounds σ²_max from above
     * and by at most a factor {@code min(m, d)} from below, is computed without overflow.
     *
     * @throws ArithmeticException naming the overflow or underflow and the remedy
     */
    static void requireGramFits(DenseMatrix f, Precision precision, boolean dividesByGaps) {
        double largest = 0;
        for (double x : f.values()) {
            largest = Math.max(largest, Math.abs(x));
        }
        if (largest == 0 || !Double.isFinite(largest)) {
            return;
        }
        double scaled = 0;
        for (double x : f.values()) {
            scaled += (x / largest) * (x / largest);
        }
        double log10Square = 2 * Math.log10(largest) + Math.log10(scaled);
        if (log10Square > Math.log10(precision.largest())) {
            throw new ArithmeticException(String.format("overflow: F'F (eq. 4) exceeds the largest %s number"
                    + " (‖F‖² ≈ 1e%.0f > %.3g); rescale --input", precision.label(), log10Square, precision.largest()));
        }
        if (dividesByGaps && log10Square < Math.log10(precision.smallestNormal())) {
            throw new ArithmeticException(String.format("σ² underflow: ‖F‖² ≈ 1e%.0f is below the smallest normal %s"
                    + " number (%.3g), so the gaps σ_i² − σ_j² that K (eq. 13) and K~ (eq. 34) divide by are lost;"
                    + " rescale --input or use --form stable", log10Square, precision.label(),
                    precision.smallestNormal()));
        }
    }
}
