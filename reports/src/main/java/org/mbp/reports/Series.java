package org.mbp.reports;

import java.util.Arrays;
import java.util.Objects;

/**
 * One curve of a chart: points {@code (x[i], y[i])} in the given order, drawn as a line, as
 * markers or as both. A point with a non-finite coordinate, or with a non-positive coordinate on a
 * logarithmic axis, is skipped when drawn. The arrays are copied in and out, so a series does not
 * change after it is made.
 *
 * @param name  the legend entry, unique within a chart
 * @param x     the abscissas
 * @param y     the ordinates, as many as abscissas
 * @param style how the points are drawn
 */
public record Series(String name, double[] x, double[] y, Style style) {

    /** How the points of a series are drawn. */
    public enum Style {
        /** A line through the points, without markers. */
        LINE,
        /** A marker at each point, without a line. */
        MARKERS,
        /** A line through the points and a marker at each. */
        LINE_AND_MARKERS
    }

    /**
     * Checks and copies the points.
     *
     * @param name the name
     * @param x the input
     * @param y the output
     * @param style how the points are drawn
     * @throws IllegalArgumentException when the name is blank or x and y differ in length
     */
    public Series {
        Objects.requireNonNull(name, "series name");
        Objects.requireNonNull(x, "series x");
        Objects.requireNonNull(y, "series y");
        Objects.requireNonNull(style, "series style");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a series needs a non-blank name");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x values but "
                    + y.length + " y values");
        }
        x = x.clone();
        y = y.clone();
    }

    /**
     * A series drawn as a line with markers.
     *
     * @param name the name
     * @param x the input
     * @param y the output
     */
    public Series(String name, double[] x, double[] y) {
        this(name, x, y, Style.LINE_AND_MARKERS);
    }

    /**
     * A copy of the abscissas.
     *
     * @return a copy of the abscissas
     */
    @Override
    public double[] x() {
        return x.clone();
    }

    /**
     * A copy of the ordinates.
     *
     * @return a copy of the ordinates
     */
    @Override
    public double[] y() {
        return y.clone();
    }

    /**
     * The number of points, drawn or not.
     *
     * @return the number of points, drawn or not
     */
    public int size() {
        return x.length;
    }

    /**
     * Whether a line joins the points.
     *
     * @return whether a line joins the points
     */
    public boolean hasLine() {
        return style != Style.MARKERS;
    }

    /**
     * Whether each point gets a marker.
     *
     * @return whether each point gets a marker
     */
    public boolean hasMarkers() {
        return style != Style.LINE;
    }

    /** Equal name, style and points. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Series that && name.equals(that.name) && style == that.style
                && Arrays.equals(x, that.x) && Arrays.equals(y, that.y);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, style, Arrays.hashCode(x), Arrays.hashCode(y));
    }

    @Override
    public String toString() {
        return "Series[" + name + ", " + x.length + " points, " + style + "]";
    }
}
