package org.mbp.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Helpers for tidy rows, typed (records, read through accessors) or stored (maps by column, null
 * read as NaN): grouping, statistics, number formats for JSON and tables, CSV.
 */
public final class Rows {

    private Rows() {
    }

    /**
     * The number in {@code column} of {@code row}.
     *
     * @param row the row
     * @param column the column
     * @return the number in {@code column} of {@code row}
     */
    public static double number(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /**
     * Groups rows by a key, keeping first-seen order.
     *
     * @param <T> the element type
     * @param <K> the key type
     * @param rows the number of rows
     * @param key the key
     * @return the map
     */
    public static <T, K> Map<K, List<T>> group(Collection<T> rows, Function<? super T, K> key) {
        Map<K, List<T>> out = new LinkedHashMap<>();
        rows.forEach(r -> out.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        return out;
    }

    /**
     * Statistics of a value's finite instances over the rows.
     *
     * @param <T> the element type
     * @param rows the number of rows
     * @param value the value
     * @return statistics of a value's finite instances over the rows
     */
    public static <T> DescriptiveStatistics stats(Collection<T> rows, ToDoubleFunction<? super T> value) {
        DescriptiveStatistics s = new DescriptiveStatistics();
        rows.forEach(r -> {
            double v = value.applyAsDouble(r);
            if (Double.isFinite(v)) {
                s.addValue(v);
            }
        });
        return s;
    }

    /**
     * Statistics of a column's finite values.
     *
     * @param rows the number of rows
     * @param column the column
     * @return statistics of a column's finite values
     */
    public static DescriptiveStatistics stats(Collection<Map<String, Object>> rows, String column) {
        return stats(rows, r -> number(r, column));
    }

    /**
     * A percentile (0 to 100) of some statistics, NaN when they hold no value.
     *
     * @param stats the stats
     * @param p the probability or point
     * @return a percentile (0 to 100) of some statistics, NaN when they hold no value
     */
    public static double percentile(DescriptiveStatistics stats, double p) {
        return stats.getN() == 0 ? Double.NaN : stats.getPercentile(p);
    }

    /**
     * The median of a value's finite instances (NaN when there are none).
     *
     * @param <T> the element type
     * @param rows the number of rows
     * @param value the value
     * @return the median of a value's finite instances (NaN when there are none)
     */
    public static <T> double median(Collection<T> rows, ToDoubleFunction<? super T> value) {
        return percentile(stats(rows, value), 50);
    }

    /**
     * The median of a column's finite values (NaN when there are none).
     *
     * @param rows the number of rows
     * @param column the column
     * @return the median of a column's finite values (NaN when there are none)
     */
    public static double median(Collection<Map<String, Object>> rows, String column) {
        return median(rows, r -> number(r, column));
    }

    /**
     * A value's finite instances.
     *
     * @param <T> the element type
     * @param rows the number of rows
     * @param value the value
     * @return a value's finite instances
     */
    public static <T> double[] values(Collection<T> rows, ToDoubleFunction<? super T> value) {
        return stats(rows, value).getValues();
    }

    /**
     * A value of every row, non-finite ones included, in row order: the coordinates of a scatter.
     *
     * @param <T> the element type
     * @param rows the number of rows
     * @param value the value
     * @return a value of every row, non-finite ones included, in row order: the coordinates of a
     *         scatter
     */
    public static <T> double[] column(Collection<T> rows, ToDoubleFunction<? super T> value) {
        return rows.stream().mapToDouble(value).toArray();
    }

    /**
     * The median of {@code y} at each distinct finite value of {@code x}, sorted by x: the points
     * of a line through repeated measurements.
     *
     * @param <T> the element type
     * @param rows the number of rows
     * @param x the input
     * @param y the output
     * @return the median of {@code y} at each distinct finite value of {@code x}, sorted by x: the
     *         points of a line through repeated measurements
     */
    public static <T> double[][] medians(Collection<T> rows, ToDoubleFunction<? super T> x,
            ToDoubleFunction<? super T> y) {
        TreeMap<Double, List<T>> byX = new TreeMap<>();
        rows.forEach(r -> {
            double key = x.applyAsDouble(r);
            if (Double.isFinite(key)) {
                byX.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        });
        double[] xs = new double[byX.size()];
        double[] ys = new double[byX.size()];
        int i = 0;
        for (Map.Entry<Double, List<T>> e : byX.entrySet()) {
            xs[i] = e.getKey();
            ys[i++] = median(e.getValue(), y);
        }
        return new double[][] {xs, ys};
    }

    /**
     * A number for JSON, which has no NaN or infinity: null in their place (read back as NaN).
     *
     * @param v the vector or value
     * @return a number for JSON, which has no NaN or infinity: null in their place (read back as
     *         NaN)
     */
    public static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * A short scientific rendering, "-" for NaN.
     *
     * @param v the vector or value
     * @return a short scientific rendering, "-" for NaN
     */
    public static String format(double v) {
        return Double.isNaN(v) ? "-" : String.format(java.util.Locale.ROOT, "%.2e", v);
    }

    /**
     * The rows as CSV with a header line, fields quoted where they hold a comma, quote or newline.
     *
     * @param columns the columns
     * @param rows the number of rows
     * @return the rows as CSV with a header line, fields quoted where they hold a comma, quote or
     *         newline
     */
    public static String csv(List<String> columns, Collection<Map<String, Object>> rows) {
        StringBuilder s = new StringBuilder(String.join(",", columns)).append('\n');
        for (Map<String, Object> row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    s.append(',');
                }
                s.append(field(row.get(columns.get(i))));
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
