package org.mbp.backend;

import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;

/**
 * The order and signs every backend gives its decompositions, so that backends of different
 * arithmetic, and the GPU kernels, return comparable factors: eigenvalues ascending, singular
 * values descending, and in each eigenvector, and in each right singular vector (with its left
 * partner), the entry of largest magnitude positive.
 *
 * <p>The rules are those of {@code stable_rank()} and {@code canonical_sign()} in
 * {@code cuda/src/main/cuda/jacobi.cu}. The sort is stable under IEEE comparison: equal values,
 * {@code −0.0} and {@code +0.0} among them, keep their index order. NaN, which the kernels never
 * see (they refuse non-finite input), comes after every number, NaNs in index order. The sign
 * looks at the entry of largest magnitude, the first one on ties (NaN entries never are), and is
 * +1 for a vector without a nonzero entry.
 */
public final class CanonicalOrder {

    /**
     * Eigenpairs of an order-n matrix.
     *
     * @param values  the n eigenvalues
     * @param vectors n×n row-major, column j the eigenvector of {@code values[j]}
     */
    public record Eigenpairs(double[] values, double[] vectors) {

        /**
         * The n eigenpairs of {@code value(j)} and {@code vector(j)} (its first n entries), j &lt; n.
         *
         * @param n the size
         * @param value the value
         * @param vector the vector
         * @return the n eigenpairs of {@code value(j)} and {@code vector(j)} (its first n entries),
         *         j &lt; n
         */
        public static Eigenpairs of(int n, IntToDoubleFunction value, IntFunction<double[]> vector) {
            double[] values = new double[n];
            double[] vectors = new double[n * n];
            for (int j = 0; j < n; j++) {
                values[j] = value.applyAsDouble(j);
                double[] v = vector.apply(j);
                for (int i = 0; i < n; i++) {
                    vectors[i * n + j] = v[i];
                }
            }
            return new Eigenpairs(values, vectors);
        }
    }

    /**
     * Where each of n eigenpairs goes in canonical order, and the sign its vector takes there
     * ({@link #eigenOrder}): column {@code col} of the canonical factors is pair {@code order[col]}
     * of the input, its vector multiplied by {@code signs[col]}.
     *
     * @param order the input pair at each canonical position
     * @param signs ±1, the sign of the vector at each canonical position
     */
    public record Arrangement(int[] order, double[] signs) {
    }

    private CanonicalOrder() {
    }

    /**
     * The stable ascending order: {@code perm[rank] = j}, the rank of value j being the number
     * of values smaller than it plus the number of equal ones before index j.
     *
     * @param values the values
     * @return the stable ascending order: {@code perm[rank] = j}, the rank of value j being the
     *         number of values smaller than it plus the number of equal ones before index j
     */
    public static int[] ascending(double[] values) {
        return permutation(values.length, j -> values[j], false);
    }

    /**
     * The stable descending order, as {@link #ascending} with "larger" for "smaller".
     *
     * @param values the values
     * @return the stable descending order, as {@link #ascending} with "larger" for "smaller"
     */
    public static int[] descending(double[] values) {
        return permutation(values.length, j -> values[j], true);
    }

