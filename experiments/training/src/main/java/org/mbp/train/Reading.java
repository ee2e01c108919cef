package org.mbp.train;

/**
 * One monitored quantity of one training example, and how an epoch aggregates it: the mean
 * (loss, accuracy, gradient norm, J, rank) or the extreme (eigenvalue range).
 */
public record Reading(String name, Aggregate aggregate, double value) {

    /** How the readings of an epoch are combined. */
    public enum Aggregate { MEAN, MIN, MAX }

    public static Reading mean(String name, double value) {
        return new Reading(name, Aggregate.MEAN, value);
    }

    public static Reading min(String name, double value) {
        return new Reading(name, Aggregate.MIN, value);
    }

    public static Reading max(String name, double value) {
        return new Reading(name, Aggregate.MAX, value);
    }
}
