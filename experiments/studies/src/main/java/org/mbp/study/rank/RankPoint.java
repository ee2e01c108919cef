package org.mbp.study.rank;

/** A point of the rank grid: one descent run, of a loss from features of an initial rank. */
public record RankPoint(Loss loss, int initialRank, int run) {
}
