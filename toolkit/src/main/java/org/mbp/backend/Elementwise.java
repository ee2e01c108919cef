package org.mbp.backend;

import java.util.function.DoubleUnaryOperator;

/**
 * The standard entry-wise functions every backend evaluates in its own arithmetic. They are
 * library calls, not formulas; formulas combine them through {@link MatrixOps}.
 */
public enum Elementwise {
    LOG(Math::log),
    LOG1P(Math::log1p),
    EXP(Math::exp),
    EXPM1(Math::expm1),
    SQRT(Math::sqrt),
    RECIPROCAL(x -> 1.0 / x),
    ABS(Math::abs);

    private final DoubleUnaryOperator function;

    Elementwise(DoubleUnaryOperator function) {
        this.function = function;
    }

    /** The function in double precision (backends round the result to their own precision). */
    public double applyAsDouble(double x) {
        return function.applyAsDouble(x);
    }
}
