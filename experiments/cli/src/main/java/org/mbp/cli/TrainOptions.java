package org.mbp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.MixedPrecision;
import org.mbp.backend.Precision;
import org.mbp.train.ConvNet;
import org.mbp.train.TrainingOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options both training loops share (each declares its own --epochs, --batch and --lr defaults). */
final class TrainOptions {

    @Mixin
    DeviceOption device = new DeviceOption();

    @Option(names = "--channels", split = ",", paramLabel = "C", defaultValue = "16,32",
            description = "output channels of the 3×3 conv → ReLU → 2×2 max-pool blocks (default: ${DEFAULT-VALUE})")
    int[] channels;

    @Option(names = "--pooled", paramLabel = "N", description = "end only the first N blocks in 2×2 max-pooling;"
            + " later blocks keep the resolution (default: every block)")
    Integer pooled;

    @Option(names = "--warmup", paramLabel = "E", defaultValue = "0",
            description = "epochs of linear learning-rate warm-up before the half-cosine decay (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--momentum", paramLabel = "μ", defaultValue = "0.9",
            description = "SGD momentum (default: ${DEFAULT-VALUE})")
    double momentum;

    @Option(names = "--weight-decay", paramLabel = "λ", defaultValue = "5e-4",
            description = "L2 weight decay (default: ${DEFAULT-VALUE})")
    double weightDecay;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20261129",
            description = "seed of initialisation, shuffling, dropout and generated data (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all processors);"
            + " results do not depend on it")
    Integer threads;

    @Option(names = "--resume", description = "continue the checkpoints in --out (a killed run reaches the same"
            + " result as an uninterrupted one)")
    boolean resume;

    @Option(names = "--trunk-precision", paramLabel = "P", defaultValue = "float",
            description = "precision of the conventional layers: float or double (default: ${DEFAULT-VALUE})")
    String trunkPrecision;

    @Option(names = "--structured-precision", paramLabel = "P", defaultValue = "double",
            description = "precision of the structured layer: double or float (default: ${DEFAULT-VALUE})")
    String structuredPrecision;

    TrainingOptions options(CommandSpec spec, int epochs, int batch, double learningRate) {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        try {
            return new TrainingOptions(epochs, batch, learningRate, warmup, momentum, weightDecay, seed, t);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The conventional and structured layers' backends: --trunk-precision and --structured-precision on the --device. */
    MixedPrecision<?> backends(CommandSpec spec) {
        return device.select(spec).backends(precision(spec, "--trunk-precision", trunkPrecision),
                precision(spec, "--structured-precision", structuredPrecision));
    }

    /** The convolutional trunk: --channels blocks on {@code trunk}. */
    <M> ConvNet<M> trunk(CommandSpec spec, MatrixOps<M> trunk) {
        try {
            return new ConvNet<>(channels, pooled == null ? channels.length : pooled, trunk);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static Precision precision(CommandSpec spec, String option, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "float" -> Precision.FLOAT;
            case "double" -> Precision.DOUBLE;
            default -> throw new ParameterException(spec.commandLine(), option + " must be float or double, got '"
                    + value + "'");
        };
    }

    /** Makes sure the output folder can be written. */
    static void prepare(CommandSpec spec, Path out) {
        try {
            Files.createDirectories(out);
        } catch (IOException | SecurityException e) {
            throw new ParameterException(spec.commandLine(), "--out " + out + ": cannot create the folder ("
                    + e.getMessage() + ")");
        }
    }
}
