package org.mbp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.mbp.io.AtomicFiles;
import org.mbp.layer.BatchExecutor;
import org.mbp.verify.Acceptance;
import org.mbp.verify.CatalogCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mbp report}: the main job. For now it verifies every structured layer of the paper
 * (dot-product test, finite differences, Taylor order, float against double) and writes the
 * results; the stability studies and charts join it as they are built.
 */
@Command(name = "report", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Verifies the gradient of every structured layer of the paper on seeded inputs"
                + " and writes the results (verification.csv, summary.json) to the output folder.",
            "Checks per layer: dot-product test <= " + Acceptance.DOT_PRODUCT + ", finite differences"
                    + " (Richardson) <= " + Acceptance.FINITE_DIFFERENCE + ", Taylor order 2 +- "
                    + Acceptance.TAYLOR_ORDER_TOLERANCE + " (double); float gradient within "
                    + Acceptance.FLOAT_AGAINST_DOUBLE + " of double.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every layer passed", "1:some layer failed a check", "2:bad option or output folder"})
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", defaultValue = "mbp-out", paramLabel = "DIR",
            description = "output folder, created if missing (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--seed", defaultValue = "20261128", paramLabel = "N",
            description = "seed of the sample inputs (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "worker threads (default: all available processors)")
    private Integer threads;

    @Override
    public Integer call() throws IOException {
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be >= 1, got " + workers);
        }
        prepareFolder();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        List<CatalogCheck.Result> results;
        AtomicInteger done = new AtomicInteger();
        try (BatchExecutor executor = new BatchExecutor(workers)) {
            int total = org.mbp.verify.LayerCatalog.paperLayers(org.mbp.backend.EjmlOps.DOUBLE, seed).size();
            err.printf("mbp report: verifying %d layers on %d thread(s), seed %d%n", total, workers, seed);
            err.flush();
            results = CatalogCheck.run(seed, executor, r -> {
                synchronized (err) {
                    err.printf("[%2d/%d] %-30s %s (%.2f s)%n", done.incrementAndGet(), total, r.name(),
                            r.passed() ? "ok" : "FAILED", r.seconds());
                    err.flush();
                }
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(table(results));
        long failed = results.stream().filter(r -> !r.passed()).count();
        stdout.printf("%d of %d layers passed every check in %.1f s.%n", results.size() - failed,
                results.size(), seconds);
        stdout.flush();
        AtomicFiles.writeString(out.resolve("verification.csv"), csv(results));
        AtomicFiles.writeString(out.resolve("summary.json"), summary(results, workers, seconds));
        err.printf("wrote %s and %s%n", out.resolve("verification.csv"), out.resolve("summary.json"));
        err.flush();
        return failed == 0 ? 0 : 1;
    }

    private void prepareFolder() {
        try {
            Files.createDirectories(out);
        } catch (IOException | SecurityException e) {
            throw new ParameterException(spec.commandLine(), "--out " + out + ": cannot create the folder ("
                    + e.getMessage() + ")");
        }
        if (!Files.isWritable(out)) {
            throw new ParameterException(spec.commandLine(), "--out " + out + ": folder is not writable");
        }
    }

    static String table(List<CatalogCheck.Result> results) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-30s %-40s %8s %8s %8s %6s %8s %8s %8s  %s%n", "layer",
                "paper", "dot", "fd", "fd-bound", "taylor", "f32/f64", "rel-gap", "max|K|", "verdict"));
        for (CatalogCheck.Result r : results) {
            s.append(String.format(Locale.ROOT, "%-30s %-40s %8.1e %8.1e %8.1e %6.3f %8.1e %8s %8s  %s%n",
                    r.name(), r.reference(), r.dotProduct(), r.finiteDifference(), r.fdBound(), r.taylorOrder(),
                    r.floatVsDouble(), finiteOrDash(r.diagnostics().minRelativeGap()),
                    finiteOrDash(r.diagnostics().maxAbsK()), r.passed() ? "pass" : "FAIL"));
        }
        return s.toString();
    }

    /** A number, or "-" where the layer has no spectrum (no gap, no K). */
    private static String finiteOrDash(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1e", value) : "-";
    }

    /** One row per measurement. */
    static String csv(List<CatalogCheck.Result> results) {
        StringBuilder s = new StringBuilder(
                "layer,reference,check,precision,value,threshold,passed,min_relative_gap,max_abs_k\n");
        for (CatalogCheck.Result r : results) {
            row(s, r, "dot_product", "double", r.dotProduct(), Acceptance.DOT_PRODUCT,
                    r.dotProduct() <= Acceptance.DOT_PRODUCT);
            row(s, r, "dot_product", "float", r.dotProductFloat(), Double.NaN, true);
            row(s, r, "finite_difference", "double", r.finiteDifference(), Acceptance.FINITE_DIFFERENCE,
                    r.finiteDifference() <= Acceptance.FINITE_DIFFERENCE);
            row(s, r, "finite_difference_bound", "double", r.fdBound(), Double.NaN, true);
            row(s, r, "taylor_order", "double", r.taylorOrder(), Acceptance.TAYLOR_ORDER,
                    Math.abs(r.taylorOrder() - Acceptance.TAYLOR_ORDER) <= Acceptance.TAYLOR_ORDER_TOLERANCE);
            row(s, r, "float_vs_double", "float", r.floatVsDouble(), Acceptance.FLOAT_AGAINST_DOUBLE,
                    r.floatVsDouble() <= Acceptance.FLOAT_AGAINST_DOUBLE);
        }
        return s.toString();
    }

    private static void row(StringBuilder s, CatalogCheck.Result r, String check, String precision,
            double value, double threshold, boolean passed) {
        s.append(quote(r.name())).append(',').append(quote(r.reference())).append(',').append(check)
                .append(',').append(precision).append(',').append(value).append(',')
                .append(Double.isNaN(threshold) ? "" : Double.toString(threshold)).append(',').append(passed)
                .append(',').append(r.diagnostics().minRelativeGap()).append(',')
                .append(Double.isNaN(r.diagnostics().maxAbsK()) ? "" : Double.toString(r.diagnostics().maxAbsK()))
                .append('\n');
    }

    private static String quote(String field) {
        return field.contains(",") || field.contains("\"") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    private String summary(List<CatalogCheck.Result> results, int workers, double seconds) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("command", "report");
        root.put("version", VersionProvider.version());
        root.put("created", Instant.now().toString());
        root.put("seed", seed);
        root.put("threads", workers);
        root.put("seconds", seconds);
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("java", System.getProperty("java.version"));
        environment.put("vm", System.getProperty("java.vm.name"));
        environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        environment.put("processors", Runtime.getRuntime().availableProcessors());
        root.put("environment", environment);
        Map<String, Object> thresholds = new LinkedHashMap<>();
        thresholds.put("dot_product", Acceptance.DOT_PRODUCT);
        thresholds.put("finite_difference", Acceptance.FINITE_DIFFERENCE);
        thresholds.put("taylor_order", List.of(Acceptance.TAYLOR_ORDER - Acceptance.TAYLOR_ORDER_TOLERANCE,
                Acceptance.TAYLOR_ORDER + Acceptance.TAYLOR_ORDER_TOLERANCE));
        thresholds.put("float_vs_double", Acceptance.FLOAT_AGAINST_DOUBLE);
        root.put("thresholds", thresholds);
        List<Map<String, Object>> layers = new ArrayList<>();
        for (CatalogCheck.Result r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("layer", r.name());
            m.put("reference", r.reference());
            m.put("passed", r.passed());
            m.put("dot_product", r.dotProduct());
            m.put("dot_product_float", r.dotProductFloat());
            m.put("finite_difference", r.finiteDifference());
            m.put("finite_difference_bound", r.fdBound());
            m.put("taylor_order", r.taylorOrder());
            m.put("float_vs_double", r.floatVsDouble());
            m.put("seconds", r.seconds());
            m.put("diagnostics", DiagnosticsJson.of(r.diagnostics()));
            layers.add(m);
        }
        root.put("layers", layers);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    }
}
