package org.mbp.study.svdeig;

/**
 * One gradient of one input by one route: its relative error against the high-precision
 * reference, the error bound the route predicts for it ({@link org.mbp.layer.ErrorBound}, NaN
 * where it refused), the smallest relative eigengap and condition number of FᵀF + εI, and a note where
 * the route refused the input.
 */
public record SvdVsEigRow(int cell, SvdVsEigPoint point, int sample, Route method, double error, double errorBound,
        double minRelativeGap, double condition, String note) {

    /**
     * Whether the route refused the input (a degenerate spectrum), so that no error was measured.
     *
     * @return whether the route refused the input (a degenerate spectrum), so that no error was
     *         measured
     */
    public boolean refused() {
        return note.startsWith("refused");
    }
}
