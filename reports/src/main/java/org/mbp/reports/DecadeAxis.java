package org.mbp.reports;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A base-10 logarithmic axis with a tick at most every decade, labelled {@code 1e-12}, ...,
 * {@code 0.1}, {@code 1}, {@code 10}, ... by {@link PowerOfTenFormat}. The labels are plain
 * strings: {@link LogAxis} makes attributed strings, which JFreeChart draws through a
 * {@link java.awt.font.TextLayout}, so that in a PDF they would become outlines instead of text.
 */
final class DecadeAxis extends LogAxis {

    DecadeAxis(String label) {
        super(label);
        setBase(10);
        setSmallestValue(1e-300);
        setStandardTickUnits(new NumberTickUnitSource(true));
        setNumberFormatOverride(new PowerOfTenFormat());
    }

    @Override
    protected List<ValueTick> refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return withPlainLabels(super.refreshTicksHorizontal(g2, dataArea, edge));
    }

    @Override
    protected List<ValueTick> refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return withPlainLabels(super.refreshTicksVertical(g2, dataArea, edge));
    }

    private static List<ValueTick> withPlainLabels(List<?> ticks) {
        List<ValueTick> plain = new ArrayList<>(ticks.size());
        for (Object item : ticks) {
            ValueTick tick = (ValueTick) item;
            String label = tick.getTickType() == TickType.MAJOR
                    ? PowerOfTenFormat.label(tick.getValue())
                    : null;
            plain.add(new NumberTick(tick.getTickType(), tick.getValue(), label, tick.getTextAnchor(),
                    tick.getRotationAnchor(), tick.getAngle()));
        }
        return plain;
    }
}
