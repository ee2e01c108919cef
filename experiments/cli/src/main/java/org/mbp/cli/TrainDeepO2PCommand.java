package org.mbp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.mbp.backend.MixedPrecision;
import org.mbp.data.FashionMnist;
import org.mbp.data.LabelledImages;
import org.mbp.spectral.DeepO2P;
import org.mbp.spectral.Form;
import org.mbp.train.ClassifierModel;
import org.mbp.train.Augmentation;
import org.mbp.train.ClassifierVariant;
import org.mbp.train.ConvNet;
import org.mbp.train.DeepO2PExperiment;
import org.mbp.train.DeepO2PFindings;
import org.mbp.train.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
        exitCodeList = {"0:done", "2:bad option, missing or malformed data, or a checkpoint in the way (see --resume)",
            "1:internal error"})
final class TrainDeepO2PCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--variant", split = ",", paramLabel = "V", defaultValue = "deepo2p-fc,gap-fc,deepo2p,gap",
            description = "networks to train, comma-separated (default: ${DEFAULT-VALUE})")
    private List<String> variants;

    @Option(names = "--data", paramLabel = "DIR", description = "Fashion-MNIST IDX files, plain or gzip"
            + " (default: /usr/share/datasets/fashion-mnist, from Debian's dataset-fashion-mnist)")
    private Path data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "mbp-out/train-deepo2p",
            description = "output folder (default: ${DEFAULT-VALUE})")
    private Path out;

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
    private String form;

    @Option(names = "--epsilon", paramLabel = "ε", defaultValue = "1e-3",
            description = "O2P regulariser (default: ${DEFAULT-VALUE})")
    private double epsilon;

    @Option(names = "--augment", paramLabel = "S", defaultValue = "0",
            description = "augment training images: mirror left-right at random and shift by up to S pixels"
                    + " (0: none; 'mirror': mirror only; default: ${DEFAULT-VALUE})")
    private String augment;

    @Mixin
    private TrainOptions train;

    @Override
    public Integer call() throws IOException {
        TrainingOptions options = train.options(spec, epochs, batch, learningRate);
        List<ClassifierVariant> chosen = new ArrayList<>();
        for (String v : variants) {
            try {
                chosen.add(ClassifierVariant.of(v.trim()));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--variant: " + e.getMessage());
            }
        }
        if (hidden < 1) {
            throw new ParameterException(spec.commandLine(), "--hidden must be at least 1, got " + hidden);
        }
        if (!(epsilon > 0)) {
            throw new ParameterException(spec.commandLine(), "--epsilon must be positive, got " + epsilon);
        }
        Form f = switch (form.toLowerCase(Locale.ROOT)) {
            case "stable" -> Form.STABLE;
            case "paper" -> Form.PAPER;
            default -> throw new ParameterException(spec.commandLine(), "--form must be stable or paper, got '" + form + "'");
        };
        Augmentation augmentation;
        try {
            augmentation = Augmentation.parse(augment);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--augment: " + e.getMessage());
        }
        DeepO2PExperiment experiment = new DeepO2PExperiment(chosen, models(train.backends(spec), f), options,
                augmentation);
        Path dir = data == null ? FashionMnist.DEFAULT_DIR : data;
        LabelledImages trainSet = first(FashionMnist.load(dir, FashionMnist.Split.TRAIN), trainSize, "--train-size");
        LabelledImages testSet = first(FashionMnist.load(dir, FashionMnist.Split.TEST), testSize, "--test-size");
        TrainOptions.prepare(spec, out);
        PrintWriter err = spec.commandLine().getErr();
        DeepO2PFindings findings = experiment.run(trainSet, testSet, out, train.resume, err, System.console() != null);
        PrintWriter o = spec.commandLine().getOut();
        findings.runs().forEach(r -> o.printf("%-22s test accuracy %.4f after %d epochs%n", r.variant().label(),
                r.testAccuracy(), r.epochs()));
        o.println(findings.verdict().sentence());
        o.println("wrote " + out.resolve("summary.json"));
        o.flush();
        return 0;
    }

    private LabelledImages first(LabelledImages set, Integer n, String option) {
        if (n == null) {
            return set;
        }
        if (n < 1 || n > set.count()) {
            throw new ParameterException(spec.commandLine(), option + " must be in [1, " + set.count() + "], got " + n);
        }
        return set.subset(0, n);
    }

    private <M> Function<ClassifierVariant, ClassifierModel<?>> models(MixedPrecision<M> backends, Form f) {
        ConvNet<M> trunk = train.trunk(spec, backends.trunk());
        return v -> new ClassifierModel<>(v, trunk, backends.structured(), f, epsilon, hidden, dropout,
                FashionMnist.CLASS_NAMES.size());
    }
}
