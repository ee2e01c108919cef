package org.mbp.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.util.ShapeUtils;

/**
 * The look of every chart: white background, DejaVu Sans (or the font {@link Fonts} found),
 * light grid, and for the curves a colour-blind-safe palette (Okabe and Ito) combined with six
 * marker shapes, so that curves stay apart in grey-scale print too. Reference lines are dark grey
 * and dashed.
 */
final class ChartStyle {

    private static final List<Color> PALETTE = List.of(
            new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
            new Color(0xE69F00), new Color(0x56B4E9), Color.BLACK);

    private static final float MARKER = 7f;

    private static final List<Shape> SHAPES = List.of(
            new Ellipse2D.Double(-MARKER / 2, -MARKER / 2, MARKER, MARKER),
            new Rectangle2D.Double(-MARKER / 2.4, -MARKER / 2.4, MARKER / 1.2, MARKER / 1.2),
            ShapeUtils.createUpTriangle(MARKER / 1.8f),
            ShapeUtils.createDiamond(MARKER / 1.7f),
            ShapeUtils.createDownTriangle(MARKER / 1.8f),
            ShapeUtils.createDiagonalCross(MARKER / 2, 1f));

    private static final List<float[]> DASHES = List.of(
            new float[] {6f, 4f}, new float[] {2f, 3f}, new float[] {9f, 3f, 2f, 3f});

    private static final Color INK = new Color(0x222222);
    private static final Color GUIDE = new Color(0x4D4D4D);
    private static final Color GRID = new Color(0xDDDDDD);
    private static final Color FRAME = new Color(0x999999);

    private ChartStyle() {
    }

    /** The colour, marker and line of the curve at the given index. */
    static void styleSeries(XYLineAndShapeRenderer renderer, int index, Series series) {
        renderer.setSeriesPaint(index, PALETTE.get(index % PALETTE.size()));
        renderer.setSeriesShape(index, SHAPES.get(index % SHAPES.size()));
        renderer.setSeriesShapesFilled(index, true);
        renderer.setSeriesStroke(index, new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        renderer.setSeriesLinesVisible(index, series.hasLine());
        renderer.setSeriesShapesVisible(index, series.hasMarkers());
    }

    /** The dashed line of a reference line; {@code guideIndex} counts the guides alone. */
    static void styleGuide(XYLineAndShapeRenderer renderer, int index, int guideIndex) {
        Stroke dashed = new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                DASHES.get(guideIndex % DASHES.size()), 0f);
        renderer.setSeriesPaint(index, GUIDE);
        renderer.setSeriesStroke(index, dashed);
        renderer.setSeriesLinesVisible(index, true);
        renderer.setSeriesShapesVisible(index, false);
    }

    /** Settings of the renderer as a whole. */
    static void styleRenderer(XYLineAndShapeRenderer renderer) {
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setLegendLine(new Line2D.Double(-14, 0, 14, 0));
    }

    /** Fonts, colours and layout of the chart around the curves. */
    static void styleChart(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(Fonts.bold(14f));
            title.setPaint(Color.BLACK);
        }
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(FRAME);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.6f));
        plot.setRangeGridlineStroke(new BasicStroke(0.6f));
        plot.setAxisOffset(new RectangleInsets(2, 2, 2, 2));
        styleAxis(plot.getDomainAxis());
        styleAxis(plot.getRangeAxis());
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(Fonts.regular(11f));
        legend.setItemPaint(INK);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
    }

    private static void styleAxis(ValueAxis axis) {
        axis.setLabelFont(Fonts.regular(12f));
        axis.setLabelPaint(INK);
        axis.setTickLabelFont(Fonts.regular(10.5f));
        axis.setTickLabelPaint(INK);
        axis.setAxisLinePaint(FRAME);
        axis.setTickMarkPaint(FRAME);
    }
}
