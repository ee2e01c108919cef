package org.mbp.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.mbp.reports.ChartSpec;
import org.mbp.reports.Guide;
import org.mbp.reports.Series;
import org.mbp.run.Chart;

/** Per-epoch charts of one or several training runs, one series per run and column. */
final class TrainingCharts {

    private TrainingCharts() {
    }

    /**
     * A chart of the given per-epoch columns against the epoch; runs that lack a column (e.g. the
     * eigenvalue range of a first-order network) are left out. Returns null when no run has any.
     *
     * @param runs run label → its epochs
     */
    static Chart chart(String file, String title, String yLabel, boolean logY,
            Map<String, List<Epoch>> runs, List<String> columns) {
        return chart(file, title, yLabel, logY, runs, columns, List.of());
    }

    /** The same chart with horizontal guides (e.g. the baselines' scores). */
    static Chart chart(String file, String title, String yLabel, boolean logY,
            Map<String, List<Epoch>> runs, List<String> columns, List<Guide> guides) {
        List<Series> series = new ArrayList<>();
        runs.forEach((label, epochs) -> {
            for (String column : columns) {
                List<double[]> points = new ArrayList<>();
                for (Epoch epoch : epochs) {
                    double v = epoch.value(column);
                    if (Double.isFinite(v) && (!logY || v > 0)) {
                        points.add(new double[] {epoch.epoch(), v});
                    }
                }
                if (!points.isEmpty()) {
                    String name = columns.size() == 1 ? label : label + " " + suffix(column);
                    series.add(new Series(name, points.stream().mapToDouble(p -> p[0]).toArray(),
                            points.stream().mapToDouble(p -> p[1]).toArray(), Series.Style.LINE_AND_MARKERS));
                }
            }
        });
        return series.isEmpty() ? null : new Chart(file, new ChartSpec(title, "epoch", yLabel, false, logY, series,
                guides));
    }

    /** The charts that have data (of those {@link #chart} made). */
    static List<Chart> drawn(Chart... charts) {
        return Stream.of(charts).filter(Objects::nonNull).toList();
    }

    private static String suffix(String column) {
        return column.substring(column.lastIndexOf('_') + 1);
    }
}
