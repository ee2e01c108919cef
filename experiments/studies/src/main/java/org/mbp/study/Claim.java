package org.mbp.study;

import java.util.List;

/**
 * The claim a study checks, of the paper or of numerical analysis, and how the rows of the whole
 * grid are summarised into what was found.
 *
 * @param <R> a measurement
 */
public interface Claim<R extends Record> {

    /**
     * The claim, in a sentence or two, for the report.
     *
     * @return the claim, in a sentence or two, for the report
     */
    String statement();

    /**
     * What the rows of every cell (in cell order) show about the claim.
     *
     * @param rows the number of rows
     * @return what the rows of every cell (in cell order) show about the claim
     */
    Finding check(List<R> rows);
}
