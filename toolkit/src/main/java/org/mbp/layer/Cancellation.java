package org.mbp.layer;

import java.util.ArrayList;
import java.util.List;
import org.mbp.backend.BatchOps;

/**
 * What the paper's matrix-function layers (Props. 3 and 4) hand to the gap division of the SVD
 * or EIG layer before them. Their adjoints give that layer terms {@code g(λ_j)·K_ij} and
 * {@code g(λ_i)·K_ij}, which the symmetric part of eqs. 35 and 16–17 subtracts to the divided
 * difference {@code (g(λ_j) − g(λ_i))·K_ij}; in floating point the two terms are formed and
 * multiplied by the factors before they cancel, so their rounding, ε times their size, reaches
 * every entry of the gradient. Their size relative to the largest |g| is
 * {@code w_ij/relgap_ij}: the weight {@code w_ij = (|g_i| + |g_j|)/(2 max|g|)} ≤ 1 times the
 * inverse relative gap {@code v_max/|v_i − v_j|} of the values K divides by (σ for K of eq. 13,
 * λ for K̃ of eq. 34). Where g vanishes (log at 1) a tiny gap costs nothing; where it does not
 * (log at a cluster at ε) the whole inverse gap counts.
 *
 * @param stage              the matrix-function layer
 * @param weightedInverseGap the largest {@code w_ij/relgap_ij} over the pairs K covers (infinite
 *                           for equal values with a non-zero weight)
 * @param nullSpace          whether the function reads eigenvectors beyond the singular values K
 *                           pairs: the U₂ block of a wide DeepO₂P-SVD, which reaches the gradient
 *                           through Σ_n⁻¹ (eqs. 14, 17)
 */
public record Cancellation(String stage, double weightedInverseGap, boolean nullSpace) {

    /**
     * The cancellation of each example of a batch: {@code values} and {@code g} hold the
     * {@code batch} examples' values one example after another, and each example's first
     * {@code paired} values are paired as in {@link #of}.
     *
     * @param stage  the stage
     * @param values the values K divides by, every example's
     * @param g      g of the eigenvalues, every example's
     * @param batch  the number of examples
     * @param paired the number of values of one example paired
     * @return the diagnostics with one cancellation per example, in order
     */
    public static Diagnostics ofEach(String stage, double[] values, double[] g, int batch, int paired) {
        List<double[]> v = BatchOps.examples(values, batch);
        List<double[]> w = BatchOps.examples(g, batch);
        List<Cancellation> out = new ArrayList<>(batch);
        for (int e = 0; e < batch; e++) {
            out.add(of(stage, v.get(e), w.get(e), paired));
        }
        return new Diagnostics(List.of(), out);
    }

    /**
     * The cancellation over the pairs among the first {@code paired} values.
     *
     * @param stage  the matrix-function layer, for messages
     * @param values the values K divides by (σ or λ), at least {@code paired} of them
     * @param g      the function's values g(λ), in the same order, possibly more than
     *               {@code paired} (the null space of a wide F)
     * @param paired the number of values K pairs
     * @return the largest weighted inverse gap, and whether g reaches beyond the paired values
     */
    public static Cancellation of(String stage, double[] values, double[] g, int paired) {
        double scale = 0;
        double gMax = 0;
        for (int i = 0; i < paired; i++) {
            scale = Math.max(scale, Math.abs(values[i]));
            gMax = Math.max(gMax, Math.abs(g[i]));
        }
        double worst = 0;
        for (int i = 0; i < paired && gMax > 0; i++) {
            for (int j = i + 1; j < paired; j++) {
                double weight = (Math.abs(g[i]) + Math.abs(g[j])) / (2 * gMax);
                double gap = Math.abs(values[i] - values[j]);
                if (weight > 0) {
                    worst = Math.max(worst, gap > 0 ? weight * scale / gap : Double.POSITIVE_INFINITY);
                }
            }
        }
        return new Cancellation(stage, worst, paired < g.length);
    }
}
