package org.mbp.gradcheck;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.mbp.accuracy.AccuracyCheck;
import org.mbp.accuracy.AccuracyGrid;
import org.mbp.accuracy.Baseline;
import org.mbp.accuracy.BaselineFile;
import org.mbp.accuracy.CellResult;
import org.mbp.accuracy.LayerFamily;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.Precision;
import org.mbp.device.ComputeDevice;
import org.mbp.layer.BatchExecutor;
import org.mbp.precise.HighPrecision;
import org.mbp.run.RunEnvironment;

/**
 * What {@code mbp gradcheck} runs: every layer family × backend × form on an accuracy grid against
 * the high-precision reference, its JSON form ({@link Outcome#json()}, also the baseline format), and
 * the comparison with a stored baseline.
 */
public final class GradCheck {

    /**
     * What to check.
     *
     * @param grid     the spectra, their size, the inputs per cell and the reference's digits
     * @param threads  worker threads, at least 1
     * @param baseline a stored run to compare with, or null for none
     * @param factor   the largest allowed growth of an error against the baseline, above 1
     */
    public record Request(AccuracyGrid grid, int threads, Path baseline, double factor) {

        /**
         * @param grid the grid
         * @param threads the number of threads
         * @param baseline a stored run to compare with, or null for none
         * @param factor the factor
         * @throws IllegalArgumentException for reference digits or a factor out of range
         */
        public Request {
            HighPrecision.ops(grid.digits());
            if (!(factor > 1)) {
                throw new IllegalArgumentException("--factor must exceed 1, got " + factor);
            }
        }
    }

    /**
     * One run.
     *
     * @param backends the backends' names, in the order checked
     * @param seconds  how long it took (printed, not part of the JSON)
     */
    public record Outcome(AccuracyGrid grid, List<String> backends, List<CellResult> results, double seconds) {

        /**
         * The run in the baseline format, without its duration: the same results give the same text.
         *
         * @return the JSON text
         */
        public String json() {
            return BaselineFile.json("gradcheck", RunEnvironment.version(), grid, backends, results);
        }
    }

    private final Request request;
    private final Baseline stored;

    private GradCheck(Request request, Baseline stored) {
        this.request = request;
        this.stored = stored;
    }

    /**
     * A check of {@code request}, with its baseline read.
     *
     * @param request the request
     * @return a check of {@code request}, with its baseline read
     * @throws IllegalArgumentException naming {@code --baseline} when the baseline cannot be read
     */
    public static GradCheck prepare(Request request) {
        return new GradCheck(request, request.baseline() == null ? null
                : BaselineFile.read(request.baseline(), "--baseline"));
    }

    /**
     * Checks {@code families} on the device's backends: double and float on a GPU, the CPU's defaults
     * otherwise. Progress goes to {@code err}.
     *
     * @param families the families
     * @param device the device
     * @param err where to write messages
     * @return the outcome
     */
    public Outcome run(List<LayerFamily> families, ComputeDevice device, PrintWriter err) {
        AccuracyGrid grid = request.grid();
        List<MatrixOps<?>> backends = device.isGpu()
                ? List.of(device.backend(Precision.DOUBLE), device.backend(Precision.FLOAT))
                : List.copyOf(AccuracyCheck.defaultBackends());
        int total = grid.spectra().size() * backends.size() * families.stream().mapToInt(f -> f.forms().size()).sum();
        err.printf("mbp gradcheck: %d cells (n = %d, %d input(s) per cell, %d-digit reference) on %d thread(s)%n",
                total, grid.size(), grid.seeds(), grid.digits(), request.threads());
        err.flush();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        List<CellResult> results;
        try (BatchExecutor executor = new BatchExecutor(request.threads())) {
            results = AccuracyCheck.run(grid, families, backends, executor, r -> {
                int k = done.incrementAndGet();
                if (k % 20 == 0 || k == total) {
                    synchronized (err) {
                        err.printf("  %d/%d cells%n", k, total);
                        err.flush();
                    }
                }
            });
        }
        return new Outcome(grid, backends.stream().map(MatrixOps::name).toList(), results,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * Whether there is a baseline to compare with.
     *
     * @return whether there is a baseline to compare with
     */
    public boolean hasBaseline() {
        return stored != null;
    }

    /**
     * The cells of {@code outcome} whose accuracy regressed against the baseline.
     *
     * @param outcome the outcome
     * @return the cells of {@code outcome} whose accuracy regressed against the baseline
     * @throws IllegalArgumentException when the baseline is of another grid or other cells
     */
    public List<Baseline.Regression> regressions(Outcome outcome) {
        return stored.compare(outcome.grid(), outcome.results(), request.factor());
    }
}
