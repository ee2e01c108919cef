package org.mbp.function;

import java.util.function.DoubleUnaryOperator;
import org.mbp.backend.Elementwise;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.Outer;

/** A user-supplied pair (g, g′); see {@link SpectralFunction#of}. */
final class UserFunction implements SpectralFunction {

    private final String name;
    private final DoubleUnaryOperator g;
    private final DoubleUnaryOperator derivative;
    private final Domain domain;

    UserFunction(String name, DoubleUnaryOperator g, DoubleUnaryOperator derivative, Domain domain) {
        this.name = name;
        this.g = g;
        this.derivative = derivative;
        this.domain = domain;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Domain domain() {
        return domain;
    }

    @Override
    public <M> M value(MatrixOps<M> ops, M x) {
        return ops.map(x, g);
    }

    @Override
    public <M> M derivative(MatrixOps<M> ops, M x) {
        return ops.map(x, derivative);
    }

    @Override
    public <M> M dividedDifferences(MatrixOps<M> ops, M lambda) {
        M values = value(ops, lambda);
        M quotient = ops.divide(ops.outer(values, values, Outer.DIFFERENCE),
                ops.outer(lambda, lambda, Outer.DIFFERENCE));
        M midpoint = derivative(ops, ops.scale(0.5, ops.outer(lambda, lambda, Outer.SUM)));
        M gap = ops.apply(ops.outer(lambda, lambda, Outer.DIFFERENCE), Elementwise.ABS);
        M magnitude = ops.apply(lambda, Elementwise.ABS);
        M scale = ops.outer(magnitude, magnitude, Outer.MAX);
        double tolerance = Math.cbrt(ops.epsilon());
        return ops.choose(ops.sub(gap, ops.scale(tolerance, scale)), 0.0, midpoint, quotient);
    }
}
