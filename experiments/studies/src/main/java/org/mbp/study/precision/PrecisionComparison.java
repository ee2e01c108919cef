package org.mbp.study.precision;

/** The errors of one input in two precisions, where both were measured and the second's is positive. */
public record PrecisionComparison(PrecisionPoint point, double over, double under) {

    /**
     * error(over) / error(under).
     *
     * @return error(over) / error(under)
     */
    public double ratio() {
        return over / under;
    }
}
