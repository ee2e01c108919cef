package org.mbp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mbp.backend.Precision;
import org.mbp.device.ComputeDevice;
import org.mbp.gradient.GradientCost;
import org.mbp.gradient.GradientJob;
import org.mbp.gradient.GradientLayer;
import org.mbp.io.DenseMatrix;
import org.mbp.layer.ErrorBound;
import org.mbp.io.MatrixFiles;
import org.mbp.run.Progress;
import org.mbp.spectral.DeepO2P;
import org.mbp.spectral.Form;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mbp grad}: one structured layer's loss and exact gradient for matrices in files. */
@Command(name = "grad", header = "Exact gradient of a loss through one structured layer.",
        sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "Computes a loss through one structured layer and writes its exact gradient with respect to the"
                + " input. Prints one JSON line: loss, shapes and spectral diagnostics (gaps, max|K|, numerical"
                + " rank, condition number) and error_bound, the predicted relative error of the gradient"
                + " (docs/ERROR-BOUND.md). When error_bound exceeds --max-error the gradient is still written,"
                + " one line on stderr names the cause and the remedy, and the exit status is 3.",
            "",
            "Layers (G is --upstream, the identity by default):",
            "  o2p-svd    <G, log(F'F + eps I)> by DeepO2P-SVD (Cor. 1, eq. 46); dL/dF",
            "  o2p-eig    <G, log(F'F + eps I)> by DeepO2P-EIG (Cor. 1, eq. 47); dL/dF",
            "  ncuts-j1   J1 (eq. 50) of W = F F' against --target E; dJ1/dF",
            "  ncuts-j2   J2 (eq. 59, Prop. 6) of W = F F' against --target E; dJ2/dF",
            "  eig-fn     <G, g(Z)>, Z symmetric, g from --fn (Prop. 4); symmetric dL/dZ",
            "  projector  <G, A A+> (Lemma 1); dL/dA",
            "",
            "Files: .npy (2-D float64 or float32; integer or bool E accepted) or .csv. The gradient is written"
                + " atomically (float32 with --precision float); on any error nothing is written and an existing"
                + " --out file is left as it was.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:gradient written", "3:gradient written, but its predicted error bound exceeds"
            + " --max-error (stderr names the cause and the remedy)",
            "2:bad input or usage (the message names the problem)", "1:internal error"})
final class GradCommand implements Callable<Integer> {

    /** Exit status of a gradient written with a predicted error bound above {@code --max-error}. */
    static final int BEYOND_MAX_ERROR = 3;

    /** The default {@code --max-error}: 1e-6, or 10⁴ ε where a precision's ε makes that larger (float). */
    private static final double DEFAULT_MAX_ERROR = 1e-6;
    private static final double DEFAULT_MAX_ERROR_IN_EPSILON = 1e4;

    /** Jobs estimated to take longer than this many seconds announce their time. */
    static final double ANNOUNCE_SECONDS = 5;

