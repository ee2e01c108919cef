package org.mbp.study.svdeig;

/** The shape of the m × d features F. */
public enum Shape {
    /** m = d + 2: FᵀF has full rank. */
    TALL,
    /**
     * m = ⌈0.66 d⌉ &lt; d, the AlexNet conv5 aspect: FᵀF + εI has d − m eigenvalues tied at ε.
     */
    WIDE;

    /**
     * The number of rows m of F with d columns.
     *
     * @param d the dimension d
     * @return the number of rows m of F with d columns
     */
    public int rows(int d) {
        return this == TALL ? d + 2 : (int) Math.ceil(0.66 * d);
    }
}
