package org.mbp.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mbp.io.AtomicFile;
import org.mbp.run.Chart;
import org.mbp.run.ClaimVerdict;
import org.mbp.run.ResultFolder;

/**
 * What a §7 experiment found, held as its runs' epochs and key numbers, from which the result
 * folder derives: the claim and its verdict, the table of key numbers and the same numbers by
 * name ({@code summary.json}), every epoch ({@code results.csv}) and the per-epoch charts.
 */
interface Findings {

    /** The file of every epoch of every run. */
    String RESULTS_CSV = "results.csv";

    /** The claim the experiment tests. */
    String claim();

    ClaimVerdict verdict();

    /** The header of the table of key numbers. */
    List<String> header();

    /** The table's rows. */
    List<List<String>> rows();

    /** The key numbers by name. */
    Map<String, Object> numbers();

    /** Every epoch of every run, as CSV. */
    String resultsCsv();

    /** The per-epoch charts, for runs trained in batches of {@code batch}. */
    List<Chart> charts(int batch);

    /** The training time of all runs together. */
    double trainingSeconds();

    /**
     * Writes the result folder {@code mbp report} presents: {@code results.csv}, the charts and
     * {@code summary.json}.
     *
     * @param description what was trained on what, for the report
     * @param out where to write
     * @param study the study
     * @param title the title
     * @param options the options
     * @throws IOException if reading or writing fails
     */
    default void write(Path out, String study, String title, String description, TrainingOptions options)
            throws IOException {
        AtomicFile.writeString(out.resolve(RESULTS_CSV), resultsCsv());
        List<String> charts = ResultFolder.writeCharts(out, charts(options.batch()));
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("header", header());
        table.put("rows", rows());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("study", study);
        root.put("title", title);
        root.put("description", description);
        root.put("claim", claim());
        root.put("verdict", verdict().labelled());
        root.put("seed", options.seed());
        root.put("table", table);
        root.put("numbers", numbers());
        root.put("charts", charts);
        root.put("run", options.run(trainingSeconds()));
        ResultFolder.writeSummary(out, root);
    }
}
