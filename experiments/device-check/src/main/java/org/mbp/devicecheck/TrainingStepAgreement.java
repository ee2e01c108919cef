package org.mbp.devicecheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.mbp.backend.MixedPrecision;
import org.mbp.data.FashionMnist;
import org.mbp.data.LabelledImages;
import org.mbp.nn.Weights;
import org.mbp.scene.Scene;
import org.mbp.scene.SceneGenerator;
import org.mbp.scene.SceneOptions;
import org.mbp.scene.SpectralClustering;
import org.mbp.spectral.DeepO2P;
import org.mbp.spectral.Form;
import org.mbp.train.BatchResult;
import org.mbp.train.ClassificationTask;
import org.mbp.train.ClassifierModel;
import org.mbp.train.ClassifierVariant;
import org.mbp.train.ConvNet;
import org.mbp.train.CoveringEvaluation;
import org.mbp.train.SegmentationModel;
import org.mbp.train.SegmentationTask;
import org.mbp.train.Task;
import org.mbp.verify.Verifier;

/**
 * One training example of each §7 network — DeepO₂P-FC on a random 28×28 image, DeepNCuts (J2)
 * on a generated 32×32 scene — on two backend pairs at the same weights: the relative difference
 * of the loss and of all parameter gradients together. On a GPU machine it compares the device
 * with the CPU, the whole training step end to end (convolutions, pooling, O₂P or W = FFᵀ and J2,
 * and their backward passes).
 */
public final class TrainingStepAgreement {

    /**
     * The comparison of one example.
     *
     * @param lossDifference     |J − J_ref| / |J_ref|
     * @param gradientDifference ‖g − g_ref‖ / ‖g_ref‖ over every parameter
     */
    public record Agreement(String network, double lossDifference, double gradientDifference) {
    }

    /**
     * The largest relative difference the device check accepts between the GPU and the CPU in
     * the same precisions: both round every trunk operation to float (ε = 6e-8), in different
     * orders (the GPU fuses multiply-adds), so they differ by float rounding amplified by the
     * network. A float trunk against a double one, the larger difference, measured 6.8e-7
     * (DeepO₂P-FC) and 2.4e-6 (DeepNCuts) on the CPU, below a tenth of this
     * (TrainingStepAgreementTest); the margin covers a ReLU or pooling arg-max flipped by rounding.
     */
    public static final double THRESHOLD = 1e-4;

    private static final long SEED = 20261129L;
    private static final int EXAMPLES = 3;

    private TrainingStepAgreement() {
    }

    /**
     * Both networks, one batched pass of {@link #EXAMPLES} examples each: the differences per network.
     *
     * @param tested the tested
     * @param reference the reference
     * @return both networks, one batched pass of {@link #EXAMPLES} examples each: the differences per
     *         network
     */
    public static List<Agreement> compare(MixedPrecision<?> tested, MixedPrecision<?> reference) {
        List<Agreement> out = new ArrayList<>();
        LabelledImages images = LabelledImages.random(EXAMPLES, 3);
        out.add(compare("DeepO2P-FC", b -> classificationTask(b, images), tested, reference));
        SceneGenerator generator = new SceneGenerator(new SceneOptions(32, 3, 20, 12, 8, 3));
        List<Scene> scenes = new ArrayList<>();
        for (int i = 0; i < EXAMPLES; i++) {
            scenes.add(generator.generate(SEED + i));
        }
        out.add(compare("DeepNCuts (J2)", b -> segmentationTask(b, scenes), tested, reference));
        return out;
    }

    private static Agreement compare(String network, Function<MixedPrecision<?>, Task> task,
            MixedPrecision<?> tested, MixedPrecision<?> reference) {
        Task a = task.apply(tested);
        Task b = task.apply(reference);
        Weights weights = Weights.initialise(a.network().parameters(), SEED);
        int[] indices = IntStream.range(0, EXAMPLES).toArray();
        long[] seeds = IntStream.range(0, EXAMPLES).mapToLong(i -> SEED + i).toArray();
        BatchResult x = a.train(weights, indices, seeds);
        BatchResult y = b.train(weights, indices, seeds);
        return new Agreement(network, Math.abs(x.loss() - y.loss()) / Math.abs(y.loss()),
                difference(x.gradient().parameters(), y.gradient().parameters()));
    }

    private static double difference(double[][] got, double[][] want) {
        return Verifier.relativeError(flat(got), flat(want));
    }

    private static double[] flat(double[][] parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }

    private static <M> Task classificationTask(MixedPrecision<M> backends, LabelledImages images) {
        ClassifierModel<M> model = new ClassifierModel<>(ClassifierVariant.O2P_FC,
                new ConvNet<>(new int[] {16, 32}, backends.trunk()), backends.structured(), Form.STABLE,
                DeepO2P.DEFAULT_EPSILON, 128, 0.5, FashionMnist.CLASS_NAMES.size());
        return new ClassificationTask<>(model, images, images);
    }

    private static <M> Task segmentationTask(MixedPrecision<M> backends, List<Scene> scenes) {
        SegmentationModel<M> model = new SegmentationModel<>(new ConvNet<>(new int[] {16, 32}, backends.trunk()), 32,
                20, 1, backends.structured());
        return new SegmentationTask<>(model, scenes, scenes, SegmentationTask.Loss.J2, 1e-8,
                new CoveringEvaluation(SpectralClustering.withDefaults(SEED)));
    }
}
