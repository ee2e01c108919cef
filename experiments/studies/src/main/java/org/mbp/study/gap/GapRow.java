package org.mbp.study.gap;

/**
 * One gradient of one input by one method: its error in double against the exact gradient, its
 * bias (the method's own error, in high precision; 0 for the exact methods), the error bound the
 * method predicts ({@link org.mbp.layer.ErrorBound}; NaN for the stabilised kernels, whose bias
 * the bound does not describe), the largest |K̃_ij| and the smallest relative gap of the input.
 *
 * @param method the K̃ variant's label ({@link org.mbp.spectral.GapKernel#label()}), or
 *     {@value GapGrid#DIVIDED_DIFFERENCES}
 */
public record GapRow(int cell, GapPoint point, int sample, Loss loss, String method, double error, double bias, double errorBound,
        double maxAbsK, double minRelativeGap) {
}
