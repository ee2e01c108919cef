package org.mbp.study.rank;

/**
 * One iterate of a descent: the loss J, the numerical rank of W (of Π_M for J1) and of the
 * target, the spectral-norm distance ‖Π − Π_target‖₂, whether Lemma 2's premise (distance below
 * 1) holds, whether Lemma 2, its corollary (J below ½ ⇒ equal ranks) or the bound
 * J ≥ ½ |rank − k| is violated, and the step length taken to reach it.
 */
public record RankRow(int cell, RankPoint point, int iteration, double j, int rank, int targetRank, double distance,
        boolean premise, boolean lemma2Violation, boolean corollaryViolation, boolean boundViolation, double step) {

    /**
     * Whether the iterate has the target's rank.
     *
     * @return whether the iterate has the target's rank
     */
    public boolean atTargetRank() {
        return rank == targetRank;
    }
}
