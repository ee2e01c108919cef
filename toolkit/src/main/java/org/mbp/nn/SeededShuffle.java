package org.mbp.nn;

import java.util.SplittableRandom;

/**
 * The order in which an epoch visits the training examples: a Fisher–Yates permutation drawn
 * from {@code (seed, epoch)} alone, so a resumed run visits them in the same order as an
 * uninterrupted one.
 */
public final class SeededShuffle {

    private SeededShuffle() {
    }

    /**
     * A permutation of {@code 0..n-1} for this seed and epoch.
     *
     * @param n the size
     * @param seed the random seed
     * @param epoch the epoch
     * @return a permutation of {@code 0..n-1} for this seed and epoch
     */
    public static int[] permutation(int n, long seed, int epoch) {
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (epoch + 1)));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
