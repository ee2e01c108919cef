package org.mbp.study.gap;

import java.util.Map;
import org.mbp.study.Study;

/**
 * Study 2: the blow-up of K̃ (eq. 34) as two eigenvalues approach ({@link GapGrid}), the ε/gap law
 * it implies for the paper's EIG derivative, and what the stabilisations of K̃ trade for it
 * ({@link GapClaim}).
 */
public final class GapStudy {

    /** The study's name. */
    public static final String NAME = "gap";

    private GapStudy() {
    }

    /**
     * The study on the grid of these parameters.
     *
     * @param parameters the parameters
     * @return the study on the grid of these parameters
     */
    public static Study<GapPoint, GapRow> create(Map<String, Object> parameters) {
        GapGrid grid = new GapGrid(parameters);
        return new Study<>(NAME, "Eigenvalue-gap blow-up in K̃ and its stabilisations", parameters, grid,
                new GapClaim(grid), GapRow.class);
    }
}
