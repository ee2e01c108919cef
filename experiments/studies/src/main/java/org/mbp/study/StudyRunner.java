package org.mbp.study;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mbp.io.AtomicFile;
import org.mbp.layer.BatchExecutor;
import org.mbp.run.CellStore;
import org.mbp.run.ClaimVerdict;
import org.mbp.run.Progress;
import org.mbp.run.ResultFolder;
import org.mbp.run.RunEnvironment;

/**
 * Runs a study's cells (all, a shard, or the rest of an interrupted run) into its
 * {@link CellStore}, then turns the stored cells into the outputs: {@code results.csv} (one row
 * per measurement), {@code summary.json} (parameters, seed, versions, environment, key numbers,
 * verdict) and the charts as PNG. Outputs are always made from the store, so a run, a resumed run
 * and a merge of shards give the same files.
 */
public final class StudyRunner {

    /** What to do with results already in the output folder. */
    public enum Existing {
        /** Refuse to touch them (the default: nothing already written is lost). */
        REFUSE,
        /** Keep the completed cells and compute the rest. */
        RESUME,
        /** Discard them and start over. */
        FRESH
    }

    /** Shard {@code index} of {@code count}: the cells whose grid index ≡ index (mod count). */
    public record Shard(int index, int count) {

        /**
         * Checks that 0 ≤ index &lt; count.
         *
         * @param index the index
         * @param count the count
         */
        public Shard {
            if (count < 1 || index < 0 || index >= count) {
                throw new IllegalArgumentException("shard must be i/N with 0 ≤ i < N, got " + index + "/" + count);
            }
        }

