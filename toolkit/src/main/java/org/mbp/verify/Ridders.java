package org.mbp.verify;

import java.util.function.DoubleUnaryOperator;

/**
 * Central differences with Richardson extrapolation (Ridders' method): the step shrinks by 1.4
 * per column of a Neville tableau, each column extrapolates the O(h²) error away, and the entry
 * whose neighbours agree best is returned with that disagreement as its error estimate.
 */
public final class Ridders {

    private static final double SHRINK = 1.4;
    private static final int TABLE = 10;
    private static final double SAFE = 2.0;

    /**
     * @param value     the extrapolated derivative
     * @param error     the estimated absolute error
     * @param step      the step of the chosen tableau entry
     */
    public record Estimate(double value, double error, double step) {
    }

    private Ridders() {
    }

    /**
     * The derivative of f at 0 from steps h, h/1.4, h/1.4², ….
     *
     * @param f the function
     * @param h the height
     * @return the derivative of f at 0 from steps h, h/1.4, h/1.4², …
     */
    public static Estimate derivative(DoubleUnaryOperator f, double h) {
        if (!(h > 0) || Double.isInfinite(h)) {
            throw new IllegalArgumentException("Ridders: initial step must be positive and finite, got " + h);
        }
        double[][] a = new double[TABLE][TABLE];
        double hh = h;
        a[0][0] = central(f, hh);
        Estimate best = new Estimate(a[0][0], Double.POSITIVE_INFINITY, hh);
        for (int i = 1; i < TABLE; i++) {
            hh /= SHRINK;
            a[0][i] = central(f, hh);
            double factor = SHRINK * SHRINK;
            for (int j = 1; j <= i; j++) {
                a[j][i] = (a[j - 1][i] * factor - a[j - 1][i - 1]) / (factor - 1);
                factor *= SHRINK * SHRINK;
                double err = Math.max(Math.abs(a[j][i] - a[j - 1][i]), Math.abs(a[j][i] - a[j - 1][i - 1]));
                if (err <= best.error()) {
                    best = new Estimate(a[j][i], err, hh);
                }
            }
            if (Math.abs(a[i][i] - a[i - 1][i - 1]) >= SAFE * best.error()) {
                break;
            }
        }
        return best;
    }

    /**
     * The estimate with the smallest error over initial steps h, h/10, …, h/10^{tries−1}: the
     * automatic step choice. Steps at which f fails (leaves its domain, meets a degenerate
     * spectrum) are skipped.
     *
     * @param f the function
     * @param h the height
     * @param tries the tries
     * @return the estimate with the smallest error over initial steps h, h/10, …, h/10^{tries−1}:
     *         the automatic step choice
     */
    public static Estimate derivativeAutoStep(DoubleUnaryOperator f, double h, int tries) {
        Estimate best = null;
        RuntimeException failure = null;
        double start = h;
        for (int t = 0; t < tries; t++, start /= 10) {
            try {
                Estimate e = derivative(f, start);
                if (Double.isFinite(e.value()) && (best == null || e.error() < best.error())) {
                    best = e;
                }
            } catch (IllegalArgumentException | ArithmeticException ex) {
                failure = ex;
            }
        }
        if (best == null) {
            throw new ArithmeticException("finite differences failed at every step from " + h
                    + (failure == null ? "" : ": " + failure.getMessage()));
        }
        return best;
    }

    private static double central(DoubleUnaryOperator f, double h) {
        return (f.applyAsDouble(h) - f.applyAsDouble(-h)) / (2 * h);
    }
}
