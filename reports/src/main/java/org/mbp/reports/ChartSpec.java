package org.mbp.reports;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a chart shows: titles, axis scales, curves and reference lines. Drawn by {@link Charts}
 * and by {@link ReportDocument#chart(ChartSpec)}.
 *
 * @param title  the chart title, empty for none
 * @param xLabel the label of the horizontal axis
 * @param yLabel the label of the vertical axis
 * @param logX   whether the horizontal axis is logarithmic (base 10)
 * @param logY   whether the vertical axis is logarithmic (base 10)
 * @param series the curves, at least one, in legend order
 * @param guides the reference lines, after the curves in the legend
 */
public record ChartSpec(String title, String xLabel, String yLabel, boolean logX, boolean logY,
        List<Series> series, List<Guide> guides) {

    /**
     * Checks and copies the lists.
     *
     * @param title the title
     * @param xLabel the x-axis label
     * @param yLabel the y-axis label
     * @param logX whether the x axis is logarithmic
     * @param logY whether the y axis is logarithmic
     * @param series the series
     * @param guides the reference lines, after the curves in the legend
     * @throws IllegalArgumentException when there is no series or two legend entries share a name
     */
    public ChartSpec {
        Objects.requireNonNull(title, "chart title");
        Objects.requireNonNull(xLabel, "chart x label");
        Objects.requireNonNull(yLabel, "chart y label");
        series = List.copyOf(Objects.requireNonNull(series, "chart series"));
        guides = List.copyOf(Objects.requireNonNull(guides, "chart guides"));
        if (series.isEmpty()) {
            throw new IllegalArgumentException("chart '" + title + "' needs at least one series");
        }
        Set<String> names = new HashSet<>();
        for (Series s : series) {
            requireNew(names, s.name(), title);
        }
        for (Guide g : guides) {
            requireNew(names, g.label(), title);
        }
    }

    /**
     * A chart without reference lines.
     *
     * @param title the title
     * @param xLabel the x-axis label
     * @param yLabel the y-axis label
     * @param logX whether the x axis is logarithmic
     * @param logY whether the y axis is logarithmic
     * @param series the series
     */
    public ChartSpec(String title, String xLabel, String yLabel, boolean logX, boolean logY,
            List<Series> series) {
        this(title, xLabel, yLabel, logX, logY, series, List.of());
    }

    private static void requireNew(Set<String> names, String name, String title) {
        if (!names.add(name)) {
            throw new IllegalArgumentException("chart '" + title + "' has two legend entries named '" + name + "'");
        }
    }
}
