package org.mbp.study.precision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.mbp.accuracy.AccuracyCheck;
import org.mbp.run.Labelled;
import org.mbp.run.Rows;

/** The distribution of some gradients' errors: how many were measured, median, 90th percentile, largest, refused. */
public record ErrorDistribution(long measured, double median, double p90, double max, long refused) {

    /** The distribution of the rows' errors. */
    static ErrorDistribution of(List<PrecisionRow> rows) {
        DescriptiveStatistics stats = Rows.stats(rows, PrecisionRow::error);
        return new ErrorDistribution(stats.getN(), Rows.percentile(stats, 50), Rows.percentile(stats, 90),
                stats.getN() == 0 ? Double.NaN : stats.getMax(),
                rows.stream().filter(r -> r.outcome() == AccuracyCheck.Outcome.REFUSED).count());
    }

    /** A row of the key-numbers table. */
    List<String> tableRow(String spectrum, Arithmetic precision) {
        return List.of(spectrum, Labelled.of(precision), Long.toString(measured), Rows.format(median),
                Rows.format(p90), Rows.format(max), Long.toString(refused));
    }

    /** The numbers by name. */
    Map<String, Object> numbers() {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("measured", measured);
        n.put("median_error", Rows.finiteOrNull(median));
        n.put("p90_error", Rows.finiteOrNull(p90));
        n.put("max_error", Rows.finiteOrNull(max));
        n.put("refused", refused);
        return n;
    }
}