    private static int[] permutation(int n, IntToDoubleFunction value, boolean descending) {
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (p, q) -> compare(value.applyAsDouble(p), value.applyAsDouble(q), descending));
        int[] perm = new int[n];
        for (int rank = 0; rank < n; rank++) {
            perm[rank] = order[rank];
        }
        return perm;
    }

    /** Negative when x comes before y, zero when they are equal (IEEE) or both NaN. */
    private static int compare(double x, double y, boolean descending) {
        boolean xNaN = Double.isNaN(x);
        boolean yNaN = Double.isNaN(y);
        if (xNaN || yNaN) {
            return Boolean.compare(xNaN, yNaN);
        }
        if (x == y) {
            return 0;
        }
        return (descending ? x > y : x < y) ? -1 : 1;
    }

    /**
     * ±1 making the entry of largest magnitude among {@code data[from + i·stride]},
     * {@code i < count}, positive.
     *
     * @param data the data
     * @param from the source
     * @param stride the stride
     * @param count the count
     * @return ±1 making the entry of largest magnitude among {@code data[from + i·stride]}, {@code
     *         i < count}, positive
     */
    public static double sign(double[] data, int from, int stride, int count) {
        return sign(at -> data[at], from, stride, count);
    }

    /**
     * As {@link #sign(double[], int, int, int)}, with the entries read through {@code data}
     * (entry {@code at} is {@code data.applyAsDouble(at)}), so that float entries are read where
     * they lie: widening a float to double is exact.
     *
     * @param data the entries by position
     * @param from the position of the first entry
     * @param stride the distance between consecutive entries
     * @param count the number of entries
     * @return ±1 making the entry of largest magnitude among {@code data(from + i·stride)},
     *         {@code i < count}, positive (the first one on ties; +1 without a nonzero entry)
     */
    public static double sign(IntToDoubleFunction data, int from, int stride, int count) {
        double largest = 0.0;
        for (int i = 0, at = from; i < count; i++, at += stride) {
            double x = data.applyAsDouble(at);
            if (Math.abs(x) > Math.abs(largest)) {
                largest = x;
            }
        }
        return largest < 0.0 ? -1.0 : 1.0;
    }

    /**
     * The {@link #sign}s of the first k columns of a row-major {@code rows × cols} matrix.
     *
     * @param values the values
     * @param rows the number of rows
     * @param cols the number of columns
     * @param k the number k
     * @return the {@link #sign}s of the first k columns of a row-major {@code rows × cols} matrix
     */
    public static double[] columnSigns(double[] values, int rows, int cols, int k) {
        return columnSigns(at -> values[at], rows, cols, k);
    }

    /**
     * As {@link #columnSigns(double[], int, int, int)}, with the row-major entries read through
     * {@code values} (entry (i, j) is {@code values.applyAsDouble(i·cols + j)}).
     *
     * @param values the row-major entries by position
     * @param rows the number of rows
     * @param cols the number of columns
     * @param k the number of leading columns
     * @return the {@link #sign}s of the first k columns of the row-major {@code rows × cols}
     *         matrix
     */
    public static double[] columnSigns(IntToDoubleFunction values, int rows, int cols, int k) {
        double[] signs = new double[k];
        for (int j = 0; j < k; j++) {
            signs[j] = sign(values, j, cols, rows);
        }
        return signs;
    }

    /**
     * The canonical order and signs of n eigenpairs: values ascending ({@link #ascending}), each
     * vector multiplied by its {@link #sign}. Pair j has the value {@code value(j)} and the vector
     * whose entry i is {@code vectors(j·vectorStride + i·entryStride)}: strides (n, 1) for vectors
     * stored as rows, (1, n) for vectors as the columns of a row-major matrix.
     *
     * @param n the number of pairs (and of entries of each vector)
     * @param value the eigenvalues by index
     * @param vectors the eigenvectors' entries by position
     * @param vectorStride the distance between the first entries of consecutive vectors
     * @param entryStride the distance between consecutive entries of a vector
     * @return where each pair goes and its sign
     */
    public static Arrangement eigenOrder(int n, IntToDoubleFunction value, IntToDoubleFunction vectors,
            int vectorStride, int entryStride) {
        int[] order = permutation(n, value, false);
        double[] signs = new double[n];
        for (int col = 0; col < n; col++) {
            signs[col] = sign(vectors, order[col] * vectorStride, entryStride, n);
        }
        return new Arrangement(order, signs);
    }

    /**
     * The eigenpairs in canonical order: values ascending, each vector multiplied by the sign of
     * its entry of largest magnitude.
     *
     * @param raw the raw value
     * @return the eigenpairs in canonical order: values ascending, each vector multiplied by the
     *         sign of its entry of largest magnitude
     */
    public static Eigenpairs eigenpairs(Eigenpairs raw) {
        double[] values = raw.values();
        double[] columns = raw.vectors();
        int n = values.length;
        Arrangement canonical = eigenOrder(n, j -> values[j], at -> columns[at], 1, n);
        double[] sortedValues = new double[n];
        double[] vectors = new double[n * n];
        for (int col = 0; col < n; col++) {
            int src = canonical.order()[col];
            sortedValues[col] = values[src];
            for (int i = 0; i < n; i++) {
                vectors[i * n + col] = canonical.signs()[col] * columns[i * n + src];
            }
        }
        return new Eigenpairs(sortedValues, vectors);
    }
}
