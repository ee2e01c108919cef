package org.mbp.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.concurrency.EjmlConcurrency;
import org.mbp.layer.BatchExecutor;
import org.mbp.nn.Gradient;
import org.mbp.nn.SeededShuffle;
import org.mbp.nn.Sgd;
import org.mbp.nn.Weights;
import org.mbp.io.AtomicFile;
import org.mbp.run.Progress;
import org.mbp.run.ResultFolder;
import org.mbp.run.Rows;

/**
 * Trains a {@link Task} by mini-batch SGD and keeps a run folder: {@code checkpoint.bin} after
 * every epoch, {@code epochs.csv} and {@code epochs.json} (one row per epoch). A minibatch runs as
 * batched passes of {@link TrainingOptions#microBatch()} examples (each one matrix through every
 * layer, its gradient summed inside the backend's products), the passes on any of the threads,
 * and the passes' gradients are summed in pass order, so results do not depend on the thread
 * count, and a run resumed from a checkpoint reproduces the uninterrupted run bit for bit.
 */
public final class Trainer {

    /** Per-epoch rows, CSV. */
    public static final String EPOCHS_CSV = "epochs.csv";
    /** Per-epoch rows, JSON. */
    public static final String EPOCHS_JSON = "epochs.json";

    private final TrainingOptions options;
    private final PrintWriter err;
    private final boolean terminal;

    /**
     * A trainer. Batched passes run in parallel on {@code options.threads()} threads, so EJML's own
     * multi-threaded kernels are switched off (they would oversubscribe the cores).
     *
     * @param options the options
     * @param err where to write messages
     * @param terminal whether a terminal is attached
     */
    public Trainer(TrainingOptions options, PrintWriter err, boolean terminal) {
        EjmlConcurrency.USE_CONCURRENT = false;
        this.options = options;
        this.err = err;
        this.terminal = terminal;
    }

    /** What a run leaves: its epochs and the final weights. */
    public record Result(List<Epoch> history, Weights weights) {

        /**
         * The last epoch.
         *
         * @return the last epoch
         */
        public Epoch last() {
            return history.get(history.size() - 1);
        }
    }

    /**
     * Trains {@code task} into {@code folder}.
     *
     * @param resume continue from the folder's checkpoint; without it a folder holding one is refused
     * @param task the task
     * @param folder the folder
     * @return what the training found
     * @throws IllegalArgumentException for a checkpoint of other settings, or one present without --resume
     * @throws IOException if reading or writing fails
     */
    public Result run(Task task, Path folder, boolean resume) throws IOException {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("task", task.description());
        settings.put("options", options.description());
        Weights weights;
        Sgd sgd;
        List<Epoch> history;
        int done;
        if (Files.exists(folder.resolve(Checkpoint.FILE))) {
            if (!resume) {
                throw new IllegalArgumentException(folder + " holds a checkpoint of an earlier run: pass --resume to"
                        + " continue it, or choose another --out");
            }
            if (!Checkpoint.isChecksummed(folder)) {
                err.printf("%s: %s was written by an earlier mbp without checksums: resuming without a check of its"
                        + " bytes (the next epoch writes it with checksums)%n", task.name(), folder.resolve(Checkpoint.FILE));
            }
            Checkpoint c = Checkpoint.read(folder, task.network().parameters(), settings);
            weights = c.weights(task.network().parameters());
            sgd = new Sgd(options.momentum(), options.weightDecay(), c.velocity());
            history = new ArrayList<>(c.history());
            done = c.epoch();
            err.printf("%s: resuming after epoch %d of %d%n", task.name(), done, options.epochs());
        } else {
            weights = Weights.initialise(task.network().parameters(), options.seed());
            sgd = new Sgd(weights, options.momentum(), options.weightDecay());
            history = new ArrayList<>();
            done = 0;
        }
        int n = task.trainingSize();
        long stepsPerEpoch = (n + options.batch() - 1) / options.batch();
        try (BatchExecutor executor = new BatchExecutor(options.threads())) {
            for (int epoch = done + 1; epoch <= options.epochs(); epoch++) {
                history.add(epoch(task, weights, sgd, executor, epoch, stepsPerEpoch));
                new Checkpoint(settings, epoch, copies(weights), sgd.velocity(), history).write(folder);
                writeHistory(folder, history);
            }
        }
        writeHistory(folder, history);
        return new Result(history, weights);
    }

