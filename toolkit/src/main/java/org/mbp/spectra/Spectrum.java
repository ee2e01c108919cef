package org.mbp.spectra;

import java.util.Arrays;

/**
 * A prescribed spectrum (eigenvalues or singular values, in descending order) with a short
 * label. Relative gaps are measured against the largest value, as in the layers' diagnostics.
 */
public record Spectrum(String label, double[] values) {

    /**
     * Copies the values and checks that they are finite.
     *
     * @param label the label
     * @param values the values
     */
    public Spectrum {
        values = values.clone();
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("spectrum " + label + ": non-finite value " + v);
            }
        }
    }

    /**
     * The number of values.
     *
     * @return the number of values
     */
    public int size() {
        return values.length;
    }

    /**
     * {@code n, n−1, …, 1}: every relative gap at least 1/n.
     *
     * @param n the size
     * @return {@code n, n−1, …, 1}: every relative gap at least 1/n
     */
    public static Spectrum separated(int n) {
        requireSize(n, 1);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = n - i;
        }
        return new Spectrum("separated", v);
    }

    /**
     * Geometric decay from 1 to {@code 1/conditionNumber}.
     *
     * @param n the size
     * @param conditionNumber {@code largest / smallest} (infinite when the smallest is zero)
     * @return geometric decay from 1 to {@code 1/conditionNumber}
     */
    public static Spectrum geometric(int n, double conditionNumber) {
        requireSize(n, 2);
        if (!(conditionNumber >= 1)) {
            throw new IllegalArgumentException("condition number must be ≥ 1, got " + conditionNumber);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.pow(conditionNumber, -(double) i / (n - 1));
        }
        return new Spectrum("geometric(κ=" + conditionNumber + ")", v);
    }

    /**
     * {@link #separated} with its two middle values pulled together to a gap of
     * {@code relativeGap · n} (a relative gap of {@code relativeGap} against the largest value n).
     *
     * @param n the size
     * @param relativeGap the relative gap
     * @return {@link #separated} with its two middle values pulled together to a gap of {@code
     *         relativeGap · n} (a relative gap of {@code relativeGap} against the largest value n)
     */
    public static Spectrum clustered(int n, double relativeGap) {
        requireSize(n, 2);
        if (!(relativeGap > 0 && relativeGap < 1.0 / n)) {
            throw new IllegalArgumentException("relative gap must lie in (0, 1/n), got " + relativeGap);
        }
        double[] v = separated(n).values();
        int k = n / 2;
        v[k - 1] = v[k] + relativeGap * n;
        return new Spectrum("clustered(" + relativeGap + ")", v);
    }

    /**
     * {@link #separated} with its {@code count} smallest values set exactly equal to 1.
     *
     * @param n the size
     * @param count the count
     * @return {@link #separated} with its {@code count} smallest values set exactly equal to 1
     */
    public static Spectrum multiplicity(int n, int count) {
        requireSize(n, count);
        if (count < 2) {
            throw new IllegalArgumentException("a multiplicity needs at least 2 equal values, got " + count);
        }
        double[] v = separated(n).values();
        Arrays.fill(v, n - count, n, 1.0);
        return new Spectrum("multiplicity(" + count + ")", v);
    }

    /**
     * {@link #separated} values on the first {@code rank} positions, exact zeros after.
     *
     * @param n the size
     * @param rank the rank
     * @return {@link #separated} values on the first {@code rank} positions, exact zeros after
     */
    public static Spectrum rankDeficient(int n, int rank) {
        requireSize(n, rank);
        if (rank < 1 || rank >= n) {
            throw new IllegalArgumentException("rank must lie in [1, n), got " + rank);
        }
        double[] v = new double[n];
        for (int i = 0; i < rank; i++) {
            v[i] = n - i;
        }
        return new Spectrum("rank(" + rank + ")", v);
    }

    /**
     * Each value plus a constant, e.g. the spectrum of {@code FᵀF + εI} from that of FᵀF.
     *
     * @param shift the shift
     * @return each value plus a constant, e.g. the spectrum of {@code FᵀF + εI} from that of FᵀF
     */
    public Spectrum shifted(double shift) {
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += shift;
        }
        return new Spectrum(label, v);
    }

    private static void requireSize(int n, int least) {
        if (n < Math.max(least, 1)) {
            throw new IllegalArgumentException("spectrum size must be ≥ " + Math.max(least, 1) + ", got " + n);
        }
    }

    @Override
    public String toString() {
        return label + Arrays.toString(values);
    }
}
