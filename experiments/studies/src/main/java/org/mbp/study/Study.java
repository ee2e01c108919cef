package org.mbp.study;

import java.util.List;
import java.util.Map;
import org.mbp.run.Chart;

/**
 * A numerical study: a fixed grid of independent cells, each turned into tidy rows (one row per
 * measurement), then summarised and charted from all rows.
 */
public interface Study {

    /** The name on the command line and in file names, e.g. {@code "svd-vs-eig"}. */
    String name();

    /** A title for the report. */
    String title();

    /** What was run, in a few sentences, for the report. */
    String description();

    /** The grid's parameters (what makes two runs comparable), for the summary and for merging. */
    Map<String, Object> parameters();

    /** The grid, in its fixed order. */
    List<Cell> cells();

    /** The columns of the rows, in CSV order (the cell index comes first, added by the runner). */
    List<String> columns();

    /** The measurements of one cell. */
    List<Map<String, Object>> run(Cell cell, long seed);

    /** Key numbers and the verdict, from every row (in cell order). */
    StudySummary summarize(List<Map<String, Object>> rows);

    /** The charts, from every row. */
    List<Chart> charts(List<Map<String, Object>> rows);
}
