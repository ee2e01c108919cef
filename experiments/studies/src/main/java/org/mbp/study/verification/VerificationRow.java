package org.mbp.study.verification;

import org.mbp.backend.Precision;
import org.mbp.run.Labelled;

/**
 * One check of one layer: its value, its threshold (NaN where the value is reported, not
 * checked), whether it passed, and the smallest relative gap and largest |K̃| of the layer's input.
 *
 * @param reference where the paper gives the layer's derivative
 */
public record VerificationRow(int cell, String layer, String reference, Check check, Precision precision,
        double value, double threshold, boolean passed, double minRelativeGap, double maxAbsK) {

    /**
     * The check and precision, as {@code summary.json} names the value, e.g. {@code dot_product/double}.
     *
     * @return the check and precision, as {@code summary.json} names the value, e.g. {@code
     *         dot_product/double}
     */
    public String measure() {
        return Labelled.of(check) + "/" + Labelled.of(precision);
    }
}
