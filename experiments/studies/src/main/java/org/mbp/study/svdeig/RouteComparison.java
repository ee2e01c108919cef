package org.mbp.study.svdeig;

/** The errors of the SVD and the EIG route on one input where both returned a gradient. */
public record RouteComparison(SvdVsEigPoint point, double svd, double eig) {

    /**
     * error(EIG) / error(SVD).
     *
     * @return error(EIG) / error(SVD)
     */
    public double ratio() {
        return eig / svd;
    }
}
