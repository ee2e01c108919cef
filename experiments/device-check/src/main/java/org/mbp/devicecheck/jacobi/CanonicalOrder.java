package org.mbp.devicecheck.jacobi;

/**
 * The final sort and sign convention of both decompositions, as {@code stable_rank()} and
 * {@code canonical_sign()} in {@code jacobi.cu}; it agrees with
 * {@link org.mbp.backend.EjmlOps}: sorted stably, and in each vector the entry of largest
 * magnitude (the first one on ties) positive.
 */
final class CanonicalOrder {

    private CanonicalOrder() {
    }

    /**
     * perm[rank] = j: the stable rank of value j is #{i: v_i before v_j} + #{i &lt; j: v_i = v_j},
     * "before" meaning smaller (ascending) or larger (descending).
     */
    static int[] permutation(double[] values, boolean descending) {
        int n = values.length;
        int[] perm = new int[n];
        for (int j = 0; j < n; j++) {
            double x = values[j];
            int rank = 0;
            for (int i = 0; i < n; i++) {
                double y = values[i];
                boolean before = descending ? y > x : y < x;
                if (before || (y == x && i < j)) {
                    rank++;
                }
            }
            perm[rank] = j;
        }
        return perm;
    }

    /** ±1 making the entry of largest magnitude of {@code data[from..from+length)} positive. */
    static double sign(double[] data, int from, int length) {
        double largest = 0.0;
        for (int i = from; i < from + length; i++) {
            if (Math.abs(data[i]) > Math.abs(largest)) {
                largest = data[i];
            }
        }
        return largest < 0.0 ? -1.0 : 1.0;
    }
}
