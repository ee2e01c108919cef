package org.mbp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mbp.run.Progress;
import org.mbp.train.DeepNCutsFindings;
import org.mbp.train.DeepNCutsTraining;
import org.mbp.train.SegmentationTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mbp train deepncuts}: the Table-2 experiment of §7.2 on generated scenes with exact ground truth. */
@Command(name = "deepncuts", header = "Trains DeepNCuts on generated scenes and scores it against two baselines (Table 2).",
        sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "Scenes: --size × --size dead-leaves scenes of textured occluding shapes and Fashion-MNIST items on"
                + " textured backgrounds (--fashion-fraction), each with 5 annotators that merge neighbouring regions.",
            "Network: 3×3 conv → ReLU → 2×2 max-pool per --channels entry, then 3×3 conv to --wide channels → ReLU →"
                + " 1×1 conv to --features dimensions → ReLU, plus a constant feature: F at 1/2^(blocks) resolution;"
                + " W = FFᵀ; loss J2 (eq. 59) or J1 (eq. 50) against the finest annotation.",
            "Inference: spectral clustering of D^-1/2 W D^-1/2 into k = 1..8 segments, upsampled, split into"
                + " connected components; covering (ODS, OIS, Best) against all annotators. Baselines: the same"
                + " inference on the untrained network's features and on colour + position affinities.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad option, missing or malformed data, a checkpoint in the way (see --resume), or no usable fonts",
            "1:internal error"})
final class TrainDeepNCutsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private OutputFolder output = new OutputFolder("mbp-out/train-deepncuts");

    @Option(names = "--scenes", paramLabel = "N", defaultValue = "600", description = "training scenes (default: ${DEFAULT-VALUE})")
    private int scenes;

    @Option(names = "--test-scenes", paramLabel = "N", defaultValue = "100",
            description = "test scenes (default: ${DEFAULT-VALUE})")
    private int testScenes;

    @Option(names = "--size", paramLabel = "PX", defaultValue = "64",
            description = "scene side in pixels, a multiple of 4 (default: ${DEFAULT-VALUE})")
    private int size;

    @Option(names = "--fashion-fraction", paramLabel = "F", defaultValue = "0.5",
            description = "fraction of scenes with Fashion-MNIST items; 0 needs no data (default: ${DEFAULT-VALUE})")
    private double fashionFraction;

    @Option(names = "--data", paramLabel = "DIR", description = "Fashion-MNIST IDX files for the items"
            + " (default: /usr/share/datasets/fashion-mnist)")
    private Path data;

    @Option(names = "--bsds", paramLabel = "DIR", description = "train and test on BSDS300 (images/{train,test},"
            + " human/color) instead of generated scenes, resampled to --size; --scenes and --test-scenes cap the counts")
    private Path bsds;

    @Option(names = "--loss", paramLabel = "J", defaultValue = "j2", description = "j2 (eq. 59) or j1 (eq. 50) (default: ${DEFAULT-VALUE})")
    private SegmentationTask.Loss loss;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "20",
            description = "passes over the training scenes (default: ${DEFAULT-VALUE})")
    private int epochs;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "8", description = "scenes per SGD step (default: ${DEFAULT-VALUE})")
    private int batch;

    @Option(names = "--micro-batch", paramLabel = "N", defaultValue = "2",
            description = "scenes per batched pass: a minibatch runs as passes of N scenes, each one matrix through"
                    + " every layer, the passes in parallel on the threads; it fixes the order of the sums,"
                    + " --threads does not (default: ${DEFAULT-VALUE})")
    private int microBatch;

    @Option(names = "--lr", paramLabel = "η", defaultValue = "0.5",
            description = "initial learning rate, annealed by a half cosine (default: ${DEFAULT-VALUE})")
    private double learningRate;

    @Option(names = "--wide", paramLabel = "N", defaultValue = "64",
            description = "channels of the wide 3×3 convolution (default: ${DEFAULT-VALUE})")
    private int wide;

    @Option(names = "--features", paramLabel = "N", defaultValue = "20",
            description = "dimensions of F, the paper's 20 (default: ${DEFAULT-VALUE})")
    private int features;

    @Option(names = "--constant", paramLabel = "C", defaultValue = "1",
            description = "the constant feature that keeps the degrees of W positive (default: ${DEFAULT-VALUE})")
    private double constant;

    @Option(names = "--rank-tolerance", paramLabel = "T", defaultValue = "1e-8",
            description = "singular values of W below T·σ₁ count as zero in its projector (default: ${DEFAULT-VALUE})")
    private double rankTolerance;

    @Mixin
    private TrainOptions train;

    @Override
    public Integer call() throws IOException {
        DeepNCutsTraining.Request request = new DeepNCutsTraining.Request(scenes, testScenes, size, fashionFraction,
                data, bsds, loss, train.channels(), train.pooled(), wide, features, constant, rankTolerance,
                train.options(epochs, batch, microBatch, learningRate));
        PrintWriter err = spec.commandLine().getErr();
        DeepNCutsTraining training = DeepNCutsTraining.prepare(request, train.backends(err), err);
        Path out = output.prepare();
        DeepNCutsFindings findings = training.run(out, train.resume(), err, Progress.terminalAttached());
        PrintWriter o = spec.commandLine().getOut();
        o.println(findings.verdict().labelled());
        o.printf("trained %d epochs; wrote %s%n", findings.history().size(), out.resolve("summary.json"));
        o.flush();
        return 0;
    }
}
