package org.mbp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mbp.run.Progress;
import org.mbp.spectral.DeepO2P;
import org.mbp.spectral.Form;
import org.mbp.train.Augmentation;
import org.mbp.train.ClassifierVariant;
import org.mbp.train.DeepO2PFindings;
import org.mbp.train.DeepO2PTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mbp train deepo2p}: the Table-1 experiment of §7.1 on Fashion-MNIST. */
@Command(name = "deepo2p", header = "Trains DeepO2P and its first-order baselines on Fashion-MNIST (Table 1).",
        sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "Network: 3×3 conv (padding 1) → ReLU → 2×2 max-pool per --channels entry (no pool after the"
                + " first --pooled), giving features F (m locations × d channels: 7·7 × 32 by default); then",
            "  deepo2p     C = log(FᵀF/m + εI), upper triangle → linear classifier",
            "  deepo2p-fc  the same → fully connected (--hidden, ReLU, --dropout) → classifier",
            "  gap         global average pooling (first order) → classifier",
            "  gap-fc      global average pooling → fully connected → classifier",
            "Each variant trains from scratch into --out/<variant>/ (checkpoint.bin, epochs.csv, epochs.json);"
                + " --out gets the Table-1 summary (summary.json), results.csv and charts.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad option, missing or malformed data, a checkpoint in the way (see --resume), or no usable fonts",
            "1:internal error"})
final class TrainDeepO2PCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--variant", split = ",", paramLabel = "V", defaultValue = "deepo2p-fc,gap-fc,deepo2p,gap",
            converter = VariantName.class, description = "networks to train, comma-separated (default: ${DEFAULT-VALUE})")
    private List<ClassifierVariant> variants;

    @Option(names = "--data", paramLabel = "DIR", description = "Fashion-MNIST IDX files, plain or gzip"
            + " (default: /usr/share/datasets/fashion-mnist, from Debian's dataset-fashion-mnist)")
    private Path data;

    @Mixin
    private OutputFolder output = new OutputFolder("mbp-out/train-deepo2p");

    @Option(names = "--train-size", paramLabel = "N", description = "use the first N training images (default: all 60000)")
    private Integer trainSize;

    @Option(names = "--test-size", paramLabel = "N", description = "use the first N test images (default: all 10000)")
    private Integer testSize;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "6",
            description = "passes over the training set (default: ${DEFAULT-VALUE})")
    private int epochs;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64",
            description = "images per SGD step (default: ${DEFAULT-VALUE})")
    private int batch;

    @Option(names = "--micro-batch", paramLabel = "N", defaultValue = "4",
            description = "images per batched pass: a minibatch runs as passes of N images, each one matrix through"
                    + " every layer, the passes in parallel on the threads; it fixes the order of the sums,"
                    + " --threads does not (default: ${DEFAULT-VALUE})")
    private int microBatch;

    @Option(names = "--lr", paramLabel = "η", defaultValue = "0.05",
            description = "initial learning rate, annealed by a half cosine (default: ${DEFAULT-VALUE})")
    private double learningRate;

    @Option(names = "--hidden", paramLabel = "N", defaultValue = "128",
            description = "width of the fully connected layer (default: ${DEFAULT-VALUE})")
    private int hidden;

    @Option(names = "--dropout", paramLabel = "P", defaultValue = "0.5",
            description = "dropout rate after the fully connected layer (default: ${DEFAULT-VALUE})")
    private double dropout;

    @Option(names = "--form", paramLabel = "F", defaultValue = "stable",
            description = "O2P derivative: stable (Daleckii–Krein, finite at repeated eigenvalues) or paper"
                    + " (Prop. 2/4, refuses ties) (default: ${DEFAULT-VALUE})")
    private Form form;

    @Option(names = "--epsilon", paramLabel = "ε", defaultValue = "" + DeepO2P.DEFAULT_EPSILON,
            description = "O2P regulariser (default: ${DEFAULT-VALUE})")
    private double epsilon;

    @Option(names = "--augment", paramLabel = "S", defaultValue = "0", converter = AugmentationValue.class,
            description = "augment training images: mirror left-right at random and shift by up to S pixels"
                    + " (0: none; 'mirror': mirror only; default: ${DEFAULT-VALUE})")
    private Augmentation augmentation;

    @Mixin
    private TrainOptions train;

    @Override
    public Integer call() throws IOException {
        DeepO2PTraining.Request request = new DeepO2PTraining.Request(variants, data, trainSize, testSize,
                train.channels(), train.pooled(), hidden, dropout, form, epsilon, augmentation,
                train.options(epochs, batch, microBatch, learningRate));
        PrintWriter err = spec.commandLine().getErr();
        DeepO2PTraining training = DeepO2PTraining.prepare(request, train.backends(err));
        Path out = output.prepare();
        DeepO2PFindings findings = training.run(out, train.resume(), err, Progress.terminalAttached());
        PrintWriter o = spec.commandLine().getOut();
        findings.runs().forEach(r -> o.printf("%-22s test accuracy %.4f after %d epochs%n", r.variant().label(),
                r.testAccuracy(), r.epochs()));
        o.println(findings.verdict().labelled());
        o.println("wrote " + out.resolve("summary.json"));
        o.flush();
        return 0;
    }

    /** A variant's id, blanks around allowed. */
    static final class VariantName extends LibraryConverter<ClassifierVariant> {
        VariantName() {
            super(id -> ClassifierVariant.of(id.trim()));
        }
    }

    /** 'mirror' or a shift S ≥ 0 in pixels. */
    static final class AugmentationValue extends LibraryConverter<Augmentation> {
        AugmentationValue() {
            super(Augmentation::parse);
        }
    }
}
