package org.mbp.study.verification;

import java.util.Map;
import org.mbp.study.Study;
import org.mbp.verify.CatalogCheck;

/**
 * The first part of the report: every structured layer of the paper checked on seeded inputs
 * ({@link VerificationGrid}), and whether each passes every check ({@link VerificationClaim}).
 */
public final class VerificationStudy {

    /** The folder and step name. */
    public static final String NAME = "verification";

    private VerificationStudy() {
    }

    /**
     * The verification of every layer of the {@link CatalogCheck}.
     *
     * @return the verification of every layer of the {@link CatalogCheck}
     */
    public static Study<CatalogLayer, VerificationRow> create() {
        int layers = CatalogCheck.size();
        return new Study<>(NAME, "Gradient verification of every layer", Map.of("layers", layers),
                new VerificationGrid(layers), new VerificationClaim(), VerificationRow.class);
    }
}
