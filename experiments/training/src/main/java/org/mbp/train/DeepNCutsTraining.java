package org.mbp.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

/**
 * {@code mbp train deepncuts} as a library call: the DeepNCuts network built on a device's
 * backends, the scenes generated (or BSDS300 read and resampled), then {@link DeepNCutsExperiment}.
 */
public final class DeepNCutsTraining {

    /** Fashion-MNIST training images the generated scenes draw their items from. */
    private static final int FASHION_ITEMS = 2000;

    /**
     * What to train.
     *
     * @param scenes          training scenes to generate, or the cap on BSDS300's; at least 1
     * @param testScenes      test scenes, likewise
     * @param size            the scenes' side in pixels
     * @param fashionFraction fraction of generated scenes with Fashion-MNIST items (0: no data needed)
     * @param data            the Fashion-MNIST folder for the items, or null for {@link FashionMnist#DEFAULT_DIR}
     * @param bsds            the BSDS300 folder to train and test on, or null for generated scenes
     * @param channels        output channels of the trunk's convolution blocks
     * @param pooled          how many leading blocks end in 2×2 max pooling
     * @param rankTolerance   relative rank tolerance of W's projector, in [0, 1)
     */
    public record Request(int scenes, int testScenes, int size, double fashionFraction, Path data, Path bsds,
            SegmentationTask.Loss loss, int[] channels, int pooled, int wide, int features, double constant,
            double rankTolerance, TrainingOptions options) {

        /**
         * @param scenes training scenes to generate, or the cap on BSDS300's; at least 1
         * @param testScenes test scenes, likewise
         * @param size the size
         * @param fashionFraction fraction of generated scenes with Fashion-MNIST items (0: no data
         *                        needed)
         * @param data the data
         * @param bsds the BSDS300 folder to train and test on, or null for generated scenes
         * @param loss the loss
         * @param channels the number of channels
         * @param pooled how many leading blocks end in 2×2 max pooling (at most {@code
         *               channels.length})
         * @param wide whether wide
         * @param features the features
         * @param constant the constant
         * @param rankTolerance relative rank tolerance of projectors in [0, 1), NaN for the default
         * @param options the options
         * @throws IllegalArgumentException for scene counts or a rank tolerance out of range
         */
        public Request {
            if (scenes < 1 || testScenes < 1) {
                throw new IllegalArgumentException("--scenes and --test-scenes must be at least 1");
            }
            if (!(rankTolerance >= 0 && rankTolerance < 1)) {
                throw new IllegalArgumentException("--rank-tolerance must lie in [0, 1), got " + rankTolerance);
            }
        }
    }

    private final DeepNCutsExperiment experiment;

    private DeepNCutsTraining(DeepNCutsExperiment experiment) {
        this.experiment = experiment;
    }

    /**
     * The network of {@code request} on {@code backends}, with its scenes; what is read or generated
     * is announced on {@code err}.
     *
     * @param request the request
     * @param backends the backends
     * @param err where to write messages
     * @return the network of {@code request} on {@code backends}, with its scenes; what is read or
     *         generated is announced on {@code err}
     * @throws IllegalArgumentException for a bad network or size, or missing or malformed data
     * @throws IOException if reading or writing fails
     */
    public static DeepNCutsTraining prepare(Request request, MixedPrecision<?> backends, PrintWriter err)
            throws IOException {
        return new DeepNCutsTraining(experiment(request, backends, err));
    }

    /**
     * The baselines' scores, then training into {@code out} (continuing a checkpoint with {@code resume}).
     *
     * @param out where to write
     * @param resume whether to resume
     * @param err where to write messages
     * @param terminal whether a terminal is attached
     * @return the baselines' scores, then training into {@code out} (continuing a checkpoint with
     *         {@code resume})
     * @throws IOException if reading or writing fails
     */
    public DeepNCutsFindings run(Path out, boolean resume, PrintWriter err, boolean terminal) throws IOException {
        return experiment.run(out, resume, err, terminal);
    }

    private static <M> DeepNCutsExperiment experiment(Request r, MixedPrecision<M> backends, PrintWriter err)
            throws IOException {
        SegmentationModel<M> model = new SegmentationModel<>(new ConvNet<>(r.channels(), r.pooled(), backends.trunk()),
                r.wide(), r.features(), r.constant(), backends.structured());
        int scale = model.trunk().scale();
        if (r.size() < scale * 2 || r.size() % scale != 0) {
            throw new IllegalArgumentException("--size must be a multiple of " + scale
                    + " (one halving per pooled --channels block) and at least " + 2 * scale + ", got " + r.size());
        }
        SceneOptions d = SceneOptions.DEFAULTS;
        double s = r.size() / (double) d.size();
        SceneOptions sceneOptions = new SceneOptions(r.size(), d.minRadius() * s, d.maxRadius() * s, d.leaves(),
                d.minRegionArea(), d.annotators());
        List<Scene> train;
        List<Scene> test;
        String source;
        long seed = r.options().seed();
        if (r.bsds() != null) {
            BsdsDataset dataset = new BsdsDataset(r.bsds());
            err.printf("reading BSDS300 from %s%n", r.bsds());
            err.flush();
            train = first(BsdsScenes.load(dataset, BsdsDataset.Split.TRAIN, r.size()), r.scenes());
            test = first(BsdsScenes.load(dataset, BsdsDataset.Split.TEST, r.size()), r.testScenes());
            source = String.format(Locale.ROOT, "BSDS300 photographs and their human segmentations, resampled to"
                    + " %d×%d.", r.size(), r.size());
        } else {
            SceneGenerator generator = r.fashionFraction() > 0 ? new SceneGenerator(sceneOptions, items(r.data()))
                    : new SceneGenerator(sceneOptions);
            err.printf("generating %d + %d scenes%n", r.scenes(), r.testScenes());
            err.flush();
            train = generate(new SceneSet(generator, seed, r.scenes(), r.fashionFraction()));
            test = generate(new SceneSet(generator, seed + 1, r.testScenes(), r.fashionFraction()));
            source = String.format(Locale.ROOT, "Generated %d×%d scenes (dead leaves of textured shapes%s).", r.size(),
                    r.size(), r.fashionFraction() > 0 ? String.format(Locale.ROOT, "; %.0f%% with Fashion-MNIST items"
                            + " on textured backgrounds", 100 * r.fashionFraction()) : "");
        }
        CoveringEvaluation evaluation = new CoveringEvaluation(SpectralClustering.withDefaults(seed));
        SegmentationTask<M> task = new SegmentationTask<>(model, train, test, r.loss(), r.rankTolerance(), evaluation);
        return new DeepNCutsExperiment(task, test, evaluation, r.options(), source);
    }

    private static FashionItems items(Path data) throws IOException {
        LabelledImages images = FashionMnist.load(data == null ? FashionMnist.DEFAULT_DIR : data,
                FashionMnist.Split.TRAIN).subset(0, FASHION_ITEMS);
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
        List<Scene> scenes = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            scenes.add(set.scene(i));
        }
        return scenes;
    }
}
