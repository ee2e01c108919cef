package org.mbp.backend;

/** Floating-point precision of a backend, with its unit roundoff. */
public enum Precision {
    /** IEEE binary64. */
    DOUBLE(Math.ulp(1.0)),
    /** IEEE binary32: every stored value and every operation result is a float. */
    FLOAT(Math.ulp(1.0f));

    private final double epsilon;

    Precision(double epsilon) {
        this.epsilon = epsilon;
    }

    /**
     * Machine epsilon: the distance from 1 to the next larger representable number.
     *
     * @return machine epsilon: the distance from 1 to the next larger representable number
     */
    public double epsilon() {
        return epsilon;
    }

    /**
     * Lower-case name, as used on the command line.
     *
     * @return lower-case name, as used on the command line
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
