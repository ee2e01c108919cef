package org.mbp.layer;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A layer evaluated at one point: its output, the diagnostics of the spectra it met, and the two
 * linear maps of matrix backpropagation at that point.
 */
public interface Linearization<M, X, Y> {

    /**
     * The output Y = f(X).
     *
     * @return the output Y = f(X)
     */
    Y output();

    /**
     * Diagnostics of the spectrum at this point (gaps, conditioning).
     *
     * @return diagnostics of the spectrum at this point (gaps, conditioning)
     */
    Diagnostics diagnostics();

    /**
     * {@code dY = L(dX)}: the first-order change of the output for an input variation.
     *
     * @param dx the input variation dX
     * @return {@code dY = L(dX)}: the first-order change of the output for an input variation
     */
    Y variation(X dx);

    /**
     * {@code L*(Ȳ)}: the gradient with respect to the input, given {@code Ȳ = ∂L/∂Y}.
     *
     * @param upstream the upstream gradient ∂L/∂Y
     * @return {@code L*(Ȳ)}: the gradient with respect to the input, given {@code Ȳ = ∂L/∂Y}
     */
    X adjoint(Y upstream);

    /**
     * A linearization from its parts.
     *
     * @param <M> the backend's matrix type
     * @param <X> the input variable type
     * @param <Y> the output variable type
     * @param output the output
     * @param diagnostics the reference's spectra
     * @param variation the variation
     * @param adjoint the adjoint
     * @return a linearization from its parts
     */
    static <M, X, Y> Linearization<M, X, Y> of(Y output, Diagnostics diagnostics,
            Function<X, Y> variation, Function<Y, X> adjoint) {
        return new Evaluated<>(output, () -> diagnostics, variation, adjoint);
    }

    /**
     * A linearization whose diagnostics are made when first asked for: from values the host reads
     * with the rest of a training step's reads ({@link HostReads}).
     *
     * @param <M> the backend's matrix type
     * @param <X> the input variable type
     * @param <Y> the output variable type
     * @param output the output
     * @param diagnostics makes the diagnostics, once
     * @param variation the variation
     * @param adjoint the adjoint
     * @return a linearization from its parts
     */
    static <M, X, Y> Linearization<M, X, Y> withLaterDiagnostics(Y output, Supplier<Diagnostics> diagnostics,
            Function<X, Y> variation, Function<Y, X> adjoint) {
        return new Evaluated<>(output, diagnostics, variation, adjoint);
    }

    /**
     * The point {@code x} of a linear map: the output is the map of x itself.
     *
     * @param <M> the backend's matrix type
     * @param <X> the input variable type
     * @param <Y> the output variable type
     * @param x the input
     * @param map the map
     * @param adjoint the adjoint
     * @return the point {@code x} of a linear map: the output is the map of x itself
     */
    static <M, X, Y> Linearization<M, X, Y> linear(X x, Function<X, Y> map, Function<Y, X> adjoint) {
        return of(map.apply(x), Diagnostics.none(), map, adjoint);
    }
}
