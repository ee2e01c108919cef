package org.mbp.layer;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.mbp.backend.BatchOps;

/**
 * What a layer's spectrum says about how far its gradient can be trusted: the smallest gap
 * (which K and K̃ of eqs. 13 and 34 divide by), the largest |K_ij|, the numerical rank and the
 * condition number.
 *
 * @param stage            the layer or sub-layer that owns the spectrum, e.g. {@code "svd"}
 * @param quantity         what the values are: {@code "singular values"}, {@code "eigenvalues"},
 *                         {@code "degrees"}
 * @param size             number of values
 * @param largest          largest |value|
 * @param smallest         smallest |value|
 * @param minGap           smallest |v_i − v_j| over i ≠ j (infinite for a single value)
 * @param gapLow           index (in the layer's ordering) of one value of the closest pair, or -1
 * @param gapHigh          index of the other value of the closest pair, or -1
 * @param minRelativeGap   {@code minGap / largest}: the gap relative to the spectral scale, which is
 *                         what rounding errors of size ε·largest compete with
 * @param maxAbsK          largest |K_ij| the layer's backward pass multiplies by (NaN where the
 *                         layer has no K)
 * @param numericalRank    number of values with |v| above {@code rankTolerance}
 * @param rankTolerance    absolute threshold used for the numerical rank
 * @param conditionNumber  {@code largest / smallest} (infinite when the smallest is zero)
 * @param effectiveConditionNumber {@code largest / smallest retained}, over the values above the
 *                         rank tolerance: what a pseudo-inverse amplifies by
 */
