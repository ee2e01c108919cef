package org.mbp.precise;

import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;

/**
 * The high-precision reference backend: the layers on Hipparchus {@code Dfp} numbers. With the
 * default {@value #DEFAULT_DIGITS} decimal digits (machine ε ≈ 1e-46) a gradient that rounding
 * amplifies by 1/gap keeps more than 25 correct digits for gaps down to 1e-10 and beyond.
 *
 * <p>Cost grows as n³ Dfp operations of ~0.3–0.6 µs each: see docs/BENCHMARKS.md.
 */
public final class HighPrecision {

    /** Decimal digits of the default reference. */
    public static final int DEFAULT_DIGITS = 50;

    private HighPrecision() {
    }

    /** A backend computing with (about) {@code digits} significant decimal digits. */
    public static FieldOps<Dfp> ops(int digits) {
        if (digits < 20 || digits > 1000) {
            throw new IllegalArgumentException("high precision: digits must lie in [20, 1000], got " + digits);
        }
        return new FieldOps<>(new DfpField(digits), "dfp" + digits, false);
    }

    /** The default reference backend. */
    public static FieldOps<Dfp> ops() {
        return ops(DEFAULT_DIGITS);
    }
}
