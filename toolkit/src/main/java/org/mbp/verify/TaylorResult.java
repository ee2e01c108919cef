package org.mbp.verify;

import org.mbp.layer.Diagnostics;

/**
 * The Taylor remainder test: {@code r(h) = |L(X + h dX) − L(X) − h ⟨g, dX⟩|} must fall as h² when
 * g is the gradient. The order is the least-squares slope of log r against log h over the steps
 * in the asymptotic range (remainder below 0.1% of the linear term and 10³ times above rounding).
 *
 * @param observedOrder the fitted slope (NaN when fewer than 3 steps were in range)
 * @param steps         every step tried
 * @param remainders    r at each step
 * @param used          which steps the fit used
 */
public record TaylorResult(String layer, double observedOrder, double[] steps, double[] remainders,
        boolean[] used, Diagnostics diagnostics) {

    /** Number of steps in the fit. */
    public int pointsUsed() {
        int n = 0;
        for (boolean u : used) {
            n += u ? 1 : 0;
        }
        return n;
    }
}
