package org.mbp.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mbp.run.Labelled;

/** Typed, validated access to a study's parameters; failures name the command-line option. */
public final class Parameters {

    private final Map<String, Object> values;

    /**
     * The parameters from their values by name.
     *
     * @param values the values
     */
    public Parameters(Map<String, Object> values) {
        this.values = values;
    }

    private Object raw(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("--" + key + " is missing");
        }
        return v;
    }

    /**
     * The integer {@code key}, which must lie in [min, max].
     *
     * @param key the key
     * @param min the minimum
     * @param max the maximum
     * @return the integer {@code key}, which must lie in [min, max]
     */
    public int integer(String key, int min, int max) {
        Object v = raw(key);
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException("--" + key + " must be a whole number, got " + v);
        }
        int i = n.intValue();
        if (i < min || i > max) {
            throw new IllegalArgumentException("--" + key + " must lie in [" + min + ", " + max + "], got " + i);
        }
        return i;
    }

    /**
     * The number {@code key}, which must lie in [min, max].
     *
     * @param key the key
     * @param min the minimum
     * @param max the maximum
     * @return the number {@code key}, which must lie in [min, max]
     */
    public double number(String key, double min, double max) {
        Object v = raw(key);
        if (!(v instanceof Number n) || !(n.doubleValue() >= min && n.doubleValue() <= max)) {
            throw new IllegalArgumentException("--" + key + " must lie in [" + compact(min) + ", " + compact(max)
                    + "], got " + v);
        }
        return n.doubleValue();
    }

    /**
     * The numbers {@code key}, each in the interval from min to max, open where asked.
     *
     * @param key the key
     * @param min the minimum
     * @param max the maximum
     * @param openBelow the open below
     * @param openAbove the open above
     * @return the numbers {@code key}, each in the interval from min to max, open where asked
     */
    public List<Double> numbers(String key, double min, double max, boolean openBelow, boolean openAbove) {
        Object v = raw(key);
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("--" + key + " needs at least one value");
        }
        List<Double> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Number n)) {
                throw new IllegalArgumentException("--" + key + ": '" + o + "' is not a number");
            }
            double x = n.doubleValue();
            boolean above = openBelow ? x > min : x >= min;
            boolean below = openAbove ? x < max : x <= max;
            if (!(above && below)) {
                throw new IllegalArgumentException(String.format("--%s: %s is not in %s%s, %s%s", key, o,
                        openBelow ? "(" : "[", compact(min), compact(max), openAbove ? ")" : "]"));
            }
            out.add(x);
        }
        return out;
    }

    /**
     * The integers {@code key}, each in [min, max].
     *
     * @param key the key
     * @param min the minimum
     * @param max the maximum
     * @return the integers {@code key}, each in [min, max]
     */
    public List<Integer> integers(String key, int min, int max) {
        List<Integer> out = new ArrayList<>();
        for (double x : numbers(key, min, max, false, false)) {
            if (x != Math.rint(x)) {
                throw new IllegalArgumentException("--" + key + ": " + x + " is not a whole number");
            }
            out.add((int) x);
        }
        return out;
    }

    /**
     * Words naming constants of an enum, as {@link Labelled} writes them.
     *
     * @param <E> the enum type
     * @param key the key
     * @param type the type
     * @return words naming constants of an enum, as {@link Labelled} writes them
     */
    public <E extends Enum<E>> List<E> choices(String key, Class<E> type) {
        Object v = raw(key);
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("--" + key + " needs at least one value");
        }
        List<E> out = new ArrayList<>();
        for (Object o : list) {
            try {
                out.add(Labelled.parse(type, String.valueOf(o)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--" + key + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** A bound as a reader wants it: 0.1667, 1e-16, 1e+15. */
    private static String compact(double x) {
        return new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.4g", x)).stripTrailingZeros()
                .toString().replace("E", "e");
    }
}
