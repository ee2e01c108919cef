package org.mbp.layer;

/**
 * A layer evaluated at one point: its output, the diagnostics of the spectra it met, and the two
 * linear maps of matrix backpropagation at that point.
 */
public interface Linearization<M, X, Y> {

    Y output();

    Diagnostics diagnostics();

    /** {@code dY = L(dX)}: the first-order change of the output for an input variation. */
    Y variation(X dx);

    /** {@code L*(Ȳ)}: the gradient with respect to the input, given {@code Ȳ = ∂L/∂Y}. */
    X adjoint(Y upstream);
}