    private Epoch epoch(Task task, Weights weights, Sgd sgd, BatchExecutor executor, int epoch,
            long stepsPerEpoch) {
        int n = task.trainingSize();
        int[] order = SeededShuffle.permutation(n, options.seed(), epoch);
        Readings readings = new Readings();
        double loss = 0;
        double rate = 0;
        long start = System.nanoTime();
        try (Progress progress = Progress.start(task.name() + " epoch " + epoch + "/" + options.epochs(), n, "images",
                err, terminal)) {
            for (int step = 0; step < stepsPerEpoch; step++) {
                int from = step * options.batch();
                int to = Math.min(n, from + options.batch());
                List<int[]> passes = new ArrayList<>();
                for (int p = from; p < to; p += options.microBatch()) {
                    passes.add(Arrays.copyOfRange(order, p, Math.min(to, p + options.microBatch())));
                }
                List<BatchResult> results = executor.map(passes,
                        indices -> task.train(weights, indices, exampleSeeds(epoch, indices)));
                double[][] mean = meanGradient(results, to - from);
                for (BatchResult r : results) {
                    loss += r.loss();
                    r.readings().forEach(readings::add);
                }
                rate = options.learningRateAt((epoch - 1) * stepsPerEpoch + step, stepsPerEpoch);
                sgd.step(weights, mean, rate);
                progress.stepBy(to - from);
            }
        }
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        long evalStart = System.nanoTime();
        Map<String, Double> evaluation = task.evaluate(weights, executor);
        double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
        Map<String, Double> metrics = new LinkedHashMap<>();
        readings.values().forEach((k, v) -> metrics.put("train_" + k, Rows.finiteOrNull(v)));
        evaluation.forEach((k, v) -> metrics.put(k, Rows.finiteOrNull(v)));
        err.printf("%s epoch %d: train loss %.4f, %s (%.0f s, %.0f images/s)%n", task.name(), epoch, loss / n,
                evaluation, trainSeconds, n / trainSeconds);
        err.flush();
        return new Epoch(epoch, rate, loss / n, metrics, trainSeconds, n / trainSeconds,
                1e3 * trainSeconds / stepsPerEpoch, task.evaluationSize() / evalSeconds);
    }

    /** The seeds of the examples' stochastic stages in an epoch: fixed by the run's seed alone. */
    private long[] exampleSeeds(int epoch, int[] indices) {
        long[] seeds = new long[indices.length];
        for (int n = 0; n < indices.length; n++) {
            seeds[n] = options.seed() * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + indices[n];
        }
        return seeds;
    }

    /** The passes' summed gradients, added in pass order and divided by the minibatch's size. */
    private static double[][] meanGradient(List<BatchResult> results, int examples) {
        double[][] sum = null;
        for (BatchResult r : results) {
            Gradient g = r.gradient();
            if (sum == null) {
                sum = new double[g.parameters().length][];
                for (int p = 0; p < sum.length; p++) {
                    sum[p] = new double[g.parameters()[p].length];
                }
            }
            for (int p = 0; p < sum.length; p++) {
                double[] s = sum[p];
                double[] v = g.parameters()[p];
                for (int i = 0; i < s.length; i++) {
                    s[i] += v[i];
                }
            }
        }
        for (double[] s : sum) {
            for (int i = 0; i < s.length; i++) {
                s[i] /= examples;
            }
        }
        return sum;
    }

    private static double[][] copies(Weights w) {
        double[][] out = new double[w.parameters().size()][];
        for (int p = 0; p < out.length; p++) {
            out[p] = w.values(p).clone();
        }
        return out;
    }

    private static void writeHistory(Path folder, List<Epoch> history) throws IOException {
        List<Map<String, Object>> rows = Epoch.rows(history);
        AtomicFile.writeString(folder.resolve(EPOCHS_CSV), Epoch.csv(rows));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("epochs", rows);
        ResultFolder.writeJson(folder.resolve(EPOCHS_JSON), json);
    }
}
