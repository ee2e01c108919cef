package org.mbp.study;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.mbp.run.Rows;

/** Least-squares slopes on log-log data with their 95% confidence intervals (Commons Math). */
public final class Fits {

    /** A fitted slope: estimate, half-width of the 95% interval, number of points. */
    public record Slope(double value, double halfWidth, int points) {

        /**
         * The slope with its 95% interval, or "-" with fewer than three points.
         *
         * @return the slope with its 95% interval, or "-" with fewer than three points
         */
        public String text() {
            return points < 3 ? "-" : String.format(Locale.ROOT, "%.3f ± %.3f", value, halfWidth);
        }

        /**
         * The slope by name, as {@code summary.json} holds it.
         *
         * @return the slope by name, as {@code summary.json} holds it
         */
        public Map<String, Object> numbers() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slope", Rows.finiteOrNull(value));
            m.put("ci95_half_width", Rows.finiteOrNull(halfWidth));
            m.put("points", points);
            return m;
        }

        /**
         * Whether the fitted slope lies within {@code tolerance} of {@code expected}.
         *
         * @param expected the expected
         * @param tolerance the tolerance
         * @return whether the fitted slope lies within {@code tolerance} of {@code expected}
         */
        public boolean near(double expected, double tolerance) {
            return Math.abs(value - expected) <= tolerance;
        }
    }

    private Fits() {
    }

    /**
     * The slope of log y against log x over the points with positive finite coordinates.
     *
     * @param x the input
     * @param y the output
     * @return the slope of log y against log x over the points with positive finite coordinates
     */
    public static Slope logLog(double[] x, double[] y) {
        SimpleRegression fit = new SimpleRegression();
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0 && y[i] > 0 && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                fit.addData(Math.log10(x[i]), Math.log10(y[i]));
            }
        }
        int n = (int) fit.getN();
        if (n < 3) {
            return new Slope(Double.NaN, Double.NaN, n);
        }
        return new Slope(fit.getSlope(), fit.getSlopeConfidenceInterval(), n);
    }
}