public record SpectrumDiagnostics(String stage, String quantity, int size, double largest,
        double smallest, double minGap, int gapLow, int gapHigh, double minRelativeGap,
        double maxAbsK, int numericalRank, double rankTolerance, double conditionNumber,
        double effectiveConditionNumber) {

    /** The quantity of an EIG stage. */
    public static final String EIGENVALUES = "eigenvalues";
    /** The quantity of an SVD stage. */
    public static final String SINGULAR_VALUES = "singular values";
    /** The quantity of eigenvalues {@code σ² + ε} of {@code FᵀF + εI} obtained from the SVD of F. */
    public static final String SQUARED_SINGULAR_VALUES = "eigenvalues σ² + ε from the SVD";
    /** The quantity of the degrees of an affinity matrix. */
    public static final String DEGREES = "degrees";

    /** How the layer's backward pass divides by spectral gaps. */
    public enum Kernel {
        /** No gap kernel. */
        NONE,
        /** {@code K̃_ij = 1/(λ_i − λ_j)}, eq. 34. */
        EIGENVALUE_DIFFERENCE,
        /** {@code K_ij = 1/(σ_i² − σ_j²)}, eq. 13. */
        SQUARED_DIFFERENCE
    }

    /**
     * Computes the diagnostics of a spectrum.
     *
     * @param values        the spectrum in the layer's ordering
     * @param rankTolerance absolute threshold for the numerical rank
     * @param stage the stage
     * @param quantity what the values are: {@code "singular values"}, {@code "eigenvalues"}, {@code
     *                 "degrees"}
     * @param kernel the kernel
     * @return the diagnostics of a spectrum
     */
    public static SpectrumDiagnostics of(String stage, String quantity, double[] values,
            Kernel kernel, double rankTolerance) {
        int n = values.length;
        double largest = 0;
        double smallest = n == 0 ? 0 : Double.POSITIVE_INFINITY;
        double smallestRetained = Double.POSITIVE_INFINITY;
        int rank = 0;
        for (double v : values) {
            largest = Math.max(largest, Math.abs(v));
            smallest = Math.min(smallest, Math.abs(v));
            if (Math.abs(v) > rankTolerance) {
                rank++;
                smallestRetained = Math.min(smallestRetained, Math.abs(v));
            }
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double minGap = Double.POSITIVE_INFINITY;
        double maxK = kernel == Kernel.NONE ? Double.NaN : 0.0;
        int low = -1;
        int high = -1;
        for (int t = 0; t + 1 < n; t++) {
            double a = values[order[t]];
            double b = values[order[t + 1]];
            double gap = b - a;
            if (gap < minGap) {
                minGap = gap;
                low = Math.min(order[t], order[t + 1]);
                high = Math.max(order[t], order[t + 1]);
            }
            double denominator = switch (kernel) {
                case NONE -> Double.NaN;
                case EIGENVALUE_DIFFERENCE -> gap;
                case SQUARED_DIFFERENCE -> gap * (a + b);
            };
            if (kernel != Kernel.NONE) {
                maxK = Math.max(maxK, 1.0 / Math.abs(denominator));
            }
        }
        double relative = largest == 0 ? (n > 1 ? 0.0 : Double.POSITIVE_INFINITY) : minGap / largest;
        double condition = smallest == 0 ? Double.POSITIVE_INFINITY : largest / smallest;
        double effective = rank == 0 ? Double.POSITIVE_INFINITY : largest / smallestRetained;
        return new SpectrumDiagnostics(stage, quantity, n, largest, smallest, minGap, low, high,
                relative, maxK, rank, rankTolerance, condition, effective);
    }

    /**
     * The diagnostics of each example's spectrum in a batch ({@link BatchOps#examples}), each with the
     * conventional rank tolerance of its own largest value.
     *
     * @param stage the stage
     * @param quantity the quantity, as in {@link #of}
     * @param values the values of every example, one example after another
     * @param batch the number of examples
     * @param kernel how the layer's backward pass divides by gaps
     * @param dimension the dimension of the rank tolerance ({@link #defaultRankTolerance})
     * @param epsilon machine epsilon of the arithmetic
     * @return one diagnostics per example, in order
     */
    public static List<SpectrumDiagnostics> ofEach(String stage, String quantity, double[] values, int batch,
            Kernel kernel, int dimension, double epsilon) {
        return ofEach(stage, quantity, values, batch, kernel, dimension * epsilon);
    }

    /**
     * The diagnostics of each example's spectrum in a batch ({@link BatchOps#examples}), each with
     * the rank tolerance {@code relativeTolerance · largest} of its own largest magnitude.
     *
     * @param stage the stage
     * @param quantity the quantity, as in {@link #of}
     * @param values the values of every example, one example after another
     * @param batch the number of examples
     * @param kernel how the layer's backward pass divides by gaps
     * @param relativeTolerance the rank tolerance relative to each example's largest value
     * @return one diagnostics per example, in order
     */
    public static List<SpectrumDiagnostics> ofEach(String stage, String quantity, double[] values, int batch,
            Kernel kernel, double relativeTolerance) {
        return BatchOps.examples(values, batch).stream().map(v -> of(stage, quantity, v, kernel,
                relativeTolerance * largest(v))).toList();
    }

    /**
     * The spectrum with the smallest gap among those of a batch: the one a tie message names.
     *
     * @param spectra the examples' diagnostics, at least one
     * @return the one with the smallest gap (the first of equals)
     */
    public static SpectrumDiagnostics closest(List<SpectrumDiagnostics> spectra) {
        return spectra.stream().min(Comparator.comparingDouble(SpectrumDiagnostics::minGap)).orElseThrow();
    }

    /**
     * The conventional rank tolerance {@code dimension · ε · largest}, as in LAPACK and NumPy.
     *
     * @param dimension the dimension
     * @param epsilon the regularizer ε
     * @param values the values
     * @return the conventional rank tolerance {@code dimension · ε · largest}, as in LAPACK and
     *         NumPy
     */
    public static double defaultRankTolerance(int dimension, double epsilon, double[] values) {
        return dimension * epsilon * largest(values);
    }

    /** The largest magnitude of the values (0 for none). */
    private static double largest(double[] values) {
        double largest = 0;
        for (double v : values) {
            largest = Math.max(largest, Math.abs(v));
        }
        return largest;
    }

    /**
     * Whether two values of the spectrum coincide exactly.
     *
     * @return whether two values of the spectrum coincide exactly
     */
    public boolean hasTie() {
        return minGap == 0;
    }
}
