package org.mbp.layer;

/**
 * A backward pass that would divide by a zero gap or a zero singular value. It names the stage,
 * the indices and the values, instead of letting an infinity or NaN into the gradient.
 */
public class DegenerateSpectrumException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    /** The stage of the layer whose spectrum is degenerate. */
    private final String stage;
    /** Index of the first of the coinciding values. */
    private final int first;
    /** Index of the second of the coinciding values. */
    private final int second;

    /**
     * A degenerate spectrum at {@code stage}: values {@code first} and {@code second} coincide.
     *
     * @param stage the stage
     * @param first the first
     * @param second the second
     * @param message the message
     */
    public DegenerateSpectrumException(String stage, int first, int second, String message) {
        super(message);
        this.stage = stage;
        this.first = first;
        this.second = second;
    }

    /**
     * Raised when two values of a spectrum coincide and the formula divides by their gap.
     *
     * @param d the dimension d
     * @param kernel the kernel
     * @return raised when two values of a spectrum coincide and the formula divides by their gap
     */
    public static DegenerateSpectrumException tie(SpectrumDiagnostics d, String kernel) {
        return new DegenerateSpectrumException(d.stage(), d.gapLow(), d.gapHigh(), String.format(
                "degenerate spectrum in %s: %s %d and %d are %s (gap %.3g, relative gap %.3g), so %s"
                        + " is not finite; the gap-stable form of a matrix-function layer handles ties",
                d.stage(), d.quantity(), d.gapLow(), d.gapHigh(),
                d.minGap() == 0 ? "equal" : "too close", d.minGap(), d.minRelativeGap(), kernel));
    }

    /**
     * The stage of the layer whose spectrum is degenerate.
     *
     * @return the stage of the layer whose spectrum is degenerate
     */
    public String stage() {
        return stage;
    }

    /**
     * Index of the first offending value.
     *
     * @return index of the first offending value
     */
    public int first() {
        return first;
    }

    /**
     * Index of the second offending value (equal to {@link #first()} for a single value).
     *
     * @return index of the second offending value (equal to {@link #first()} for a single value)
     */
    public int second() {
        return second;
    }
}
