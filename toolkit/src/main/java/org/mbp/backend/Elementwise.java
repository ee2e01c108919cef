package org.mbp.backend;

import java.util.function.DoubleUnaryOperator;

/**
 * The standard entry-wise functions every backend evaluates in its own arithmetic. They are
 * library calls, not formulas; formulas combine them through {@link MatrixOps}.
 */
public enum Elementwise {
    /** Natural logarithm. */
    LOG(Math::log),
    /** {@code log(1 + x)}. */
    LOG1P(Math::log1p),
    /** Exponential. */
    EXP(Math::exp),
    /** {@code exp(x) − 1}. */
    EXPM1(Math::expm1),
    /** Square root. */
    SQRT(Math::sqrt),
    /** {@code 1 / x}. */
    RECIPROCAL(x -> 1.0 / x),
    /** Absolute value. */
    ABS(Math::abs);

    private final DoubleUnaryOperator function;

    Elementwise(DoubleUnaryOperator function) {
        this.function = function;
    }

    /**
     * The function in double precision (backends round the result to their own precision).
     *
     * @param x the input
     * @return the function in double precision (backends round the result to their own precision)
     */
    public double applyAsDouble(double x) {
        return function.applyAsDouble(x);
    }
}
