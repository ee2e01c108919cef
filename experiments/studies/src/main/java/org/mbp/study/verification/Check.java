package org.mbp.study.verification;

/** A check of a layer's gradient ({@link org.mbp.verify.CatalogCheck}). */
public enum Check {
    /** ⟨L(dX), Ȳ⟩ = ⟨dX, L*(Ȳ)⟩: the adjoint is the forward variation's. */
    DOT_PRODUCT,
    /** The whole gradient against Richardson finite differences. */
    FINITE_DIFFERENCE,
    /** The finite differences' own error bound (reported, not checked). */
    FINITE_DIFFERENCE_BOUND,
    /** The order of the Taylor remainder: 2 for a correct gradient. */
    TAYLOR_ORDER,
    /** The float gradient against the double one. */
    FLOAT_VS_DOUBLE
}
