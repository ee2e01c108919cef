package org.mbp.reports;

import java.math.BigDecimal;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Tick labels of a logarithmic axis: powers of ten as {@code 1e-12} ... {@code 0.01}, {@code 0.1},
 * {@code 1}, {@code 10}, {@code 100}, {@code 1000}, {@code 1e4} ..., anything else with three
 * significant digits.
 */
final class PowerOfTenFormat extends NumberFormat {

    private static final int LOWEST_PLAIN = -2;
    private static final int HIGHEST_PLAIN = 3;

    /** The label of one tick value. */
    static String label(double value) {
        if (value > 0 && Double.isFinite(value)) {
            double exponent = Math.log10(value);
            long power = Math.round(exponent);
            if (Math.abs(exponent - power) < 1e-9) {
                return power >= LOWEST_PLAIN && power <= HIGHEST_PLAIN
                        ? BigDecimal.ONE.scaleByPowerOfTen((int) power).toPlainString()
                        : "1e" + power;
            }
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(label(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(label(number));
    }

    /** Reads back a label (any decimal or scientific number). */
    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        String text = source.substring(parsePosition.getIndex()).trim();
        try {
            double value = Double.parseDouble(text);
            parsePosition.setIndex(source.length());
            return value;
        } catch (NumberFormatException e) {
            parsePosition.setErrorIndex(parsePosition.getIndex());
            return null;
        }
    }
}
