package org.mbp.study.gap;

/** A point of the gap grid: the relative gap g of the two middle eigenvalues. */
public record GapPoint(double gap) {

    /**
     * Whether this is the gap {@code g} (equal on a log scale to rounding).
     *
     * @param g the scalar function g
     * @return whether this is the gap {@code g} (equal on a log scale to rounding)
     */
    public boolean at(double g) {
        return Math.abs(Math.log10(gap) - Math.log10(g)) < 1e-9;
    }
}
