package org.mbp.reports;

import java.io.IOException;
import java.io.OutputStream;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a {@link ChartSpec} with JFreeChart: as a chart object (for a report or a window) or as a
 * PNG file. Logarithmic axes are base 10 with a tick at most every decade, labelled {@code 1e-12},
 * ..., {@code 0.1}, {@code 1}, {@code 10}, ...; points a log axis cannot show are left out.
 */
public final class Charts {

    /** The largest width or height of a PNG, in pixels. */
    public static final int MAX_PIXELS = 16_384;

    /** Samples along a reference line, enough for a smooth curve on any pair of scales. */
    private static final int GUIDE_SAMPLES = 65;

    private Charts() {
    }

    /**
     * Builds the chart: one curve per series in its own colour and marker shape, then the dashed
     * reference lines across the x-range of the drawn points, a legend below.
     *
     * @param spec the specification
     * @return the chart: one curve per series in its own colour and marker shape, then the dashed
     *         reference lines across the x-range of the drawn points, a legend below
     * @throws IllegalStateException when no usable font is installed (see {@link Fonts#check()})
     */
    public static JFreeChart render(ChartSpec spec) {
        Fonts.check();
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        ChartStyle.styleRenderer(renderer);
        double lowestX = Double.POSITIVE_INFINITY;
        double highestX = Double.NEGATIVE_INFINITY;
        for (Series series : spec.series()) {
            XYSeries curve = new XYSeries(series.name(), false, true);
            double[] x = series.x();
            double[] y = series.y();
            for (int i = 0; i < x.length; i++) {
                if (drawable(x[i], spec.logX()) && drawable(y[i], spec.logY())) {
                    curve.add(x[i], y[i], false);
                    lowestX = Math.min(lowestX, x[i]);
                    highestX = Math.max(highestX, x[i]);
                }
            }
            ChartStyle.styleSeries(renderer, data.getSeriesCount(), series);
            data.addSeries(curve);
        }
        for (int g = 0; g < spec.guides().size(); g++) {
            Guide guide = spec.guides().get(g);
            ChartStyle.styleGuide(renderer, data.getSeriesCount(), g);
            data.addSeries(guideCurve(guide, lowestX, highestX, spec));
        }
        XYPlot plot = new XYPlot(data, axis(spec.xLabel(), spec.logX()), axis(spec.yLabel(), spec.logY()),
                renderer);
        String title = spec.title().isEmpty() ? null : spec.title();
        JFreeChart chart = new JFreeChart(title, Fonts.bold(14f), plot, true);
        ChartStyle.styleChart(chart);
        return chart;
    }

    /**
     * Writes the chart as a PNG of the given size to {@code out} (left open).
     *
     * @param spec the specification
     * @param out where to write
     * @param width the width
     * @param height the height
     * @throws IllegalArgumentException when a size is not in 1..{@link #MAX_PIXELS}
     * @throws IOException when the stream cannot be written
     */
    public static void writePng(ChartSpec spec, OutputStream out, int width, int height) throws IOException {
        if (width < 1 || height < 1 || width > MAX_PIXELS || height > MAX_PIXELS) {
            throw new IllegalArgumentException("a chart PNG must be 1.." + MAX_PIXELS + " pixels wide and high, not "
                    + width + "×" + height);
        }
        JFreeChart chart = render(spec);
        ChartUtils.writeChartAsPNG(out, chart, width, height);
    }

    private static boolean drawable(double value, boolean logarithmic) {
        return Double.isFinite(value) && (!logarithmic || value > 0);
    }

    private static XYSeries guideCurve(Guide guide, double lowestX, double highestX, ChartSpec spec) {
        XYSeries line = new XYSeries(guide.label(), false, true);
        if (lowestX > highestX) {
            return line;
        }
        for (int i = 0; i < GUIDE_SAMPLES; i++) {
            double t = i / (GUIDE_SAMPLES - 1.0);
            double x = spec.logX()
                    ? lowestX * Math.pow(highestX / lowestX, t)
                    : lowestX + (highestX - lowestX) * t;
            double y = guide.valueAt(x);
            if (drawable(y, spec.logY())) {
                line.add(x, y, false);
            }
        }
        return line;
    }

    private static ValueAxis axis(String label, boolean logarithmic) {
        if (logarithmic) {
            return new DecadeAxis(label);
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }
}
