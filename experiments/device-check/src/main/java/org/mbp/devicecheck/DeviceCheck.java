package org.mbp.devicecheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mbp.accuracy.AccuracyCheck;
import org.mbp.accuracy.AccuracyGrid;
import org.mbp.accuracy.CellResult;
import org.mbp.accuracy.LayerFamilies;
import org.mbp.backend.DeviceCounters;
import org.mbp.backend.MixedPrecision;
import org.mbp.backend.Precision;
import org.mbp.device.ComputeDevice;
import org.mbp.device.Device;
import org.mbp.cuda.BatchedJacobi;
import org.mbp.cuda.CudaContext;
import org.mbp.cuda.GpuProbe;
import org.mbp.device.DeviceUnavailableException;
import org.mbp.layer.BatchExecutor;
import org.mbp.io.AtomicFile;
import org.mbp.run.ResultFolder;
import org.mbp.train.ClassifierVariant;
import org.mbp.train.OperationCounts;
import org.mbp.train.TrainingOptions;

/**
 * The GPU machine's check ({@code mbp device-check}, run by {@code scripts/device-check.sh}):
 * every kernel against the CPU backend, the batched Jacobi kernels against their CPU reference,
 * every structured layer's gradient on the GPU against the high-precision reference, batched
 * EIG/SVD times against PyTorch's (from {@code scripts/peer_eigh_torch.py}), and a DeepO₂P
 * training epoch on the GPU against the CPU; it writes {@code device-check.json} and
 * {@code device-check.md} and prints the table last. Without a GPU it times the CPU epoch alone
 * and says why.
 */
public final class DeviceCheck {

    /** The targets. */
    static final double EPOCH_SPEEDUP_TARGET = 10;
    /** About how long the timed GPU epoch should take. */
    static final double GPU_EPOCH_SECONDS = 30;

