package org.mbp.backend;

/**
 * The parallel (round-robin, "circle method") cyclic Jacobi ordering of Brent and Luk, "The
 * solution of singular-value and symmetric eigenvalue problems on multiprocessor arrays", SIAM J.
 * Sci. Stat. Comput. 6 (1985): a sweep over order d visits each of the d(d−1)/2 index pairs once,
 * in rounds of disjoint pairs that can be rotated at the same time.
 *
 * <p>Let n' be d rounded up to even (index d is a dummy when d is odd). A sweep has n'−1 rounds
 * of n'/2 pairs; pair 0 of round r is (n'−1, r), pair i ≥ 1 is ((r+i) mod (n'−1),
 * (r−i+n'−1) mod (n'−1)), each ordered so that p &lt; q. A pair whose {@link #second} equals d
 * involves the dummy and is skipped. The Jacobi methods of the high-precision backend and of the
 * GPU kernels ({@code cuda/src/main/cuda/jacobi.cu}) use it.
 */
public final class RoundRobinOrdering {

    private final int order;
    private final int padded;

    /**
     * The ordering over indices 0..order−1.
     *
     * @param order the order
     * @throws IllegalArgumentException if order &lt; 1
     */
    public RoundRobinOrdering(int order) {
        if (order < 1) {
            throw new IllegalArgumentException("RoundRobinOrdering: order " + order + " < 1");
        }
        this.order = order;
        this.padded = order + (order & 1);
    }

    /**
     * The number of indices d.
     *
     * @return the number of indices d
     */
    public int order() {
        return order;
    }

    /**
     * d rounded up to even, n'.
     *
     * @return d rounded up to even, n'
     */
    public int paddedOrder() {
        return padded;
    }

    /**
     * Rounds per sweep, n' − 1.
     *
     * @return the rounds
     */
    public int rounds() {
        return padded - 1;
    }

    /**
     * Pairs per round, n'/2 (including the one with the dummy index when d is odd).
     *
     * @return the pairs per round
     */
    public int pairsPerRound() {
        return padded / 2;
    }

    /**
     * The smaller index p of pair {@code index} in round {@code round}.
     *
     * @param round the round
     * @param index the index
     * @return the smaller index p of pair {@code index} in round {@code round}
     */
    public int first(int round, int index) {
        return Math.min(left(round, index), right(round, index));
    }

    /**
     * The larger index q of pair {@code index} in round {@code round}; equals d for the dummy.
     *
     * @param round the round
     * @param index the index
     * @return the larger index q of pair {@code index} in round {@code round}; equals d for the
     *         dummy
     */
    public int second(int round, int index) {
        return Math.max(left(round, index), right(round, index));
    }

    /**
     * Whether pair {@code index} of round {@code round} involves the dummy index (odd d).
     *
     * @param round the round
     * @param index the index
     * @return whether pair {@code index} of round {@code round} involves the dummy index (odd d)
     */
    public boolean isDummy(int round, int index) {
        return second(round, index) >= order;
    }

    private int left(int round, int index) {
        check(round, index);
        return index == 0 ? padded - 1 : (round + index) % (padded - 1);
    }

    private int right(int round, int index) {
        return index == 0 ? round : (round - index + padded - 1) % (padded - 1);
    }

    private void check(int round, int index) {
        if (round < 0 || round >= rounds() || index < 0 || index >= pairsPerRound()) {
            throw new IllegalArgumentException("RoundRobinOrdering: no pair " + index + " in round "
                    + round + " for order " + order);
        }
    }
}
