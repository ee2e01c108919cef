package org.mbp.verify;

import org.mbp.layer.Diagnostics;

/**
 * The adjoint gradient against finite differences along one direction dX, for the loss
 * {@code L(X) = ⟨Ȳ, f(X)⟩}.
 *
 * @param adjoint          {@code ⟨L*(Ȳ), dX⟩}
 * @param finiteDifference the Richardson-extrapolated central difference of L along dX
 * @param errorEstimate    the extrapolation's own absolute error estimate
 * @param step             the step the estimate came from
 * @param relativeError    {@code |adjoint − finiteDifference| / max(|adjoint|, |finiteDifference|)}
 */
public record DirectionalResult(String layer, double adjoint, double finiteDifference,
        double errorEstimate, double step, double relativeError, Diagnostics diagnostics) {
}
