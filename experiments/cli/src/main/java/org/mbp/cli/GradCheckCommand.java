package org.mbp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.mbp.accuracy.AccuracyCheck;
import org.mbp.accuracy.AccuracyGrid;
import org.mbp.accuracy.Baseline;
import org.mbp.accuracy.CellResult;
import org.mbp.accuracy.LayerFamilies;
import org.mbp.accuracy.LayerFamily;
import org.mbp.accuracy.Verdict;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.Precision;
import org.mbp.device.ComputeDevice;
import org.mbp.io.AtomicFile;
import org.mbp.layer.BatchExecutor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mbp gradcheck}: every layer against the high-precision reference over a grid of spectra. */
@Command(name = "gradcheck", header = "Checks every layer against a high-precision reference.",
        sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "Checks every layer x {double, float} x {paper, stable} form against a high-precision",
            "(Dfp) reference on a fixed grid of spectra: well separated, clustered at relative gaps",
            "1e-4, 1e-8, 1e-12, and rank-deficient. Prints a table and writes JSON. With --baseline",
            "it compares with a stored run and fails when a gradient got less accurate. With",
            "--device gpu (or auto on a machine with one) the double and float layers run on the",
            "GPU backend (cuda-double, cuda-float), checking it against the same reference.",
            "",
            "Verdicts (bound = 1e3 * eps * A, A = effective condition number, times 1/gap for",
            "forms that divide by gaps): accurate (within the bound, error <= 1e-2),",
            "ill-conditioned (within the bound, error > 1e-2), inaccurate (above the bound),",
            "refused (a documented error such as a tie), failed (anything else).",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done; with --baseline: no regression", "1:with --baseline: a regression",
            "2:bad option, or an unreadable or mismatched baseline"})
final class GradCheckCommand implements Callable<Integer> {

    /** The predefined grids. */
    enum Grid {
        QUICK, DEFAULT
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--grid", defaultValue = "default", paramLabel = "G",
            description = "quick (n = 5, one input per cell; what CI runs) or default (n = 8, three inputs)")
    private Grid grid;

    @Option(names = "--size", paramLabel = "N", description = "override the spectrum size n (4..64)")
    private Integer size;

    @Option(names = "--seeds", paramLabel = "K", description = "override the inputs per cell (1..100)")
    private Integer seeds;

    @Option(names = "--digits", paramLabel = "D", description = "decimal digits of the reference (default: " + org.mbp.precise.HighPrecision.DEFAULT_DIGITS + ")")
    private Integer digits;

    @Option(names = "--out", defaultValue = "mbp-out/gradcheck.json", paramLabel = "FILE",
            description = "where to write the results (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--baseline", paramLabel = "FILE", description = "a stored gradcheck result to compare with")
    private Path baseline;

    @Option(names = "--factor", defaultValue = "10", paramLabel = "X",
            description = "largest allowed growth of an error against the baseline (default: ${DEFAULT-VALUE})")
    private double factor;

    @Option(names = "--update-baseline", description = "write this run to the --baseline file instead of comparing")
    private boolean update;

