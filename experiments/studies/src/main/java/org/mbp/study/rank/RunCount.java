package org.mbp.study.rank;

/** How many of some runs did something. */
public record RunCount(long did, long of) {

    @Override
    public String toString() {
        return did + " of " + of;
    }
}
