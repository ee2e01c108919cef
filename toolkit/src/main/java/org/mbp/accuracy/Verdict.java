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

    /**
     * Whether the verdict is acceptable behaviour for a layer.
     *
     * @return whether the verdict is acceptable behaviour for a layer
     */
    public boolean passing() {
        return passing;
    }

    /**
     * The word users see.
     *
     * @return the word users see
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * The bound {@code 10³ ε A} of the verdicts.
     *
     * @param epsilon       the precision's machine epsilon
     * @param amplification A, the amplification the theory predicts
     * @return the largest relative error that is not inaccurate
     */
    public static double bound(double epsilon, double amplification) {
        return 1e3 * epsilon * amplification;
    }

    /**
     * The verdict of a relative error against the bound {@code 10³ ε A}.
     *
     * @param error {@code ‖g − g_ref‖ / ‖g_ref‖} (NaN unless measured)
     * @param epsilon the precision's machine epsilon
     * @param amplification A of the verdict's bound {@code 10³ ε A} (see {@link Verdict})
     * @return the verdict of a relative error against the bound {@code 10³ ε A}
     */
    public static Verdict of(double error, double epsilon, double amplification) {
        if (!Double.isFinite(error)) {
            return FAILED;
        }
        if (error > bound(epsilon, amplification)) {
            return INACCURATE;
        }
        return error <= 1e-2 ? ACCURATE : ILL_CONDITIONED;
    }
}
