package org.mbp.layer;

import org.mbp.backend.MatrixOps;

/**
 * A structured layer {@code Y = f(X)} with the paper's two-step recipe (§4.2): the variation
 * {@code dY = L(dX)} (eq. 9) and its adjoint {@code ∂(L∘f)/∂X = L*(∂L/∂Y)} (eq. 10).
 *
 * <p>{@link #forward} evaluates f and returns a {@link Linearization} that keeps what both linear
 * maps need, so one forward pass serves any number of variations and adjoints.
 *
 * @param <M> the backend's matrix type
 * @param <X> the input variable
 * @param <Y> the output variable
 */
public interface Layer<M, X, Y> {

    /**
     * A short name, e.g. {@code "svd"}.
     *
     * @return a short name, e.g. {@code "svd"}
     */
    String name();

    /**
     * The backend the layer computes on.
     *
     * @return the backend the layer computes on
     */
    MatrixOps<M> ops();

    /**
     * The space of inputs: their shape and structure.
     *
     * @return the space of inputs: their shape and structure
     */
    Space<M, X> inputSpace();

    /**
     * The space of outputs: their shape and structure.
     *
     * @return the space of outputs: their shape and structure
     */
    Space<M, Y> outputSpace();

    /**
     * Evaluates the layer at {@code x}.
     *
     * @param x the input
     * @return the linearization
     * @throws IllegalArgumentException for input the layer is not defined on (shape, NaN,
     *                                  asymmetry, non-positive spectrum where g needs one)
     */
    Linearization<M, X, Y> forward(X x);

    /**
     * The paper's L(dX) at {@code x}.
     *
     * @param x the input
     * @param dx the input variation dX
     * @return the paper's L(dX) at {@code x}
     * @throws IllegalArgumentException when dX's shapes are not the input's
     */
    default Y variation(X x, X dx) {
        Linearization<M, X, Y> point = forward(x);
        ShapeChecked.requireShapes(this, "variation dX", inputSpace(), dx, "input X", x);
        return point.variation(dx);
    }

    /**
     * The paper's L*(∂L/∂Y) at {@code x}: the gradient with respect to the input.
     *
     * @param x the input
     * @param upstream the upstream gradient ∂L/∂Y
     * @return the paper's L*(∂L/∂Y) at {@code x}: the gradient with respect to the input
     * @throws IllegalArgumentException when the upstream gradient's shapes are not the output's
     */
    default X adjoint(X x, Y upstream) {
        Linearization<M, X, Y> point = forward(x);
        ShapeChecked.requireShapes(this, "upstream gradient ∂L/∂Y", outputSpace(), upstream, "output Y", point.output());
        return point.adjoint(upstream);
    }

    /**
     * This layer followed by {@code next}: {@code x ↦ next(this(x))}.
     *
     * @param <Z> the type of the next layer's output
     * @param next the layer that follows
     * @return this layer followed by {@code next}: {@code x ↦ next(this(x))}
     */
    default <Z> Layer<M, X, Z> then(Layer<M, Y, Z> next) {
        return new Composition<>(this, next);
    }
}
