package org.mbp.study;

import java.util.Locale;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/** Least-squares slopes on log-log data with their 95% confidence intervals (Commons Math). */
final class Fits {

    /** A fitted slope: estimate, half-width of the 95% interval, number of points. */
    record Slope(double value, double halfWidth, int points) {

        String text() {
            return points < 3 ? "-" : String.format(Locale.ROOT, "%.3f ± %.3f", value, halfWidth);
        }
    }

    private Fits() {
    }

    /** The slope of log y against log x over the points with positive finite coordinates. */
    static Slope logLog(double[] x, double[] y) {
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
