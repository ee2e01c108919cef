package org.mbp.study.svdeig;

import java.util.Map;
import org.mbp.study.Study;

/**
 * Study 1, paper §7.1: "numerical experiments favor the formulation using SVD". The gradient of
 * {@code L = ⟨G, log(FᵀF + εI)⟩} with respect to F by DeepO₂P-SVD, DeepO₂P-EIG (both in the
 * paper's form) and the gap-stable form ({@link SvdVsEigGrid}), and whether the SVD route is the
 * more accurate one ({@link SvdVsEigClaim}).
 */
public final class SvdVsEigStudy {

    /** The study's name. */
    public static final String NAME = "svd-vs-eig";

    private SvdVsEigStudy() {
    }

    /**
     * The study on the grid of these parameters.
     *
     * @param parameters the parameters
     * @return the study on the grid of these parameters
     */
    public static Study<SvdVsEigPoint, SvdVsEigRow> create(Map<String, Object> parameters) {
        return new Study<>(NAME, "SVD against EIG: DeepO₂P derivative stability (paper §7.1)",
                parameters, new SvdVsEigGrid(parameters), new SvdVsEigClaim(), SvdVsEigRow.class);
    }
}
