package org.mbp.study;

/** How big a study's grid is: quick (the report's default) or full (cluster scale). */
public enum Scale {
    /** A small grid that runs in minutes. */
    QUICK,
    /** The full grid. */
    FULL;

    /**
     * The name users type and see.
     *
     * @return the name users type and see
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
