package org.mbp.verify;

/**
 * The accuracy every catalogued layer must reach on its well-separated sample input, shared by
 * the test suite and {@code mbp report}.
 *
 * <ul>
 *   <li>Dot-product test, double: both sides are one bilinear form evaluated two ways; with
 *       |K| ≤ 1 and matrices of size ≤ 10 their rounding errors are a few hundred ε ≈ 1e-14, so
 *       1e-12 has a margin of ~10 while any slip in a formula shows as O(1).</li>
 *   <li>Finite differences, double: Ridders' extrapolation reaches ~1e-10 relative on these
 *       smooth functions and reports its own error bound; 1e-7 allows for the gauge alignment of
 *       singular and eigen vectors.</li>
 *   <li>Float against double: about 10⁴ float ε, for inputs with condition numbers ≤ 6.</li>
 *   <li>Taylor order: the remainder of a correct gradient falls as h²; a wrong one as h.</li>
 * </ul>
 */
public final class Acceptance {

    /** Largest relative mismatch of the dot-product test ⟨L(dX), U⟩ = ⟨dX, L*(U)⟩ in double. */
    public static final double DOT_PRODUCT = 1e-12;
    /** Largest relative error of the adjoint against central finite differences. */
    public static final double FINITE_DIFFERENCE = 1e-7;
    /** Largest relative difference of a float computation from the double one. */
    public static final double FLOAT_AGAINST_DOUBLE = 1e-3;
    /** The order a Taylor remainder must show: it shrinks as the step squared. */
    public static final double TAYLOR_ORDER = 2.0;
    /** How far a measured Taylor order may fall below {@link #TAYLOR_ORDER}. */
    public static final double TAYLOR_ORDER_TOLERANCE = 0.1;

    private Acceptance() {
    }
}
