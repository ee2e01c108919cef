package org.mbp.verify;

import org.mbp.layer.Diagnostics;

/**
 * The dot-product (adjoint) test {@code ⟨Ȳ, L(dX)⟩ = ⟨L*(Ȳ), dX⟩} for random Ȳ and dX.
 *
 * @param outputSide    {@code ⟨Ȳ, L(dX)⟩}
 * @param inputSide     {@code ⟨L*(Ȳ), dX⟩}
 * @param relativeError {@code |outputSide − inputSide| / max(|outputSide|, |inputSide|)}
 * @param diagnostics   the spectra of the layer at the input
 */
public record DotProductResult(String layer, double outputSide, double inputSide,
        double relativeError, Diagnostics diagnostics) {
}