    @Mixin
    private DeviceOption device;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all processors)")
    private Integer threads;

    /** The families checked; tests replace them with test doubles. */
    private final List<LayerFamily> families;

    GradCheckCommand() {
        this(LayerFamilies.all());
    }

    GradCheckCommand(List<LayerFamily> families) {
        this.families = families;
    }

    @Override
    public Integer call() throws IOException {
        AccuracyGrid base = grid == Grid.QUICK ? AccuracyGrid.quick() : AccuracyGrid.standard();
        AccuracyGrid chosen;
        try {
            chosen = new AccuracyGrid(size == null ? base.size() : size, seeds == null ? base.seeds() : seeds,
                    digits == null ? base.digits() : digits, base.seed());
            org.mbp.precise.HighPrecision.ops(chosen.digits());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (update && baseline == null) {
            throw new ParameterException(spec.commandLine(), "--update-baseline needs --baseline FILE");
        }
        if (!(factor > 1)) {
            throw new ParameterException(spec.commandLine(), "--factor must exceed 1, got " + factor);
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be >= 1, got " + workers);
        }
        Baseline stored = baseline != null && !update ? GradCheckJson.read(baseline) : null;
        requireWritableParent(out, "--out");
        PrintWriter err = spec.commandLine().getErr();
        ComputeDevice computeDevice = device.select(spec);
        List<MatrixOps<?>> backends = computeDevice.isGpu()
                ? List.of(computeDevice.backend(Precision.DOUBLE), computeDevice.backend(Precision.FLOAT))
                : List.copyOf(AccuracyCheck.defaultBackends());
        int total = chosen.spectra().size() * backends.size()
                * families.stream().mapToInt(f -> f.forms().size()).sum();
        err.printf("mbp gradcheck: %d cells (n = %d, %d input(s) per cell, %d-digit reference) on %d thread(s)%n",
                total, chosen.size(), chosen.seeds(), chosen.digits(), workers);
        err.flush();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        List<CellResult> results;
        try (BatchExecutor executor = new BatchExecutor(workers)) {
            results = AccuracyCheck.run(chosen, families, backends, executor, r -> {
                int k = done.incrementAndGet();
                if (k % 20 == 0 || k == total) {
                    synchronized (err) {
                        err.printf("  %d/%d cells%n", k, total);
                        err.flush();
                    }
                }
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(table(results));
        stdout.println(summary(results) + String.format(Locale.ROOT, " (%.1f s)", seconds));
        String json = GradCheckJson.write(chosen, backends.stream().map(MatrixOps::name).toList(), results, seconds);
        AtomicFile.writeString(out, json);
        err.println("wrote " + out);
        if (update) {
            requireWritableParent(baseline, "--baseline");
            AtomicFile.writeString(baseline, json);
            err.println("updated the baseline " + baseline);
        }
        err.flush();
        if (stored == null) {
            stdout.flush();
            return 0;
        }
        List<Baseline.Regression> regressions = stored.compare(chosen, results, factor);
        if (regressions.isEmpty()) {
            stdout.printf("no regression against %s (factor %s)%n", baseline, factor);
            stdout.flush();
            return 0;
        }
        stdout.printf("%d regression(s) against %s:%n", regressions.size(), baseline);
        regressions.forEach(r -> stdout.printf("  %s: %s%n", r.key(), r.reason()));
        stdout.flush();
        return 1;
    }

    private void requireWritableParent(Path file, String option) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), option + " " + file + ": cannot create " + folder);
        }
        if (!Files.isWritable(folder) || Files.isDirectory(file)) {
            throw new ParameterException(spec.commandLine(), option + " " + file + ": cannot write there");
        }
    }

    static String table(List<CellResult> results) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-18s %-6s %-6s %-18s %9s %9s %9s %9s %9s  %s%n",
                "layer", "form", "prec", "spectrum", "median", "max", "bound", "rel-gap", "max|K|", "verdict"));
        for (CellResult r : results) {
            s.append(String.format(Locale.ROOT, "%-18s %-6s %-6s %-18s %9s %9s %9s %9s %9s  %s%n", r.layer(), r.form(),
                    r.precision(), r.spectrum(), number(r.medianError()), number(r.maxError()),
                    number(1e3 * r.epsilon() * r.amplification()), number(r.diagnostics().minRelativeGap()),
                    number(r.diagnostics().maxAbsK()), r.verdict().label()));
        }
        return s.toString();
    }

    static String summary(List<CellResult> results) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        results.forEach(r -> counts.merge(r.verdict(), 1, Integer::sum));
        StringBuilder s = new StringBuilder(results.size() + " cells:");
        counts.forEach((v, n) -> s.append(' ').append(n).append(' ').append(v.label()).append(','));
        s.setLength(s.length() - 1);
        return s.toString();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2e", v) : "-";
    }
}
