package org.mbp.scene;

/**
 * The dead-leaves size law: radius density proportional to r^−3 on [min, max], the
 * scale-invariant exponent of Lee, Mumford and Huang (2001). The distribution function is
 * F(r) = (min^−2 − r^−2) / (min^−2 − max^−2); {@link #sample} inverts it.
 */
public record RadiusLaw(double min, double max) {

    /**
     * Checks 0 &lt; min ≤ max, both finite.
     *
     * @param min the minimum
     * @param max the maximum
     */
    public RadiusLaw {
        if (!(min > 0 && min <= max && max < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("leaf radii need 0 < min ≤ max < ∞, got [" + min + ", " + max + "]");
        }
    }

    /**
     * The probability that a radius is at most r.
     *
     * @param r the row
     * @return the probability that a radius is at most r
     */
    public double cdf(double r) {
        if (r <= min) {
            return 0;
        }
        if (r >= max) {
            return 1;
        }
        return (1 / (min * min) - 1 / (r * r)) / (1 / (min * min) - 1 / (max * max));
    }

    /**
     * The radius whose distribution function is u, for u in [0, 1]: a sample when u is uniform.
     *
     * @param u the vector u
     * @return the radius whose distribution function is u, for u in [0, 1]: a sample when u is
     *         uniform
     */
    public double sample(double u) {
        double inverseSquare = 1 / (min * min) - u * (1 / (min * min) - 1 / (max * max));
        return Math.min(max, Math.max(min, 1 / Math.sqrt(inverseSquare)));
    }
}
