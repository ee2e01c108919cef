package org.mbp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mbp.backend.MixedPrecision;
import org.mbp.data.FashionMnist;
import org.mbp.data.LabelledImages;
import org.mbp.scene.FashionItems;
import org.mbp.scene.Scene;
import org.mbp.scene.SceneGenerator;
import org.mbp.scene.SceneOptions;
import org.mbp.scene.SceneSet;
import org.mbp.scene.SpectralClustering;
import org.mbp.segment.BsdsDataset;
import org.mbp.train.BsdsScenes;
import org.mbp.train.CoveringEvaluation;
import org.mbp.train.DeepNCutsExperiment;
import org.mbp.train.DeepNCutsFindings;
import org.mbp.train.SegmentationModel;
import org.mbp.train.SegmentationTask;
import org.mbp.train.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
        exitCodeList = {"0:done", "2:bad option, missing or malformed data, or a checkpoint in the way (see --resume)",
            "1:internal error"})
final class TrainDeepNCutsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "mbp-out/train-deepncuts",
            description = "output folder (default: ${DEFAULT-VALUE})")
    private Path out;

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
    private String loss;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "20",
            description = "passes over the training scenes (default: ${DEFAULT-VALUE})")
    private int epochs;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "8", description = "scenes per SGD step (default: ${DEFAULT-VALUE})")
    private int batch;

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
        TrainingOptions options = train.options(spec, epochs, batch, learningRate);
        SegmentationTask.Loss j = switch (loss.toLowerCase(Locale.ROOT)) {
            case "j1" -> SegmentationTask.Loss.J1;
            case "j2" -> SegmentationTask.Loss.J2;
            default -> throw new ParameterException(spec.commandLine(), "--loss must be j1 or j2, got '" + loss + "'");
        };
        if (scenes < 1 || testScenes < 1) {
            throw new ParameterException(spec.commandLine(), "--scenes and --test-scenes must be at least 1");
        }
        if (!(rankTolerance >= 0 && rankTolerance < 1)) {
            throw new ParameterException(spec.commandLine(), "--rank-tolerance must lie in [0, 1), got " + rankTolerance);
        }
        SegmentationModel<?> model = model(train.backends(spec));
        int scale = model.trunk().scale();
        if (size < scale * 2 || size % scale != 0) {
            throw new ParameterException(spec.commandLine(), "--size must be a multiple of " + scale
                    + " (one halving per pooled --channels block) and at least " + 2 * scale + ", got " + size);
        }
        SceneOptions sceneOptions;
        try {
            SceneOptions d = SceneOptions.DEFAULTS;
            double s = size / (double) d.size();
            sceneOptions = new SceneOptions(size, d.minRadius() * s, d.maxRadius() * s, d.leaves(), d.minRegionArea(),
                    d.annotators());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        List<Scene> trainScenes;
        List<Scene> testScenesList;
        String source;
        if (bsds != null) {
            BsdsDataset dataset = new BsdsDataset(bsds);
            err.printf("reading BSDS300 from %s%n", bsds);
            err.flush();
            trainScenes = first(BsdsScenes.load(dataset, BsdsDataset.Split.TRAIN, size), scenes);
            testScenesList = first(BsdsScenes.load(dataset, BsdsDataset.Split.TEST, size), testScenes);
            source = String.format(Locale.ROOT, "BSDS300 photographs and their human segmentations, resampled to"
                    + " %d×%d.", size, size);
        } else {
            SceneGenerator generator = fashionFraction > 0 ? new SceneGenerator(sceneOptions, items())
                    : new SceneGenerator(sceneOptions);
            err.printf("generating %d + %d scenes%n", scenes, testScenes);
            err.flush();
            trainScenes = generate(new SceneSet(generator, options.seed(), scenes, fashionFraction));
            testScenesList = generate(new SceneSet(generator, options.seed() + 1, testScenes, fashionFraction));
            source = String.format(Locale.ROOT, "Generated %d×%d scenes (dead leaves of textured shapes%s).", size,
                    size, fashionFraction > 0 ? String.format(Locale.ROOT, "; %.0f%% with Fashion-MNIST items on"
                            + " textured backgrounds", 100 * fashionFraction) : "");
        }
        CoveringEvaluation evaluation = new CoveringEvaluation(SpectralClustering.withDefaults(options.seed()));
        SegmentationTask<?> task = task(model, trainScenes, testScenesList, j, evaluation);
        TrainOptions.prepare(spec, out);
        DeepNCutsFindings findings = new DeepNCutsExperiment(task, testScenesList, evaluation, options, source)
                .run(out, train.resume, err, System.console() != null);
        PrintWriter o = spec.commandLine().getOut();
        o.println(findings.verdict().sentence());
        o.printf("trained %d epochs; wrote %s%n", findings.history().size(), out.resolve("summary.json"));
        o.flush();
        return 0;
    }

    private FashionItems items() throws IOException {
        LabelledImages images = FashionMnist.load(data == null ? FashionMnist.DEFAULT_DIR : data, FashionMnist.Split.TRAIN)
                .subset(0, 2000);
        List<float[]> list = new ArrayList<>();
        for (int i = 0; i < images.count(); i++) {
            list.add(images.image(i));
        }
        return new FashionItems(list, images.labels());
    }

    private static List<Scene> first(List<Scene> all, int n) {
        return all.subList(0, Math.min(n, all.size()));
    }

    private static List<Scene> generate(SceneSet set) {
        List<Scene> out = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            out.add(set.scene(i));
        }
        return out;
    }

    private <M> SegmentationModel<M> model(MixedPrecision<M> backends) {
        try {
            return new SegmentationModel<>(train.trunk(spec, backends.trunk()), wide, features, constant,
                    backends.structured());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private <M> SegmentationTask<M> task(SegmentationModel<M> model, List<Scene> trainScenes, List<Scene> testScenes,
            SegmentationTask.Loss j, CoveringEvaluation evaluation) {
        return new SegmentationTask<>(model, trainScenes, testScenes, j, rankTolerance, evaluation);
    }
}