    /**
     * What to check and time.
     *
     * @param out       the folder of device-check.json, device-check.md and the epochs' run folders
     * @param torch     PyTorch's batched EIG/SVD times (scripts/peer_eigh_torch.py's JSON), or null;
     *                  a file that cannot be read leaves the times without a peer
     * @param batch     matrices per timed batched EIG/SVD
     * @param sizes     the orders of the timed matrices
     * @param gpuImages the most random images of the timed GPU epoch, which is sized to take about
     *                  {@value #GPU_EPOCH_SECONDS} s
     * @param cpuImages the random images of the timed CPU epoch
     * @param repeats   timed repetitions of each batched EIG/SVD (their median is reported)
     */
    public record Request(Path out, Path torch, int batch, List<Integer> sizes, int gpuImages, int cpuImages,
            int repeats) {

        /**
         * Checks every value, naming the option of a bad one.
         *
         * @param out where to write
         * @param torch PyTorch's batched EIG/SVD times (scripts/peer_eigh_torch.py's JSON), or
         *              null;
         * @param batch the batch
         * @param sizes the orders of the timed matrices
         * @param gpuImages the most random images of the timed GPU epoch, which is sized to take
         *                  about
         * @param cpuImages the random images of the timed CPU epoch
         * @param repeats timed repetitions of each batched EIG/SVD (their median is reported)
         */
        public Request {
            Objects.requireNonNull(out, "--out");
            sizes = List.copyOf(sizes);
            require(batch >= 1, "--batch must be at least 1, got " + batch);
            require(!sizes.isEmpty() && sizes.stream().allMatch(d -> d >= 1 && d <= BatchedJacobi.MAX_ORDER),
                    "--sizes must be orders in [1, " + BatchedJacobi.MAX_ORDER + "], got " + sizes);
            require(gpuImages >= 1, "--gpu-images must be at least 1, got " + gpuImages);
            require(cpuImages >= 1, "--cpu-images must be at least 1, got " + cpuImages);
            require(repeats >= 1, "--repeats must be at least 1, got " + repeats);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    private final Request request;
    private final PrintWriter out;
    private final PrintWriter err;
    private final List<String> table = new ArrayList<>();
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final Map<String, Object> epochs = new LinkedHashMap<>();
    private EpochTiming.Timing cpu;
    private boolean failed;

    private DeviceCheck(Request request, PrintWriter out, PrintWriter err) {
        this.request = request;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the check: progress on {@code err}, the table last on {@code out}.
     *
     * @param request the request
     * @param out where to write
     * @param err where to write messages
     * @return whether every kernel, layer and section passed
     * @throws IOException if reading or writing fails
     */
    public static boolean run(Request request, PrintWriter out, PrintWriter err) throws IOException {
        return new DeviceCheck(request, out, err).run();
    }

    private boolean run() throws IOException {
        Path folder = Files.createDirectories(request.out());
        GpuProbe.Result probe = GpuProbe.probe();
        int cores = Runtime.getRuntime().availableProcessors();
        String machine = probe.describe() + "; " + cores + " CPU threads; Java " + Runtime.version();
        err.println("device-check: " + machine);
        json.put("date", LocalDate.now().toString());
        json.put("machine", machine);
        table.add("| check | result | target | verdict |");
        table.add("|---|---|---|---|");
        CudaContext context = null;
        if (!probe.available()) {
            table.add("| GPU | " + probe.describe() + " | a GPU | pending |");
        } else {
            try {
                context = CudaContext.open(probe.ordinal());
            } catch (DeviceUnavailableException e) {
                failed = true;
                table.add("| GPU | " + e.getMessage() + " | a usable GPU | FAIL |");
            }
        }
        if (context != null) {
            CudaContext gpu = context;
            for (Section section : new Section[] {() -> kernels(gpu), () -> jacobiAgreement(gpu), () -> layers(gpu),
                this::trainingSteps, this::launches, () -> jacobiTimings(gpu)}) {
                run(section, folder, machine);
            }
        }
        run(() -> cpuEpoch(cores, folder), folder, machine);
        if (context != null) {
            run(() -> gpuEpoch(cores, folder), folder, machine);
        }
        out.println();
        out.print(markdown(machine));
        out.flush();
        return !failed;
    }

    /** One part of the check; a part that throws is recorded as failed and the others still run. */
    @FunctionalInterface
    private interface Section {
        void run() throws IOException;
    }

    /** Runs a section, then rewrites both outputs, so a run killed later keeps what it measured. */
    private void run(Section section, Path folder, String machine) throws IOException {
        try {
            section.run();
        } catch (Exception | LinkageError e) {
            failed = true;
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            err.println("device-check: a section failed: " + e);
            table.add("| (section error) | " + e.getClass().getSimpleName() + ": " + message.replace("|", "/")
                    + " | | FAIL |");
        }
        json.put("passed", !failed);
        ResultFolder.writeJson(folder.resolve("device-check.json"), json);
        AtomicFile.writeString(folder.resolve("device-check.md"), markdown(machine));
    }

    private String markdown(String machine) {
        return "Device check, " + json.get("date") + ": " + machine + "\n\n" + String.join("\n", table) + "\n";
    }

    private void kernels(CudaContext context) {
        err.println("device-check: every MatrixOps/ImageOps kernel against the CPU backend");
        List<BackendAgreement.Agreement> agreements = BackendAgreement.run(context);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Precision p : Precision.values()) {
            double worst = 0;
            int failures = 0;
            int count = 0;
            for (BackendAgreement.Agreement a : agreements) {
                if (a.precision() == p) {
                    count++;
                    worst = Math.max(worst, Double.isNaN(a.maxRelativeError()) ? Double.POSITIVE_INFINITY
                            : a.maxRelativeError());
                    if (!a.passed()) {
                        failures++;
                        err.println("device-check: FAILED " + a);
                    }
                    rows.add(Map.of("operation", a.operation(), "precision", p.label(), "shapes", a.shapes(),
                            "max_relative_error", String.valueOf(a.maxRelativeError())));
                }
            }
            failed |= failures > 0;
            table.add(String.format(Locale.ROOT, "| %s kernels vs CPU backend (%d checks) | worst %.2e, %d failed |"
                    + " ≤ %.0e | %s |", p.label(), count, worst, failures, p == Precision.DOUBLE ? 1e-10 : 1e-4,
                    failures == 0 ? "pass" : "FAIL"));
        }
        json.put("kernels", rows);
    }

    private void jacobiAgreement(CudaContext context) {
        err.println("device-check: batched Jacobi kernels against their CPU reference");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JacobiCheck.Agreement a : JacobiCheck.agreement(context)) {
            failed |= !a.passed();
            rows.add(Map.of("decomposition", a.decomposition(), "shape", a.shape(),
                    "relative_difference", String.valueOf(a.relativeDifference()), "sweeps", a.maxSweeps()));
            table.add(String.format(Locale.ROOT, "| Jacobi %s %s vs Java reference | %.2e (%d sweeps) | ≤ %.0e | %s |",
                    a.decomposition(), a.shape(), a.relativeDifference(), a.maxSweeps(), JacobiCheck.Agreement.THRESHOLD,
                    a.passed() ? "pass" : "FAIL"));
        }
        json.put("jacobi_agreement", rows);
    }

    private void jacobiTimings(CudaContext context) throws IOException {
        int[] sizes = request.sizes().stream().mapToInt(Integer::intValue).toArray();
        err.println("device-check: timing batched EIG/SVD, batch " + request.batch());
        JsonNode torch = request.torch() != null && Files.isReadable(request.torch())
                ? new ObjectMapper().readTree(request.torch().toFile()) : null;
        List<Map<String, Object>> timings = new ArrayList<>();
        for (JacobiCheck.Timing t : JacobiCheck.timings(context, request.batch(), sizes, request.repeats())) {
            String peer = t.decomposition().equals("eig") ? "eigh" : "svd";
            JsonNode ms = torch == null ? null : torch.path(peer).get(String.valueOf(t.order()));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("decomposition", t.decomposition());
            row.put("order", t.order());
            row.put("batch", t.batch());
            row.put("mbp_ms", t.milliseconds());
            row.put("sweeps", t.maxSweeps());
            String verdict = "no torch figure";
            String result = String.format(Locale.ROOT, "%.2f ms (%d sweeps)", t.milliseconds(), t.maxSweeps());
            if (ms != null && ms.isNumber()) {
                row.put("torch_ms", ms.doubleValue());
                result += String.format(Locale.ROOT, " vs torch.linalg.%s %.2f ms", peer, ms.doubleValue());
                verdict = t.milliseconds() <= ms.doubleValue() ? "met" : "not met";
            }
            timings.add(row);
            table.add(String.format(Locale.ROOT, "| batched %s, %d × %d×%d double | %s | ≤ torch | %s |",
                    t.decomposition().toUpperCase(Locale.ROOT), t.batch(), t.order(), t.order(), result, verdict));
        }
        json.put("jacobi_timings", timings);
    }

    /**
     * Every structured layer on the GPU backend against the high-precision reference (the quick
     * grid of {@code mbp gradcheck}): the verdicts must pass, as they do on the CPU.
     */
    private void layers(CudaContext context) {
        err.println("device-check: every layer's gradient on the GPU against the high-precision reference");
        ComputeDevice gpu = ComputeDevice.select(Device.GPU, err::println);
        List<CellResult> cells;
        try (BatchExecutor executor = new BatchExecutor(Runtime.getRuntime().availableProcessors())) {
            cells = AccuracyCheck.run(AccuracyGrid.quick(), LayerFamilies.all(),
                    List.of(gpu.backend(Precision.DOUBLE), gpu.backend(Precision.FLOAT)), executor, c -> { });
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        long passing = 0;
        double worstDouble = 0;
        for (CellResult c : cells) {
            if (c.verdict().passing()) {
                passing++;
            } else {
                err.println("device-check: FAILED " + c.key() + " " + c.verdict() + " " + c.note());
            }
            if (c.precision().endsWith("double") && Double.isFinite(c.maxError()) && c.form().equals("stable")) {
                worstDouble = Math.max(worstDouble, c.maxError());
            }
            rows.add(Map.of("cell", c.key(), "verdict", c.verdict().name(), "max_error", String.valueOf(c.maxError())));
        }
        failed |= passing < cells.size();
        table.add(String.format(Locale.ROOT, "| every layer's gradient on the GPU vs high precision (%d cells) | %d"
                + " pass, worst stable-form double error %.1e | all pass | %s |", cells.size(), passing, worstDouble,
                passing == cells.size() ? "pass" : "FAIL"));
        json.put("layers", rows);
    }

    /** One training example of each §7 network on the GPU against the CPU, in the same precisions. */
    private void trainingSteps() {
        err.println("device-check: one training step of each network, GPU against CPU");
        List<Map<String, Object>> rows = new ArrayList<>();
        MixedPrecision<?> gpu = ComputeDevice.select(Device.GPU, err::println)
                .backends(Precision.FLOAT, Precision.DOUBLE);
        for (TrainingStepAgreement.Agreement a : TrainingStepAgreement.compare(gpu,
                ComputeDevice.cpu().backends(Precision.FLOAT, Precision.DOUBLE))) {
            boolean passed = a.lossDifference() <= TrainingStepAgreement.THRESHOLD
                    && a.gradientDifference() <= TrainingStepAgreement.THRESHOLD;
            failed |= !passed;
            rows.add(Map.of("network", a.network(), "loss_difference", a.lossDifference(),
                    "gradient_difference", a.gradientDifference()));
            table.add(String.format(Locale.ROOT, "| %s training step, GPU vs CPU | loss %.1e, gradients %.1e |"
                    + " ≤ %.0e | %s |", a.network(), a.lossDifference(), a.gradientDifference(),
                    TrainingStepAgreement.THRESHOLD, passed ? "pass" : "FAIL"));
        }
        json.put("training_steps", rows);
    }

    /**
     * Kernel launches and host synchronisations of one batched training pass on the GPU against the
     * number of examples in it (GAP-FC and DeepO₂P-FC images, DeepNCuts J2 scenes): flat, at most
     * 2 synchronisations per step (issue 19's targets).
     */
    private void launches() {
        err.println("device-check: kernel launches and synchronisations per training pass");
        MixedPrecision<?> gpu = ComputeDevice.select(Device.GPU, err::println)
                .backends(Precision.FLOAT, Precision.DOUBLE);
        DeviceCounters counters = DeviceCounters.of(gpu.trunk());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ClassifierVariant v : List.of(ClassifierVariant.GAP_FC, ClassifierVariant.O2P_FC)) {
            table.add(launchRow(v.id(), OperationCounts.trainingPass(v, gpu.trunk(), gpu.structured(),
                    counters::launches, counters::synchronizations, 1, 16, 64), rows));
        }
        List<OperationCounts.Count> scenes = OperationCounts.segmentationPass(gpu.trunk(), gpu.structured(),
                counters::launches, counters::synchronizations, 1, 4, 16);
        table.add(launchRow("deepncuts-j2", scenes, rows));
        json.put("launches", rows);
    }

    /**
     * The table row of one network's counts (flat launches and at most 2 synchronisations: met),
     * each count also added to the JSON rows.
     */
    private static String launchRow(String network, List<OperationCounts.Count> counts,
            List<Map<String, Object>> rows) {
        boolean flat = counts.stream().allMatch(c -> c.operations() == counts.get(0).operations());
        long syncs = counts.stream().mapToLong(OperationCounts.Count::reads).max().orElse(0);
        StringBuilder result = new StringBuilder();
        for (OperationCounts.Count c : counts) {
            result.append(result.length() == 0 ? "" : "; ").append(c.images()).append(" examples: ")
                    .append(c.operations()).append(" launches, ").append(c.reads()).append(" syncs");
            rows.add(Map.of("network", network, "examples", c.images(), "launches", c.operations(),
                    "synchronizations", c.reads()));
        }
        return String.format(Locale.ROOT, "| %s launches per training pass | %s | flat, ≤ 2 syncs | %s |",
                network, result, flat && syncs <= 2 ? "met" : "not met");
    }

    private void cpuEpoch(int cores, Path folder) throws IOException {
        int images = request.cpuImages();
        err.println("device-check: DeepO2P-FC epoch on the CPU, " + images + " random images");
        MixedPrecision<?> backends = ComputeDevice.cpu().backends(Precision.FLOAT, Precision.DOUBLE);
        cpu = EpochTiming.run(backends, "cpu", images, cores, TrainingOptions.DEFAULT_MICRO_BATCH,
                folder.resolve("epochs"), err);
        epochs.put("cpu", cpu);
        json.put("epochs", epochs);
        table.add(String.format(Locale.ROOT, "| DeepO2P-FC epoch, CPU (%d threads, trunk %s) | %.0f images/s, %.0f s"
                + " per 60k | | |", cores, backends.trunk().name(), cpu.trainImagesPerSecond(), cpu.fullEpochSeconds()));
    }

    /**
     * A 64-image epoch first, to size the timed one so that it takes about
     * {@value #GPU_EPOCH_SECONDS} s (at most --gpu-images images).
     */
    private void gpuEpoch(int cores, Path folder) throws IOException {
        MixedPrecision<?> backends = ComputeDevice.select(Device.GPU, err::println)
                .backends(Precision.FLOAT, Precision.DOUBLE);
        err.println("device-check: DeepO2P-FC on the GPU, a 64-image epoch to size the timed one");
        EpochTiming.Timing probe = EpochTiming.run(backends, "gpu-probe", 64, cores, EpochTiming.BATCH,
                folder.resolve("epochs"), err);
        int images = (int) Math.max(64, Math.min(request.gpuImages(),
                probe.trainImagesPerSecond() * GPU_EPOCH_SECONDS));
        err.println("device-check: DeepO2P-FC epoch on the GPU, " + images + " random images");
        EpochTiming.Timing gpu = EpochTiming.run(backends, "gpu", images, cores, EpochTiming.BATCH,
                folder.resolve("epochs"), err);
        epochs.put("gpu", gpu);
        json.put("epochs", epochs);
        double speedup = cpu == null ? Double.NaN : gpu.trainImagesPerSecond() / cpu.trainImagesPerSecond();
        table.add(String.format(Locale.ROOT, "| DeepO2P-FC epoch, GPU (%d images) | %.0f images/s, %.0f s per 60k,"
                + " %.1f× the CPU | ≥ %.0f× | %s |", images, gpu.trainImagesPerSecond(), gpu.fullEpochSeconds(), speedup,
                EPOCH_SPEEDUP_TARGET, speedup >= EPOCH_SPEEDUP_TARGET ? "met" : "not met"));
    }
}
