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
import org.mbp.accuracy.AccuracyGrid;
import org.mbp.accuracy.Baseline;
import org.mbp.accuracy.CellResult;
import org.mbp.accuracy.LayerFamilies;
import org.mbp.accuracy.LayerFamily;
import org.mbp.accuracy.Verdict;
import org.mbp.gradcheck.GradCheck;
import org.mbp.io.AtomicFile;
import org.mbp.precise.HighPrecision;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mbp gradcheck}: every layer against the high-precision reference over a grid of spectra. */
@Command(name = "gradcheck", header = "Checks every layer against a high-precision reference.",
        sortOptions = false, mixinStandardHelpOptions = true,
        defaultValueProvider = GradCheckCommand.DefaultOutput.class,
        description = {
            "Checks every layer x {double, float} x {paper, stable} form against a high-precision (Dfp)"
                + " reference on a fixed grid of spectra: well separated, clustered at relative gaps 1e-4, 1e-8,"
                + " 1e-12, and rank-deficient. Prints a table and writes JSON. With --baseline it compares with a"
                + " stored run and fails when a gradient got less accurate. With --device gpu (or auto on a"
                + " machine with one) the double and float layers run on the GPU backend (cuda-double,"
                + " cuda-float), checking it against the same reference.",
            "",
            "Verdicts (bound = 1e3 * eps * A, A = effective condition number, times 1/gap for forms that"
                + " divide by gaps): accurate (within the bound, error <= 1e-2), ill-conditioned (within the"
                + " bound, error > 1e-2), inaccurate (above the bound), refused (a documented error such as a"
                + " tie), failed (anything else).",
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

    @Option(names = "--digits", paramLabel = "D", description = "decimal digits of the reference (default: "
            + HighPrecision.DEFAULT_DIGITS + ")")
    private Integer digits;

    @Option(names = "--out", paramLabel = "FILE|DIR", description = "where to write the JSON result: a file, or an"
            + " existing folder to write gradcheck.json into (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--baseline", paramLabel = "FILE", description = "a stored gradcheck result to compare with")
    private Path baseline;

    @Option(names = "--factor", paramLabel = "X",
            description = "largest allowed growth of an error against --baseline (default: " + DEFAULT_FACTOR + ")")
    private Double factor;

    @Option(names = "--update-baseline", description = "write this run to the --baseline file instead of comparing")
    private boolean update;

    @Mixin
    private DeviceOption device;

    @Mixin
    private ThreadsOption threads;

    /** The growth of an error against the baseline that still passes. */
    static final double DEFAULT_FACTOR = 10;

    /** The file written into a folder given as --out. */
    static final String FILE_NAME = "gradcheck.json";

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
        Usage.require(spec, !update || baseline != null, "--update-baseline needs --baseline FILE");
        Usage.require(spec, factor == null || baseline != null && !update,
                "--factor applies only when comparing with --baseline FILE (not with --update-baseline)");
        double growth = factor == null ? DEFAULT_FACTOR : factor;
        AccuracyGrid base = grid == Grid.QUICK ? AccuracyGrid.quick() : AccuracyGrid.standard();
        AccuracyGrid chosen = new AccuracyGrid(size == null ? base.size() : size, seeds == null ? base.seeds() : seeds,
                digits == null ? base.digits() : digits, base.seed());
        GradCheck check = GradCheck.prepare(new GradCheck.Request(chosen, threads.count(), update ? null : baseline,
                growth));
        Path file = Writable.file("--out", Files.isDirectory(out) ? out.resolve(FILE_NAME) : out, true);
        if (update) {
            Writable.file("--baseline", baseline, true);
        }
        PrintWriter err = spec.commandLine().getErr();
        GradCheck.Outcome outcome = check.run(families, device.select(err), err);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(table(outcome.results()));
        stdout.println(summary(outcome.results()) + String.format(Locale.ROOT, " (%.1f s)", outcome.seconds()));
        String json = outcome.json();
        AtomicFile.writeString(file, json);
        err.println("wrote " + file);
        if (update) {
            AtomicFile.writeString(baseline, json);
            err.println("updated the baseline " + baseline);
        }
        err.flush();
        if (!check.hasBaseline()) {
            stdout.flush();
            return 0;
        }
        List<Baseline.Regression> regressions = check.regressions(outcome);
        if (regressions.isEmpty()) {
            stdout.printf("no regression against %s (factor %s)%n", baseline, growth);
            stdout.flush();
            return 0;
        }
        stdout.printf("%d regression(s) against %s:%n", regressions.size(), baseline);
        regressions.forEach(r -> stdout.printf("  %s: %s%n", r.key(), r.reason()));
        stdout.flush();
        return 1;
    }

    /** The default --out. */
    static final class DefaultOutput implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec argument) {
            return argument.isOption() && ((OptionSpec) argument).longestName().equals("--out")
                    ? "mbp-out/" + FILE_NAME : null;
        }
    }

    static String table(List<CellResult> results) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-18s %-6s %-6s %-18s %9s %9s %9s %9s %9s  %s%n",
                "layer", "form", "prec", "spectrum", "median", "max", "bound", "rel-gap", "max|K|", "verdict"));
        for (CellResult r : results) {
            s.append(String.format(Locale.ROOT, "%-18s %-6s %-6s %-18s %9s %9s %9s %9s %9s  %s%n", r.layer(), r.form(),
                    r.precision(), r.spectrum(), number(r.medianError()), number(r.maxError()),
                    number(r.bound()), number(r.diagnostics().minRelativeGap()),
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
