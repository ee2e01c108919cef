package org.mbp.study;

/** How big a study's grid is: quick (the report's default) or full (cluster scale). */
public enum Scale {
    QUICK, FULL;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
