package org.mbp.layer;

/**
 * A backward pass that would divide by a zero gap or a zero singular value. It names the stage,
 * the indices and the values, instead of letting an infinity or NaN into the gradient.
 */
public class DegenerateSpectrumException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    private final String stage;
    private final int first;
    private final int second;

    public DegenerateSpectrumException(String stage, int first, int second, String message) {
        super(message);
        this.stage = stage;
        this.first = first;
        this.second = second;
    }

    /** Raised when two values of a spectrum coincide and the formula divides by their gap. */
    public static DegenerateSpectrumException tie(SpectrumDiagnostics d, String kernel) {
        return new DegenerateSpectrumException(d.stage(), d.gapLow(), d.gapHigh(), String.format(
                "degenerate spectrum in %s: %s %d and %d are %s (gap %.3g, relative gap %.3g), so %s"
                        + " is not finite; the gap-stable form of a matrix-function layer handles ties",
                d.stage(), d.quantity(), d.gapLow(), d.gapHigh(),
                d.minGap() == 0 ? "equal" : "too close", d.minGap(), d.minRelativeGap(), kernel));
    }

    public String stage() {
        return stage;
    }

    /** Index of the first offending value. */
    public int first() {
        return first;
    }

    /** Index of the second offending value (equal to {@link #first()} for a single value). */
    public int second() {
        return second;
    }
}
