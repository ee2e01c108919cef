package org.mbp.study.rank;

import java.util.Map;
import org.mbp.study.Study;

/**
 * Study 4, Lemma 2 and eq. 66: gradient descent on features F for the losses J1 (eq. 50) and J2
 * (eq. 59) from initial ranks below, equal to and above the target's ({@link RankGrid}), and
 * whether Lemma 2, its corollary and the rank bound hold along the way ({@link RankClaim}).
 */
public final class RankStudy {

    /** The study's name. */
    public static final String NAME = "rank";

    private RankStudy() {
    }

    /**
     * The study on the grid of these parameters.
     *
     * @param parameters the parameters
     * @return the study on the grid of these parameters
     */
    public static Study<RankPoint, RankRow> create(Map<String, Object> parameters) {
        RankGrid grid = new RankGrid(parameters);
        return new Study<>(NAME, "Rank behaviour under J1 and J2 (Lemma 2, eq. 66)", parameters, grid,
                new RankClaim(grid), RankRow.class);
    }
}
