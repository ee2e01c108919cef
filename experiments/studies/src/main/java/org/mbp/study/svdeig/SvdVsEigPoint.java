package org.mbp.study.svdeig;

/**
 * A point of the svd-vs-eig grid: F is d columns wide and tall or wide; FᵀF has a geometric
 * spectrum from 1 to 1/κ whose top two eigenvalues sit at relative gap g; ε is the regulariser.
 */
public record SvdVsEigPoint(int d, Shape shape, double kappa, double epsilon, double gap) {

    /**
     * Whether F is tall.
     *
     * @return whether F is tall
     */
    public boolean tall() {
        return shape == Shape.TALL;
    }
}
