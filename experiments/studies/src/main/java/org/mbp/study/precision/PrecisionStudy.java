package org.mbp.study.precision;

import java.util.Map;
import org.mbp.study.Study;

/**
 * Study 3, paper §7.1: "an implementation in single precision obtained a significantly less
 * accurate gradient". Every layer family in float, double and mixed precision
 * ({@link PrecisionGrid}), and whether float is significantly less accurate
 * ({@link PrecisionClaim}).
 */
public final class PrecisionStudy {

    /** The study's name. */
    public static final String NAME = "precision";

    private PrecisionStudy() {
    }

    /**
     * The study on the grid of these parameters.
     *
     * @param parameters the parameters
     * @return the study on the grid of these parameters
     */
    public static Study<PrecisionPoint, PrecisionRow> create(Map<String, Object> parameters) {
        return new Study<>(NAME, "Single against double precision (paper §7.1)", parameters,
                new PrecisionGrid(parameters), new PrecisionClaim(), PrecisionRow.class);
    }
}
