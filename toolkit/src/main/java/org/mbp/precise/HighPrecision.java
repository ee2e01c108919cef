package org.mbp.precise;

import java.math.BigDecimal;
import java.math.MathContext;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;

/**
 * The high-precision reference backend: the layers on Hipparchus {@code Dfp} numbers. With the
 * default {@value #DEFAULT_DIGITS} decimal digits (machine ε = 1e-40) a gradient that rounding
 * amplifies by 1/gap keeps more than 25 correct digits for gaps down to 1e-10 and beyond.
 *
 * <p>Cost grows as n³ Dfp operations of ~0.3–0.6 µs each: see docs/BENCHMARKS.md.
 */
public final class HighPrecision {

    /** Decimal digits of the default reference. */
    public static final int DEFAULT_DIGITS = 44;

    private HighPrecision() {
    }

    /**
     * A backend computing with (about) {@code digits} significant decimal digits.
     *
     * @param digits decimal digits of the high-precision reference
     * @return a backend computing with (about) {@code digits} significant decimal digits
     */
    public static FieldOps<Dfp> ops(int digits) {
        if (digits < 20 || digits > 1000) {
            throw new IllegalArgumentException("high precision: digits must lie in [20, 1000], got " + digits);
        }
        return new FieldOps<>(new DfpField(digits), "dfp" + digits, false);
    }

    /**
     * The default reference backend.
     *
     * @return the default reference backend
     */
    public static FieldOps<Dfp> ops() {
        return ops(DEFAULT_DIGITS);
    }

    /**
     * The entries of a high-precision matrix as exact decimals, row-major.
     *
     * @param a the matrix A
     * @return the entries of a high-precision matrix as exact decimals, row-major
     */
    public static BigDecimal[] decimals(FieldDense<Dfp> a) {
        BigDecimal[] out = new BigDecimal[a.data().length];
        for (int i = 0; i < out.length; i++) {
            Dfp x = a.data()[i];
            if (x.isNaN() || x.isInfinite()) {
                throw new ArithmeticException("entry " + i + " is " + x);
            }
            out[i] = decimal(x);
        }
        return out;
    }

    /**
     * A high-precision number as an exact decimal.
     *
     * @param x a finite number
     * @return its decimal value
     * @throws ArithmeticException when x is NaN or infinite
     */
    public static BigDecimal decimal(Dfp x) {
        if (x.isNaN() || x.isInfinite()) {
            throw new ArithmeticException("not a finite number: " + x);
        }
        return new BigDecimal(x.toString());
    }

    /**
     * {@code ‖a − b‖_F / ‖b‖_F} of two decimal vectors, to 20 significant digits, e.g. of one
     * reference gradient computed at two precisions.
     *
     * @param a the matrix A
     * @param b the matrix B
     * @return {@code ‖a − b‖_F / ‖b‖_F} of two decimal vectors, to 20 significant digits, e.g. of
     *         one reference gradient computed at two precisions
     */
    public static double relativeDifference(BigDecimal[] a, BigDecimal[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " vs " + b.length + " entries");
        }
        MathContext context = new MathContext(120);
        BigDecimal difference = BigDecimal.ZERO;
        BigDecimal norm = BigDecimal.ZERO;
        for (int i = 0; i < a.length; i++) {
            BigDecimal d = a[i].subtract(b[i], context);
            difference = difference.add(d.multiply(d, context), context);
            norm = norm.add(b[i].multiply(b[i], context), context);
        }
        if (norm.signum() == 0) {
            return difference.signum() == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.sqrt(difference.divide(norm, context).doubleValue());
    }
}
