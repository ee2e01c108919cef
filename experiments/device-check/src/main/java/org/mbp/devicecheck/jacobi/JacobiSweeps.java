package org.mbp.devicecheck.jacobi;

import org.mbp.backend.RoundRobinOrdering;

/**
 * The cyclic sweep loop both Jacobi references share, as the kernels' blocks run it: per round of
 * {@link RoundRobinOrdering}, first every pair's rotation from the current matrix (phase 1), then
 * their application (phases 2 and 3), until a sweep rotates nothing or the sweep limit is reached.
 */
final class JacobiSweeps {

    /** Phase 1 for one pair (p &lt; q): whether to rotate, with (c, s) written to {@code cs}. */
    @FunctionalInterface
    interface PairRotation {
        boolean compute(int p, int q, double[] cs);
    }

    /** Phases 2 and 3: apply the rotations of the round's first {@code pairs} pairs where {@code rotate[k]}. */
    @FunctionalInterface
    interface RoundUpdate {
        void apply(Round round);
    }

    /** One round's pairs and rotations. */
    record Round(int pairs, int[] p, int[] q, double[] c, double[] s, boolean[] rotate) {
    }

    private JacobiSweeps() {
    }

    /**
     * Sweeps over indices 0..order−1; returns the sweeps run when the last rotated nothing
     * (converged), else {@code −maxSweeps}.
     */
    static int run(int order, int maxSweeps, PairRotation rotation, RoundUpdate update) {
        RoundRobinOrdering ordering = new RoundRobinOrdering(order);
        int pairs = ordering.pairsPerRound();
        Round round = new Round(pairs, new int[pairs], new int[pairs], new double[pairs], new double[pairs],
                new boolean[pairs]);
        double[] cs = new double[2];
        for (int sweep = 1; sweep <= maxSweeps; sweep++) {
            boolean any = false;
            for (int r = 0; r < ordering.rounds(); r++) {
                for (int k = 0; k < pairs; k++) {
                    int p = ordering.first(r, k);
                    int q = ordering.second(r, k);
                    round.p()[k] = p;
                    round.q()[k] = q;
                    boolean rotate = q < order && rotation.compute(p, q, cs);
                    round.rotate()[k] = rotate;
                    if (rotate) {
                        round.c()[k] = cs[0];
                        round.s()[k] = cs[1];
                        any = true;
                    }
                }
                update.apply(round);
            }
            if (!any) {
                return sweep;
            }
        }
        return -maxSweeps;
    }

    /** Fails unless {@code batch} and {@code maxSweeps} are at least 1, naming {@code owner}. */
    static void requireBatch(String owner, int batch, int maxSweeps) {
        if (batch < 1 || maxSweeps < 1) {
            throw new IllegalArgumentException(owner + ": batch " + batch + " and maxSweeps " + maxSweeps
                    + " must be ≥ 1");
        }
    }

    /** Fails unless array {@code name} of {@code owner} has {@code expected} entries. */
    static void requireLength(String owner, String name, int length, long expected) {
        if (length != expected) {
            throw new IllegalArgumentException(owner + ": " + name + " has " + length + " entries, expected "
                    + expected);
        }
    }
}
