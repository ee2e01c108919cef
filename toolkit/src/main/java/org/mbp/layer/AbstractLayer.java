package org.mbp.layer;

import org.mbp.backend.MatrixOps;

/** A layer's name, backend and spaces; subclasses supply {@link #forward}. */
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
