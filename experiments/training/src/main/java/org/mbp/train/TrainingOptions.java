package org.mbp.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mbp.run.RunEnvironment;

/**
 * The optimiser's settings: SGD with momentum and weight decay on mini-batches, the learning rate
 * raised linearly over the first {@code warmupEpochs} and then annealed by a half cosine over the
 * remaining steps ({@link #learningRateAt}), examples visited in a
 * {@link org.mbp.nn.SeededShuffle} order per epoch. A minibatch runs as batched passes of
 * {@code microBatch} examples each (the last may hold fewer): each pass is one matrix through
 * every layer, and the passes run in parallel on {@code threads} threads. The micro-batch fixes
 * the order of the sums and so belongs to the arithmetic; the thread count does not.
 */
public record TrainingOptions(int epochs, int batch, double learningRate, int warmupEpochs, double momentum,
        double weightDecay, long seed, int threads, int microBatch) {

    /**
     * Examples per batched pass unless chosen: 4, the fastest on the CPU backend measured
     * (docs/BENCHMARKS.md, issue 19): larger passes leave the caches, and the conventional layers'
     * entry-wise work gains nothing from the batch.
     */
    public static final int DEFAULT_MICRO_BATCH = 4;

    /**
     * Checks every setting.
     *
     * @param epochs the epochs
     * @param batch the batch
     * @param learningRate the learning rate
     * @param warmupEpochs the warmup epochs
     * @param momentum the momentum
     * @param weightDecay the weight decay
     * @param seed the random seed
     * @param threads the number of threads
     * @param microBatch the examples of one batched pass
     */
    public TrainingOptions {
        require(epochs >= 1, "--epochs must be at least 1, got " + epochs);
        require(batch >= 1, "--batch must be at least 1, got " + batch);
        require(learningRate > 0 && Double.isFinite(learningRate), "--lr must be positive, got " + learningRate);
        require(warmupEpochs >= 0 && warmupEpochs < epochs,
                "--warmup must be at least 0 and below --epochs (" + epochs + "), got " + warmupEpochs);
        require(momentum >= 0 && momentum < 1, "--momentum must be in [0, 1), got " + momentum);
        require(weightDecay >= 0 && Double.isFinite(weightDecay), "--weight-decay must be ≥ 0, got " + weightDecay);
        require(threads >= 1, "--threads must be at least 1, got " + threads);
        require(microBatch >= 1, "--micro-batch must be at least 1, got " + microBatch);
    }

    /**
     * The settings with {@link #DEFAULT_MICRO_BATCH} examples per batched pass.
     *
     * @param epochs the epochs
     * @param batch the batch
     * @param learningRate the learning rate
     * @param warmupEpochs the warmup epochs
     * @param momentum the momentum
     * @param weightDecay the weight decay
     * @param seed the random seed
     * @param threads the number of threads
     */
    public TrainingOptions(int epochs, int batch, double learningRate, int warmupEpochs, double momentum,
            double weightDecay, long seed, int threads) {
        this(epochs, batch, learningRate, warmupEpochs, momentum, weightDecay, seed, threads, DEFAULT_MICRO_BATCH);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * The learning rate at step t (from 0) of T = epochs · stepsPerEpoch: {@code η (t + 1) / W} for
     * the W = warmupEpochs · stepsPerEpoch warm-up steps, then {@code η ½(1 + cos(π (t − W) / (T − W)))}.
     * The warm-up keeps a wide trunk from a first step so large that every ReLU dies.
     *
     * @param step the step
     * @param stepsPerEpoch the steps per epoch
     * @return the learning rate at step t (from 0) of T = epochs · stepsPerEpoch: {@code η (t + 1)
     *         / W} for the W = warmupEpochs · stepsPerEpoch warm-up steps, then {@code η ½(1 + cos(π (t −
     *         W) / (T − W)))}
     */
    public double learningRateAt(long step, long stepsPerEpoch) {
        long warmup = warmupEpochs * stepsPerEpoch;
        if (step < warmup) {
            return learningRate * (step + 1) / warmup;
        }
        return learningRate * 0.5 * (1 + Math.cos(Math.PI * (step - warmup) / (epochs * stepsPerEpoch - warmup)));
    }

    /**
     * The schedule in words, e.g. "learning rate 0.05 after 1 warm-up epoch, annealed by a half cosine".
     *
     * @return the schedule in words, e.g. "learning rate 0.05 after 1 warm-up epoch, annealed by a
     *         half cosine"
     */
    public String scheduleText() {
        String warmup = warmupEpochs == 0 ? ""
                : " after " + warmupEpochs + " warm-up epoch" + (warmupEpochs == 1 ? "" : "s") + ",";
        return String.format(java.util.Locale.ROOT, "learning rate %.3g%s annealed by a half cosine", learningRate,
                warmup);
    }

    /**
     * The settings that determine the results (not the thread count), for the checkpoint.
     *
     * @return the settings that determine the results (not the thread count), for the checkpoint
     */
    public Map<String, Object> description() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", epochs);
        m.put("batch", batch);
        m.put("micro_batch", microBatch);
        m.put("lr", learningRate);
        m.put("warmup_epochs", warmupEpochs);
        m.put("momentum", momentum);
        m.put("weight_decay", weightDecay);
        m.put("seed", seed);
        m.put("schedule", "cosine");
        return m;
    }

    /**
     * What differs between runs of the same settings, for a summary's {@code run} object: the
     * training time, threads, machine, JVM, version and commit.
     *
     * @param trainingSeconds the training seconds
     * @return what differs between runs of the same settings, for a summary's {@code run} object:
     *         the training time, threads, machine, JVM, version and commit
     */
    public Map<String, Object> run(double trainingSeconds) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("cell_seconds", trainingSeconds);
        run.put("threads", threads);
        run.put("machine", RunEnvironment.machine());
        run.put("jvm", RunEnvironment.jvm());
        run.put("version", RunEnvironment.version());
        run.put("commit", RunEnvironment.commit());
        return run;
    }
}
