package org.mbp.spectral;

/** Which derivative formula a matrix-function layer uses. */
public enum Form {
    /** The paper's: SVD/EIG layer (K, K̃ of eqs. 13, 34) composed with Prop. 3 or 4. */
    PAPER,
    /** Daleckii–Krein divided differences: no division by gaps, exact at ties. */
    STABLE;

    /**
     * The name users type and see.
     *
     * @return the name users type and see
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
