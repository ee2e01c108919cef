package org.mbp.function;

/** Where a spectral function and its derivative are finite. */
public enum Domain {
    /** Every real number. */
    ALL,
    /** Strictly positive numbers (log, sqrt's derivative, real powers). */
    POSITIVE;

    /**
     * Whether {@code x} lies in the domain.
     *
     * @param x the input
     * @return whether {@code x} lies in the domain
     */
    public boolean contains(double x) {
        return this == ALL ? Double.isFinite(x) : x > 0 && Double.isFinite(x);
    }
}
