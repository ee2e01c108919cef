package org.mbp.study;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.mbp.reports.ChartSpec;
import org.mbp.reports.Guide;
import org.mbp.reports.Series;
import org.mbp.run.Chart;
import org.mbp.run.Rows;

/**
 * How the predicted error bound of each gradient ({@link org.mbp.layer.ErrorBound}) compares with
 * the error measured against the high-precision reference, over the gradients of a study that
 * have both: the share the bound covers (bound ≥ measured) and the median looseness
 * bound/measured (over the gradients with a finite bound and a positive error).
 *
 * @param gradients gradients with a finite measured error and a bound
 * @param covered   the share of them whose bound is at least the measured error
 * @param medianLooseness the median of bound/measured
 */
public record BoundCheck(int gradients, double covered, double medianLooseness) {

    /** The share of gradients the bound must cover. */
    public static final double REQUIRED_COVERAGE = 0.99;
    /** The largest median looseness that still makes the bound informative. */
    public static final double MAX_MEDIAN_LOOSENESS = 1e3;

    /**
     * The check over the rows that have a finite measured error and a bound (NaN bounds mark
     * gradients the bound does not describe, e.g. a biased approximation).
     *
     * @param rows  the gradients
     * @param bound each gradient's predicted bound
     * @param error each gradient's measured error
     * @param <T>   the row type
     * @return the share covered and the median looseness
     */
    public static <T> BoundCheck of(Collection<T> rows, ToDoubleFunction<? super T> bound,
            ToDoubleFunction<? super T> error) {
        int gradients = 0;
        int covered = 0;
        DescriptiveStatistics looseness = new DescriptiveStatistics();
        for (T r : rows) {
            double b = bound.applyAsDouble(r);
            double e = error.applyAsDouble(r);
            if (Double.isNaN(b) || !Double.isFinite(e)) {
                continue;
            }
            gradients++;
            covered += b >= e ? 1 : 0;
            if (Double.isFinite(b) && e > 0) {
                looseness.addValue(b / e);
            }
        }
        return new BoundCheck(gradients, gradients == 0 ? Double.NaN : covered / (double) gradients,
                Rows.percentile(looseness, 50));
    }

    /**
     * Whether the bound covers at least 99 % of the gradients and is loose by at most 10³ in the median.
     *
     * @return whether both requirements hold
     */
    public boolean holds() {
        return covered >= REQUIRED_COVERAGE && medianLooseness <= MAX_MEDIAN_LOOSENESS;
    }

    /**
     * The finding in one sentence.
     *
     * @return the sentence, for the verdict
     */
    public String sentence() {
        return String.format(Locale.ROOT, "The predicted error bound (mbp grad's error_bound) covers the measured"
                + " error of %.1f%% of the %d gradients it describes (required ≥ %.0f%%) and is loose by a factor"
                + " %s in the median (required ≤ %.0e).", 100 * covered, gradients, 100 * REQUIRED_COVERAGE,
                Rows.format(medianLooseness), MAX_MEDIAN_LOOSENESS);
    }

    /**
     * The numbers by name, for {@code summary.json}.
     *
     * @return gradients, share covered, median looseness and whether the requirements hold
     */
    public Map<String, Object> numbers() {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("gradients", gradients);
        n.put("share_covered", Rows.finiteOrNull(covered));
        n.put("median_looseness", Rows.finiteOrNull(medianLooseness));
        n.put("holds", holds());
        return n;
    }

    /**
     * The chart {@code bound-vs-error}: measured error against predicted bound, log-log, one
     * series per method; points on or below the line y = x are covered.
     *
     * @param methods the method names, each with its rows
     * @param bound   each gradient's predicted bound
     * @param error   each gradient's measured error
     * @param <T>     the row type
     * @return the chart
     */
    public static <T> Chart chart(Map<String, ? extends Collection<T>> methods, ToDoubleFunction<? super T> bound,
            ToDoubleFunction<? super T> error) {
        List<Series> series = new ArrayList<>();
        methods.forEach((name, rows) -> series.add(new Series(name, Rows.column(rows, bound),
                Rows.column(rows, error), Series.Style.MARKERS)));
        return new Chart("bound-vs-error", new ChartSpec("Measured gradient error against the predicted bound",
                "predicted relative error bound", "relative error against the reference", true, true, series,
                List.of(new Guide("bound = error", 1, 1, 1))));
    }
}
