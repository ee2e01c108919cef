package org.mbp.accuracy;

/**
 * How a gradient compares with the high-precision reference, given the input's conditioning.
 * The bound is {@code 10³ · ε · A}, A the amplification the theory predicts: the effective
 * condition number, times 1/(smallest relative gap) for a form that divides by gaps (the paper's
 * K and K̃).
 */
public enum Verdict {
    /** Within the bound and below 1e-2: a usable gradient. */
    ACCURATE(true),
    /** Within the bound but above 1e-2: as bad as the conditioning predicts, so unusable. */
    ILL_CONDITIONED(true),
    /** Above the bound: worse than the conditioning explains (an unstable formula or a bug). */
    INACCURATE(false),
    /** The layer refused the input with a documented error (a tie, a rank deficiency). */
    REFUSED(true),
    /** An undocumented exception or a non-finite gradient. */
    FAILED(false);

    private final boolean passing;

    Verdict(boolean passing) {
        this.passing = passing;
    }

    /** Whether the verdict is acceptable behaviour for a layer. */
    public boolean passing() {
        return passing;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * The verdict of a label ({@link #label()}, any case).
     *
     * @throws IllegalArgumentException naming the label and the known ones when it is none of them
     */
    public static Verdict ofLabel(String label) {
        for (Verdict v : values()) {
            if (v.label().equalsIgnoreCase(label)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict '" + label + "' (known: "
                + java.util.Arrays.stream(values()).map(Verdict::label).toList() + ")");
    }

    /** The verdict of a relative error against the bound {@code 10³ ε A}. */
    public static Verdict of(double error, double epsilon, double amplification) {
        if (!Double.isFinite(error)) {
            return FAILED;
        }
        if (error > 1e3 * epsilon * amplification) {
            return INACCURATE;
        }
        return error <= 1e-2 ? ACCURATE : ILL_CONDITIONED;
    }
}
