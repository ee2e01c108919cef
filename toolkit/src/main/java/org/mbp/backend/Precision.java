package org.mbp.backend;

/** Floating-point precision of a backend, with its unit roundoff. */
public enum Precision {
    /** IEEE binary64. */
    DOUBLE(Math.ulp(1.0), Double.MAX_VALUE, Double.MIN_NORMAL),
    /** IEEE binary32: every stored value and every operation result is a float. */
    FLOAT(Math.ulp(1.0f), Float.MAX_VALUE, Float.MIN_NORMAL);

    private final double epsilon;
    private final double largest;
    private final double smallestNormal;

    Precision(double epsilon, double largest, double smallestNormal) {
        this.epsilon = epsilon;
        this.largest = largest;
        this.smallestNormal = smallestNormal;
    }

    /**
     * The largest finite number.
     *
     * @return the largest finite number of this precision
     */
    public double largest() {
        return largest;
    }

    /**
     * The smallest positive normal number: below it, relative precision is lost.
     *
     * @return the smallest positive normal number of this precision
     */
    public double smallestNormal() {
        return smallestNormal;
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
