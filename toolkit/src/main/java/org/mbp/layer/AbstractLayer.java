package org.mbp.layer;

import org.mbp.backend.MatrixOps;

/**
 * A layer's name, backend and spaces; subclasses supply {@link #forward}, and return their
 * {@link Linearization} through {@link #checked} so that a variation or upstream gradient of the
 * wrong shape fails with a message naming it.
 */
public abstract class AbstractLayer<M, X, Y> implements Layer<M, X, Y> {

    private final String name;
    private final MatrixOps<M> ops;
    private final Space<M, X> input;
    private final Space<M, Y> output;

    /**
     * A layer with the given name, backend and input and output spaces.
     *
     * @param name the name
     * @param ops the backend that computes
     * @param input the input
     * @param output the output
     */
    protected AbstractLayer(String name, MatrixOps<M> ops, Space<M, X> input, Space<M, Y> output) {
        this.name = name;
        this.ops = ops;
        this.input = input;
        this.output = output;
    }

    /**
     * {@code point} with shape checks: its variation and adjoint refuse a dX whose shapes differ
     * from {@code x}'s and an upstream gradient whose shapes differ from the output's, with an
     * {@link IllegalArgumentException} naming the layer, the operand and both shapes.
     *
     * @param x     the point the layer was evaluated at
     * @param point the layer's linearization at {@code x}
     * @return {@code point}, checking what its maps are given
     */
    protected final Linearization<M, X, Y> checked(X x, Linearization<M, X, Y> point) {
        return new ShapeChecked<>(this, x, point);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final MatrixOps<M> ops() {
        return ops;
    }

    @Override
    public final Space<M, X> inputSpace() {
        return input;
    }

    @Override
    public final Space<M, Y> outputSpace() {
        return output;
    }
}
