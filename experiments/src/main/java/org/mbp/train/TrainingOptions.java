package org.mbp.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mbp.study.RunEnvironment;

/**
 * The optimiser's settings: SGD with momentum and weight decay on mini-batches, the learning rate
 * annealed by a half cosine over all steps ({@code η_t = η ½(1 + cos(π t / T))}), examples
 * visited in a {@link org.mbp.nn.SeededShuffle} order per epoch.
 */
public record TrainingOptions(int epochs, int batch, double learningRate, double momentum, double weightDecay,
        long seed, int threads) {

    public TrainingOptions {
        require(epochs >= 1, "--epochs must be at least 1, got " + epochs);
        require(batch >= 1, "--batch must be at least 1, got " + batch);
        require(learningRate > 0 && Double.isFinite(learningRate), "--lr must be positive, got " + learningRate);
        require(momentum >= 0 && momentum < 1, "--momentum must be in [0, 1), got " + momentum);
        require(weightDecay >= 0 && Double.isFinite(weightDecay), "--weight-decay must be ≥ 0, got " + weightDecay);
        require(threads >= 1, "--threads must be at least 1, got " + threads);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The learning rate at step t of T. */
    public double learningRateAt(long step, long totalSteps) {
        return learningRate * 0.5 * (1 + Math.cos(Math.PI * step / totalSteps));
    }

    /** The settings that determine the results (not the thread count), for the checkpoint. */
    public Map<String, Object> description() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", epochs);
        m.put("batch", batch);
        m.put("lr", learningRate);
        m.put("momentum", momentum);
        m.put("weight_decay", weightDecay);
        m.put("seed", seed);
        m.put("schedule", "cosine");
        return m;
    }

    /**
     * What differs between runs of the same settings, for a summary's {@code run} object: the
     * training time, threads, machine, JVM, version and commit.
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