        /**
         * Parses {@code "i/N"}.
         *
         * @param text the text
         * @return {@code "i/N"}
         */
        public static Shard parse(String text) {
            String[] parts = text.split("/");
            try {
                if (parts.length == 2) {
                    return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("shard must be i/N (e.g. 0/4), got '" + text + "'");
        }

        boolean contains(Cell<?> cell) {
            return cell.index() % count == index;
        }

        String label() {
            return index + "/" + count;
        }
    }

    /** How a run is done. */
    public record Options(Path out, long seed, int threads, Shard shard, Existing existing, boolean terminal) {
    }

    /**
     * The outcome of a run: the cells computed now, the wall time, and the verdict where the
     * outputs were made (not for a shard).
     */
    public record Outcome(Path folder, int computed, int total, double seconds, Optional<ClaimVerdict> verdict) {
    }

    private StudyRunner() {
    }

    /**
     * The folder of a study's results under the output folder.
     *
     * @param out where to write
     * @param study the study
     * @return the folder of a study's results under the output folder
     */
    public static Path folder(Path out, Study<?, ?> study) {
        return out.resolve(study.name());
    }

    /**
     * Runs the study with {@code options}.
     *
     * @param <P> the parameter type
     * @param <R> the result type
     * @param study the study
     * @param options the options
     * @param err where to write messages
     * @return the outcome
     * @throws IOException if reading or writing fails
     */
    public static <P extends Record, R extends Record> Outcome run(Study<P, R> study, Options options,
            PrintWriter err) throws IOException {
        long start = System.nanoTime();
        Path folder = folder(options.out(), study);
        List<Cell<P>> grid = study.cells();
        CellStore.Header header = new CellStore.Header(study.name(), options.seed(),
                CellStore.normalized(study.parameters()), grid.size(),
                options.shard() == null ? null : options.shard().label());
        TreeMap<Integer, CellStore.StoredCell> done = prepare(folder, header, options.existing());
        List<Cell<P>> todo = new ArrayList<>();
        for (Cell<P> cell : grid) {
            if ((options.shard() == null || options.shard().contains(cell)) && !done.containsKey(cell.index())) {
                todo.add(cell);
            }
        }
        if (!done.isEmpty()) {
            err.printf("%s: resuming, %d cell(s) already done%n", study.name(), done.size());
        }
        try (BatchExecutor executor = new BatchExecutor(options.threads());
                CellStore store = done.isEmpty() ? CellStore.create(folder, header) : CellStore.open(folder);
                Progress progress = Progress.start(study.name(), todo.size(), "cells", err, options.terminal())) {
            executor.map(todo, cell -> {
                long t0 = System.nanoTime();
                List<R> rows;
                try {
                    rows = study.measure(cell, cell.seed(options.seed()));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(study.name() + ": cell " + cell.index() + " " + cell.parameters()
                            + " failed: " + e.getMessage(), e);
                }
                try {
                    store.append(new CellStore.StoredCell(cell.index(), (System.nanoTime() - t0) / 1e9,
                            stored(study, rows)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                progress.step();
                return cell.index();
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (options.shard() != null) {
            err.printf("%s: shard %s done (%d cells in %.1f s); combine the shards with mbp merge%n",
                    study.name(), options.shard().label(), todo.size(), seconds);
            return new Outcome(folder, todo.size(), grid.size(), seconds, Optional.empty());
        }
        ClaimVerdict verdict = finish(study, folder, CellStore.read(folder), seconds, options.threads());
        err.printf("%s: %d cells (%d computed now) in %.1f s%n", study.name(), grid.size(), todo.size(), seconds);
        return new Outcome(folder, todo.size(), grid.size(), seconds, Optional.of(verdict));
    }

    /** A cell's rows as the store keeps them: by column, without the cell index the store line holds. */
    private static <R extends Record> List<Map<String, Object>> stored(Study<?, R> study, List<R> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (R row : rows) {
            Map<String, Object> columns = study.codec().encode(row);
            columns.remove(Study.CELL);
            out.add(columns);
        }
        return out;
    }

    private static TreeMap<Integer, CellStore.StoredCell> prepare(Path folder, CellStore.Header header,
            Existing existing) throws IOException {
        if (!Files.exists(CellStore.file(folder)) || existing == Existing.FRESH) {
            return new TreeMap<>();
        }
        CellStore.Contents contents = CellStore.read(folder);
        if (contents.cells().isEmpty()) {
            return new TreeMap<>();
        }
        if (existing == Existing.REFUSE) {
            throw new IllegalArgumentException(folder + " already holds " + contents.cells().size()
                    + " computed cell(s) of " + header.study() + "; use --resume to continue them or --fresh to"
                    + " start over");
        }
        if (!contents.header().sameGrid(header) || !java.util.Objects.equals(contents.header().shard(), header.shard())) {
            throw new IllegalArgumentException(folder + " holds a run with other parameters ("
                    + contents.header().parameters() + ", seed " + contents.header().seed() + ", shard "
                    + contents.header().shard() + "); use --fresh to replace it or another --out");
        }
        return contents.cells();
    }

    /**
     * Writes the outputs of a complete store; returns the verdict.
     *
     * @param <R> the result type
     * @param study the study
     * @param folder the folder
     * @param contents the contents
     * @param seconds wall time of all checks of this layer
     * @param threads the number of threads
     * @return the claim verdict
     * @throws IOException if reading or writing fails
     */
    public static <R extends Record> ClaimVerdict finish(Study<?, R> study, Path folder, CellStore.Contents contents,
            double seconds, int threads) throws IOException {
        int expected = contents.header().cells();
        if (contents.cells().size() != expected) {
            throw new IllegalArgumentException(folder + ": " + contents.cells().size() + " of " + expected
                    + " cells computed; run the rest (--resume) or merge all shards first");
        }
        List<R> rows;
        try {
            rows = study.rows(contents);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(CellStore.file(folder) + ": " + e.getMessage(), e);
        }
        AtomicFile.writeString(folder.resolve("results.csv"), study.codec().csv(rows));
        Finding finding = study.check(rows);
        List<String> charts = ResultFolder.writeCharts(folder, finding.charts());
        double cellSeconds = contents.cells().values().stream().mapToDouble(CellStore.StoredCell::seconds).sum();
        ResultFolder.writeSummary(folder, summary(study, contents, rows.size(), finding, charts, seconds, cellSeconds,
                threads));
        return finding.verdict();
    }

    private static Map<String, Object> summary(Study<?, ?> study, CellStore.Contents contents, int rows,
            Finding finding, List<String> charts, double seconds, double cellSeconds, int threads) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("study", study.name());
        root.put("title", study.title());
        root.put("description", study.description());
        root.put("seed", contents.header().seed());
        root.put("parameters", contents.header().parameters());
        root.put("cells", contents.header().cells());
        root.put("rows", rows);
        root.put("claim", study.claim());
        root.put("verdict", finding.verdict().text());
        root.put("numbers", finding.numbers());
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("header", finding.keyNumbers().header());
        table.put("rows", finding.keyNumbers().rows());
        root.put("table", table);
        root.put("charts", charts);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("created", Instant.now().toString());
        run.put("seconds", seconds);
        run.put("cell_seconds", cellSeconds);
        run.put("threads", threads);
        run.put("version", RunEnvironment.version());
        run.put("java", System.getProperty("java.version"));
        run.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        run.put("processors", Runtime.getRuntime().availableProcessors());
        root.put("run", run);
        return root;
    }
}
