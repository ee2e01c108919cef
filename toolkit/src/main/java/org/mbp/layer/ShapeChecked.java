package org.mbp.layer;

import java.util.List;
import org.mbp.backend.MatrixOps;

/**
 * A {@link Linearization} that checks the shapes of what it is given before its maps run: a
 * variation dX must have the input's shapes and an upstream gradient ∂L/∂Y the output's, matrix by
 * matrix of the layer's {@link Space}s. A wrong shape fails with one line naming the layer, the
 * operand and both shapes, instead of an error from deep inside a backend.
 */
record ShapeChecked<M, X, Y>(Layer<M, X, Y> layer, X input, Linearization<M, X, Y> inner)
        implements Linearization<M, X, Y> {

    @Override
    public Y output() {
        return inner.output();
    }

    @Override
    public Diagnostics diagnostics() {
        return inner.diagnostics();
    }

    @Override
    public Y variation(X dx) {
        requireShapes(layer, "variation dX", layer.inputSpace(), dx, "input X", input);
        return inner.variation(dx);
    }

    @Override
    public X adjoint(Y upstream) {
        requireShapes(layer, "upstream gradient ∂L/∂Y", layer.outputSpace(), upstream, "output Y", inner.output());
        return inner.adjoint(upstream);
    }

    /**
     * Fails unless {@code given} has the shapes of {@code reference}, matrix by matrix of {@code space}.
     *
     * @throws IllegalArgumentException naming the layer, the operand and both shapes
     */
    static <M, V> void requireShapes(Layer<M, ?, ?> layer, String operand, Space<M, V> space, V given,
            String referenceName, V reference) {
        if (given == null) {
            throw new IllegalArgumentException(layer.name() + ": the " + operand + " is missing");
        }
        MatrixOps<M> ops = layer.ops();
        List<M> actual = space.parts(given);
        List<M> expected = space.parts(reference);
        List<String> names = space.names();
        for (int i = 0; i < expected.size(); i++) {
            M a = actual.get(i);
            M e = expected.get(i);
            if (a == null || ops.rows(a) != ops.rows(e) || ops.cols(a) != ops.cols(e)) {
                String part = names.size() > 1 ? " (" + names.get(i) + ")" : "";
                throw new IllegalArgumentException(layer.name() + ": the " + operand + part + " is "
                        + (a == null ? "missing" : ops.rows(a) + "×" + ops.cols(a)) + ", but the " + referenceName
                        + part + " is " + ops.rows(e) + "×" + ops.cols(e));
            }
        }
    }
}
