package org.mbp.verify;

import org.mbp.layer.Diagnostics;

/**
 * The Taylor remainder test: {@code r(h) = |L(X + h dX) − L(X) − h ⟨g, dX⟩|} must fall as h² when
 * g is the gradient. h halves 28 times from a tenth of the input's scale. The remainders of the
 * four smallest steps, where h² is far below rounding, measure the evaluation noise; the order is
 * the least-squares slope of log r against log h over the up to six smallest steps whose
 * remainder exceeds both 30 times that noise and 10 ε times the loss. Taking the smallest
 * steps above the noise keeps higher-order terms (which can cancel the h² term at larger h for an
 * unlucky direction) out of the fit.
 *
 * @param observedOrder the fitted slope (NaN when fewer than 3 steps were in range)
 * @param steps         every step tried
 * @param remainders    r at each step
 * @param used          which steps the fit used
 */
public record TaylorResult(String layer, double observedOrder, double[] steps, double[] remainders,
        boolean[] used, Diagnostics diagnostics) {

    /**
     * Number of steps in the fit.
     *
     * @return number of steps in the fit
     */
    public int pointsUsed() {
        int n = 0;
        for (boolean u : used) {
            n += u ? 1 : 0;
        }
        return n;
    }
}
