package org.mbp.train;

/**
 * One monitored quantity of one training example, and how an epoch aggregates it: the mean
 * (loss, accuracy, gradient norm, J, rank) or the extreme (eigenvalue range).
 */
public record Reading(String name, Aggregate aggregate, double value) {

    /** How the readings of an epoch are combined. */
    public enum Aggregate {
        /** The mean over the epoch. */
        MEAN,
        /** The minimum over the epoch. */
        MIN,
        /** The maximum over the epoch. */
        MAX
    }

    /**
     * A reading aggregated as the mean.
     *
     * @param name the name
     * @param value the value
     * @return a reading aggregated as the mean
     */
    public static Reading mean(String name, double value) {
        return new Reading(name, Aggregate.MEAN, value);
    }

    /**
     * A reading aggregated as the minimum.
     *
     * @param name the name
     * @param value the value
     * @return a reading aggregated as the minimum
     */
    public static Reading min(String name, double value) {
        return new Reading(name, Aggregate.MIN, value);
    }

    /**
     * A reading aggregated as the maximum.
     *
     * @param name the name
     * @param value the value
     * @return a reading aggregated as the maximum
     */
    public static Reading max(String name, double value) {
        return new Reading(name, Aggregate.MAX, value);
    }
}
