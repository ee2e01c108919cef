package org.mbp.verify;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.util.Binary64;
import org.hipparchus.util.MathArrays;

/**
 * Central differences with Richardson extrapolation (Ridders' method): the step shrinks by 1.4
 * per column of a Neville tableau, each column extrapolates the O(h²) error away, and the entry
 * whose neighbours agree best is returned with that disagreement as its error estimate.
 *
 * <p>The tableau runs in any Hipparchus field: in double for the checks of a layer against its
 * own forward pass, and in {@code Dfp} for the high-precision reference of
 * {@link GradientAssertions#assertMatchesReference}, whose truncation and rounding then lie far
 * below double's ε.
 */
public final class Ridders {

    private static final double SHRINK = 1.4;
    private static final int TABLE = 10;
    private static final double SAFE = 2.0;
    /** The factor between the initial steps the automatic step choice tries. */
    private static final double STEP_DIVISOR = 10;

    /**
     * @param value     the extrapolated derivative
     * @param error     the estimated absolute error
     * @param step      the step of the chosen tableau entry
     */
    public record Estimate(double value, double error, double step) {
    }

    /**
     * An estimate in a field.
     *
     * @param <T>   the field's element type
     * @param value the extrapolated derivative
     * @param error the estimated absolute error
     * @param step  the step of the chosen tableau entry
     */
    public record FieldEstimate<T>(T value, double error, double step) {
    }

    private Ridders() {
    }

    /**
     * The derivative of f at 0 from steps h, h/1.4, h/1.4², ….
     *
     * @param f the function of the step
     * @param h the initial step, positive
     * @return the estimate with the smallest error in the tableau
     */
    public static Estimate derivative(DoubleUnaryOperator f, double h) {
        return inDouble(derivative(inBinary64(f), new Binary64(h)));
    }

    /**
     * The estimate with the smallest error over initial steps h, h/10, …, h/10^{tries−1}: the
     * automatic step choice. Steps at which f fails (leaves its domain, meets a degenerate
     * spectrum) are skipped.
     *
     * @param f     the function of the step
     * @param h     the largest initial step, positive
     * @param tries how many initial steps to try
     * @return the best estimate
     * @throws ArithmeticException when f fails at every step
     */
    public static Estimate derivativeAutoStep(DoubleUnaryOperator f, double h, int tries) {
        return inDouble(derivativeAutoStep(inBinary64(f), new Binary64(h), tries, 0));
    }

    /**
     * {@link #derivative(DoubleUnaryOperator, double)} in a field.
     *
     * @param <T> the field's element type
     * @param f   the function of the step
     * @param h   the initial step, positive
     * @return the estimate with the smallest error in the tableau
     */
    public static <T extends CalculusFieldElement<T>> FieldEstimate<T> derivative(UnaryOperator<T> f, T h) {
        if (!(h.getReal() > 0) || Double.isInfinite(h.getReal())) {
            throw new IllegalArgumentException("Ridders: initial step must be positive and finite, got " + h);
        }
        T[][] a = MathArrays.buildArray(h.getField(), TABLE, TABLE);
        T hh = h;
        a[0][0] = central(f, hh);
        FieldEstimate<T> best = new FieldEstimate<>(a[0][0], Double.POSITIVE_INFINITY, hh.getReal());
        for (int i = 1; i < TABLE; i++) {
            hh = hh.divide(SHRINK);
            a[0][i] = central(f, hh);
            double factor = SHRINK * SHRINK;
            for (int j = 1; j <= i; j++) {
                a[j][i] = a[j - 1][i].multiply(factor).subtract(a[j - 1][i - 1]).divide(factor - 1);
                factor *= SHRINK * SHRINK;
                double err = Math.max(a[j][i].subtract(a[j - 1][i]).abs().getReal(),
                        a[j][i].subtract(a[j - 1][i - 1]).abs().getReal());
                if (err <= best.error()) {
                    best = new FieldEstimate<>(a[j][i], err, hh.getReal());
                }
            }
            if (a[i][i].subtract(a[i - 1][i - 1]).abs().getReal() >= SAFE * best.error()) {
                break;
            }
        }
        return best;
    }

    /**
     * {@link #derivativeAutoStep(DoubleUnaryOperator, double, int)} in a field, stopping at the
     * first estimate whose error is at most {@code acceptable}.
     *
     * @param <T>        the field's element type
     * @param f          the function of the step
     * @param h          the largest initial step, positive
     * @param tries      how many initial steps to try
     * @param acceptable an error small enough to stop at (0: try every step)
     * @return the best estimate
     * @throws ArithmeticException when f fails at every step
     */
    public static <T extends CalculusFieldElement<T>> FieldEstimate<T> derivativeAutoStep(UnaryOperator<T> f, T h,
            int tries, double acceptable) {
        FieldEstimate<T> best = null;
        RuntimeException failure = null;
        T start = h;
        for (int t = 0; t < tries; t++, start = start.divide(STEP_DIVISOR)) {
            try {
                FieldEstimate<T> e = derivative(f, start);
                if (Double.isFinite(e.value().getReal()) && (best == null || e.error() < best.error())) {
                    best = e;
                }
            } catch (IllegalArgumentException | ArithmeticException ex) {
                failure = ex;
            }
            if (best != null && best.error() <= acceptable) {
                break;
            }
        }
        if (best == null) {
            throw new ArithmeticException("finite differences failed at every step from " + h.getReal()
                    + (failure == null ? "" : ": " + failure.getMessage()));
        }
        return best;
    }

    private static <T extends CalculusFieldElement<T>> T central(UnaryOperator<T> f, T h) {
        return f.apply(h).subtract(f.apply(h.negate())).divide(h.multiply(2));
    }

    private static UnaryOperator<Binary64> inBinary64(DoubleUnaryOperator f) {
        return h -> new Binary64(f.applyAsDouble(h.getReal()));
    }

    private static Estimate inDouble(FieldEstimate<Binary64> e) {
        return new Estimate(e.value().getReal(), e.error(), e.step());
    }
}
