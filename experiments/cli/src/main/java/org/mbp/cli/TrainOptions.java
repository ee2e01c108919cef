package org.mbp.cli;

import java.io.PrintWriter;
import org.mbp.backend.MixedPrecision;
import org.mbp.backend.Precision;
import org.mbp.train.TrainingOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options both training loops share, built on the shared {@link DeviceOption} and
 * {@link ThreadsOption}; each loop declares its own --out, --epochs, --batch, --micro-batch and --lr defaults.
 */
final class TrainOptions {

    @Mixin
    private DeviceOption device;

    @Option(names = "--channels", split = ",", paramLabel = "C", defaultValue = "16,32",
            description = "output channels of the 3×3 conv → ReLU → 2×2 max-pool blocks (default: ${DEFAULT-VALUE})")
    private int[] channels;

    @Option(names = "--pooled", paramLabel = "N", description = "end only the first N blocks in 2×2 max-pooling;"
            + " later blocks keep the resolution (default: every block)")
    private Integer pooled;

    @Option(names = "--warmup", paramLabel = "E", defaultValue = "0",
            description = "epochs of linear learning-rate warm-up before the half-cosine decay (default: ${DEFAULT-VALUE})")
    private int warmup;

    @Option(names = "--momentum", paramLabel = "μ", defaultValue = "0.9",
            description = "SGD momentum (default: ${DEFAULT-VALUE})")
    private double momentum;

    @Option(names = "--weight-decay", paramLabel = "λ", defaultValue = "5e-4",
            description = "L2 weight decay (default: ${DEFAULT-VALUE})")
    private double weightDecay;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20261129",
            description = "seed of initialisation, shuffling, dropout and generated data (default: ${DEFAULT-VALUE})")
    private long seed;

    @Mixin
    private ThreadsOption threads;

    @Option(names = "--resume", description = "continue the checkpoints in --out (a killed run reaches the same"
            + " result as an uninterrupted one)")
    private boolean resume;

    @Option(names = "--trunk-precision", paramLabel = "P", defaultValue = "float",
            description = "precision of the conventional layers: float or double (default: ${DEFAULT-VALUE})")
    private Precision trunkPrecision;

    @Option(names = "--structured-precision", paramLabel = "P", defaultValue = "double",
            description = "precision of the structured layer: double or float (default: ${DEFAULT-VALUE})")
    private Precision structuredPrecision;

    /**
     * The optimiser's settings with the loop's epochs, batch, micro-batch and learning rate.
     *
     * @throws IllegalArgumentException naming the option of a value out of range
     */
    TrainingOptions options(int epochs, int batch, int microBatch, double learningRate) {
        return new TrainingOptions(epochs, batch, learningRate, warmup, momentum, weightDecay, seed, threads.count(),
                microBatch);
    }

    /** The conventional and structured layers' backends: --trunk-precision and --structured-precision on the --device. */
    MixedPrecision<?> backends(PrintWriter notices) {
        return device.select(notices).backends(trunkPrecision, structuredPrecision);
    }

    /** Output channels of the trunk's blocks. */
    int[] channels() {
        return channels.clone();
    }

    /** How many leading blocks end in pooling: --pooled, or every block. */
    int pooled() {
        return pooled == null ? channels.length : pooled;
    }

    /** Whether to continue the checkpoints in --out. */
    boolean resume() {
        return resume;
    }
}
