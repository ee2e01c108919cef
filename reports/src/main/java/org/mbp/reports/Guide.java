package org.mbp.reports;

import java.util.Objects;

/**
 * A dashed reference line {@code y = y0 · (x / x0)^slope}, drawn across the x-range of a chart's
 * data: on log-log axes a straight line of the given slope through {@code (x0, y0)}, such as the
 * "expected slope −1" of a truncation error; with slope 0 a horizontal line at {@code y0}, such as
 * a threshold.
 *
 * @param label the legend entry, unique within a chart
 * @param slope the exponent (the slope on log-log axes)
 * @param x0    the abscissa the line passes through
 * @param y0    the ordinate at {@code x0}
 */
public record Guide(String label, double slope, double x0, double y0) {

    /**
     * Checks the line.
     *
     * @param label the label
     * @param slope the exponent (the slope on log-log axes)
     * @param x0 the first x
     * @param y0 the first y
     * @throws IllegalArgumentException when the label is blank or a number is not finite, or x0 is 0
     */
    public Guide {
        Objects.requireNonNull(label, "guide label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("a guide needs a non-blank label");
        }
        if (!Double.isFinite(slope) || !Double.isFinite(x0) || !Double.isFinite(y0)) {
            throw new IllegalArgumentException("guide '" + label + "' needs finite slope, x0 and y0, not "
                    + slope + ", " + x0 + ", " + y0);
        }
        if (x0 == 0) {
            throw new IllegalArgumentException("guide '" + label + "' needs a non-zero x0");
        }
    }

    /**
     * A horizontal line at {@code y}, such as a threshold.
     *
     * @param label the label
     * @param y the output
     * @return a horizontal line at {@code y}, such as a threshold
     */
    public static Guide horizontal(String label, double y) {
        return new Guide(label, 0, 1, y);
    }

    /**
     * The line's ordinate at {@code x}; NaN where the power is undefined.
     *
     * @param x the input
     * @return the line's ordinate at {@code x}; NaN where the power is undefined
     */
    public double valueAt(double x) {
        return slope == 0 ? y0 : y0 * Math.pow(x / x0, slope);
    }
}