    /** The matrix function of eig-fn without --fn. */
    private static final String DEFAULT_FUNCTION = "log";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LAYER", converter = LayerName.class, completionCandidates = LayerNames.class,
            description = "one of: ${COMPLETION-CANDIDATES}")
    private GradientLayer layer;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "F (o2p, ncuts: m×d features), Z (eig-fn: symmetric n×n) or A (projector: m×n)")
    private Path input;

    @Option(names = "--target", paramLabel = "FILE",
            description = "ncuts only: the m×k indicator matrix E of the target segmentation")
    private Path target;

    @Option(names = "--upstream", paramLabel = "FILE",
            description = "G of L = <G, f(X)> (default: the identity); not for ncuts, whose J is scalar")
    private Path upstream;

    @Option(names = "--epsilon", paramLabel = "EPS",
            description = "o2p only: the regulariser eps of F'F + eps I (default: " + DeepO2P.DEFAULT_EPSILON + ")")
    private Double epsilon;

    @Option(names = "--precision", defaultValue = "double", paramLabel = "P",
            description = "double or float (real float32 arithmetic); default: ${DEFAULT-VALUE}")
    private Precision precision;

    @Option(names = "--form", defaultValue = "paper", paramLabel = "FORM",
            description = "paper (K, K~ of eqs. 13, 34) or stable (Daleckii-Krein divided differences,"
                    + " exact at ties; o2p and eig-fn only); default: ${DEFAULT-VALUE}")
    private Form form;

    @Option(names = "--fn", paramLabel = "G",
            description = "eig-fn only: log, sqrt or exp (default: " + DEFAULT_FUNCTION + ")")
    private String function;

    @Option(names = "--rank-tolerance", paramLabel = "TAU",
            description = "projector and ncuts only: singular values <= TAU * sigma_max count as zero"
                    + " (default: max(m, n) * machine epsilon)")
    private Double rankTolerance;

    @Option(names = "--max-error", paramLabel = "TOL",
            description = "largest acceptable predicted relative error of the gradient (error_bound); above it"
                    + " the gradient is written and the exit status is 3 (default: 1e-6, or 1e4 * machine"
                    + " epsilon if larger: 1.2e-3 in float)")
    private Double maxError;

    @Mixin
    private OutputFile output = OutputFile.inExistingFolder();

    @Mixin
    private DeviceOption device;

    @Override
    public Integer call() throws IOException {
        checkOptions();
        Path out = output.prepare();
        MatrixFiles.format(out);
        refuseToReplace(out, "--input", input);
        refuseToReplace(out, "--target", target);
        refuseToReplace(out, "--upstream", upstream);
        DenseMatrix x = MatrixFiles.read(input);
        DenseMatrix e = target == null ? null : MatrixFiles.read(target);
        DenseMatrix g = upstream == null ? null : MatrixFiles.read(upstream);
        ComputeDevice computeDevice = device.select(spec.commandLine().getErr());
        GradientJob.Request request = new GradientJob.Request(layer, x, e, g,
                epsilon == null ? DeepO2P.DEFAULT_EPSILON : epsilon, precision, form,
                function == null ? DEFAULT_FUNCTION : function, rankTolerance == null ? Double.NaN : rankTolerance);
        GradientJob.Result result = runTimed(computeDevice, request);
        MatrixFiles.write(out, result.gradient(), precision == Precision.FLOAT);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("layer", layer.label());
        line.put("pipeline", result.layer());
        line.put("precision", precision.label());
        line.put("device", computeDevice.describe());
        if (layer.hasStableForm()) {
            line.put("form", form.label());
        }
        if (layer.isO2P()) {
            line.put("epsilon", request.epsilon());
        }
        if (layer == GradientLayer.EIG_FN) {
            line.put("fn", request.function());
        }
        line.put("loss", result.loss());
        line.put("input_shape", List.of(x.rows(), x.cols()));
        line.put("gradient_shape", List.of(result.gradient().rows(), result.gradient().cols()));
        line.put("output", out.toString());
        line.put("diagnostics", DiagnosticsJson.of(result.diagnostics()));
        ErrorBound bound = result.errorBound();
        double threshold = maxError == null ? Math.max(DEFAULT_MAX_ERROR,
                DEFAULT_MAX_ERROR_IN_EPSILON * precision.epsilon()) : maxError;
        line.put("error_bound", bound.relative());
        line.put("max_error", threshold);
        spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(line));
        spec.commandLine().getOut().flush();
        if (bound.exceeds(threshold)) {
            spec.commandLine().getErr().println(String.format(Locale.ROOT, "mbp grad: warning: the gradient may be"
                    + " off by %s (error_bound %.2g > --max-error %.2g): %s; %s", size(bound.relative()),
                    bound.relative(), threshold, bound.cause(), remedy(bound)));
            spec.commandLine().getErr().flush();
            return BEYOND_MAX_ERROR;
        }
        return 0;
    }

    /** A relative error in words: a percentage up to 100 %, "more than its own size" beyond. */
    private static String size(double relative) {
        if (relative >= 1) {
            return "more than its own size";
        }
        return relative >= 1e-2 ? String.format(Locale.ROOT, "up to %.0f %%", 100 * relative)
                : String.format(Locale.ROOT, "up to %.1e relative", relative);
    }

    /** What the user can change to get an accurate gradient. */
    private String remedy(ErrorBound bound) {
        if (bound.gapLimited() && form == Form.PAPER && layer.hasStableForm()) {
            return "use --form stable (no division by eigenvalue gaps)";
        }
        if (precision == Precision.FLOAT) {
            return "use --precision double";
        }
        if (layer.isO2P()) {
            return "a larger --epsilon improves the conditioning of F'F + eps I";
        }
        return "the input is as ill-conditioned as that; the gradient is as accurate as its conditioning allows";
    }

    /**
     * Runs the job; one estimated to take longer than 5 s says so first (from {@link GradientCost})
     * and reports each stage as it ends.
     */
    private GradientJob.Result runTimed(ComputeDevice computeDevice, GradientJob.Request request) {
        double estimate = GradientCost.estimateSeconds(computeDevice, request);
        if (estimate < ANNOUNCE_SECONDS) {
            return GradientJob.run(computeDevice, request);
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "grad: a %s input: about %s (estimated from the m·n·min(m, n) cost at this"
                + " machine's measured rate)%n", request.input().shape(), Progress.clock(estimate));
        err.flush();
        long start = System.nanoTime();
        GradientJob.Result result = GradientJob.run(computeDevice, request, stage -> {
            err.printf(Locale.ROOT, "grad: %s done after %s%n", stage, Progress.clock((System.nanoTime() - start) / 1e9));
            err.flush();
        });
        return result;
    }

    /** Options that do not apply to the chosen layer are usage errors, not silently ignored. */
    private void checkOptions() {
        Usage.require(spec, maxError == null || maxError > 0, "--max-error must be positive, got " + maxError);
        Usage.require(spec, !layer.isNCuts() || target != null, "--target E is required for " + layer.label());
        Usage.require(spec, layer.isNCuts() || target == null, "--target applies to ncuts-j1 and ncuts-j2 only");
        Usage.require(spec, !layer.isNCuts() || upstream == null, "--upstream does not apply to " + layer.label()
                + " (J is a scalar loss)");
        Usage.require(spec, layer.isO2P() || epsilon == null, "--epsilon applies to o2p-svd and o2p-eig only");
        Usage.require(spec, layer == GradientLayer.EIG_FN || function == null, "--fn applies to eig-fn only");
        Usage.require(spec, form == Form.PAPER || layer.hasStableForm(), "--form stable applies to o2p-svd,"
                + " o2p-eig and eig-fn only (" + layer.label() + " has no matrix function)");
        Usage.require(spec, rankTolerance == null || layer == GradientLayer.PROJECTOR || layer.isNCuts(),
                "--rank-tolerance applies to projector, ncuts-j1 and ncuts-j2 only");
    }

    /**
     * Refuses an {@code --out} that is an input file under another name (the same path, a link to
     * it, or a hard link): writing the gradient would replace the input.
     */
    private static void refuseToReplace(Path out, String option, Path in) throws IOException {
        if (in != null && Files.exists(out) && Files.exists(in) && Files.isSameFile(out, in)) {
            throw new IllegalArgumentException("--out " + out + " is the " + option + " file " + in
                    + "; writing the gradient there would replace it: choose another --out");
        }
    }

    /** The hyphenated layer names. */
    static final class LayerName extends LibraryConverter<GradientLayer> {
        LayerName() {
            super(GradientLayer::parse);
        }
    }

    /** Completion candidates and the list shown in {@code --help}. */
    static final class LayerNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return GradientLayer.labels().iterator();
        }
    }
}
