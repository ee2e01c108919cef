package org.mbp.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.Precision;
import org.mbp.data.LabelledImages;
import org.mbp.nn.OperationCount;
import org.mbp.nn.Weights;
import org.mbp.scene.Scene;
import org.mbp.scene.SceneGenerator;
import org.mbp.scene.SceneOptions;
import org.mbp.scene.SceneSet;
import org.mbp.scene.SpectralClustering;
import org.mbp.spectral.DeepO2P;
import org.mbp.spectral.Form;

/**
 * How many backend operations (kernel launches on a device) and reads (host synchronisations) one
 * batched training pass of a §7.1 classifier, or of DeepNCuts with J2, costs, as a function of the
 * number of images in the pass: counted by {@link OperationCount} on the CPU backends, or by a device backend itself;
 * float trunk of 16/32 channels and double O₂P, on random 28×28 images: the second of two equal
 * passes, since the first of each size also rounds the weights into the backends and builds the
 * index tables and constant matrices of its shape once. Every layer, O₂P's decompositions
 * included, costs the same for any number of images.
 */
public final class OperationCounts {

    /**
     * The counts of one pass.
     *
     * @param images     images in the pass
     * @param operations backend operations
     * @param reads      operations whose answer the host waits for
     */
    public record Count(int images, long operations, long reads) {
    }

    private OperationCounts() {
    }

    /**
     * One training pass (forward, loss, backward) of {@code variant} on each number of images,
     * counted on the CPU backends by {@link OperationCount}.
     *
     * @param variant the classifier
     * @param sizes the numbers of images
     * @return one count per size, in order
     */
    public static List<Count> trainingPass(ClassifierVariant variant, int... sizes) {
        OperationCount count = new OperationCount();
        return trainingPass(variant, count.counted(EjmlOps.fastest(Precision.FLOAT)),
                count.counted(EjmlOps.fastest(Precision.DOUBLE)), count::operations, count::reads, sizes);
    }

    /**
     * One training pass of {@code variant} on each number of images, on the given backends, with
     * what the backends count themselves (a device's kernel launches and synchronisations,
     * {@link org.mbp.backend.DeviceCounters}): each count is the difference over the pass.
     *
     * @param <M> the backends' matrix type
     * @param variant the classifier
     * @param trunk the conventional layers' backend
     * @param structured the structured layer's backend
     * @param operations the cumulative count of operations (or launches)
     * @param reads the cumulative count of reads (or synchronisations)
     * @param sizes the numbers of images
     * @return one count per size, in order
     */
    @SuppressWarnings("unchecked")
    public static <M> List<Count> trainingPass(ClassifierVariant variant, MatrixOps<?> trunk, MatrixOps<?> structured,
            LongSupplier operations, LongSupplier reads, int... sizes) {
        int largest = IntStream.of(sizes).max().orElse(1);
        LabelledImages images = LabelledImages.random(largest, 7);
        ClassifierModel<M> model = new ClassifierModel<>(variant, new ConvNet<>(new int[] {16, 32}, (MatrixOps<M>) trunk),
                (MatrixOps<M>) structured, Form.STABLE, DeepO2P.DEFAULT_EPSILON, 128, 0.5, LabelledImages.CLASS_COUNT);
        return passes(new ClassificationTask<>(model, images, images), 1, operations, reads, sizes);
    }

    /**
     * The counts of {@code task}'s pass on the first n examples, for each n of {@code sizes}: the
     * second of two equal passes on weights initialised from {@code seed}.
     */
    private static List<Count> passes(Task task, long seed, LongSupplier operations, LongSupplier reads,
            int... sizes) {
        Weights weights = Weights.initialise(task.network().parameters(), seed);
        List<Count> out = new ArrayList<>();
        for (int n : sizes) {
            int[] indices = IntStream.range(0, n).toArray();
            long[] seeds = IntStream.range(0, n).mapToLong(i -> 1000 + i).toArray();
            task.train(weights, indices, seeds);
            long operationsBefore = operations.getAsLong();
            long readsBefore = reads.getAsLong();
            task.train(weights, indices, seeds);
            out.add(new Count(n, operations.getAsLong() - operationsBefore, reads.getAsLong() - readsBefore));
        }
        return out;
    }

    /**
     * One DeepNCuts J2 training pass (forward, loss, backward) on each number of scenes, counted
     * on the CPU backends by {@link OperationCount}, whose path is a device's: the loss runs over
     * the whole pass ({@link SegmentationTask}).
     *
     * @param sizes the numbers of scenes
     * @return one count per size, in order
     */
    public static List<Count> segmentationPass(int... sizes) {
        OperationCount count = new OperationCount();
        return segmentationPass(count.counted(EjmlOps.fastest(Precision.FLOAT)),
                count.counted(EjmlOps.fastest(Precision.DOUBLE)), count::operations, count::reads, sizes);
    }

    /**
     * One DeepNCuts J2 training pass on each number of scenes, on the given backends, with what
     * they count (as {@link #trainingPass(ClassifierVariant, MatrixOps, MatrixOps, LongSupplier,
     * LongSupplier, int...)}): a scaled-down model (16×16 generated scenes, a 4/6-channel trunk, 5
     * features), whose count of operations is the full model's, on random weights; the second of
     * two equal passes of each size.
     *
     * @param <M> the backends' matrix type
     * @param trunk the trunk's backend
     * @param structured the loss's backend
     * @param operations the cumulative count of operations (or launches)
     * @param reads the cumulative count of reads (or synchronisations)
     * @param sizes the numbers of scenes
     * @return one count per size, in order
     */
    @SuppressWarnings("unchecked")
    public static <M> List<Count> segmentationPass(MatrixOps<?> trunk, MatrixOps<?> structured,
            LongSupplier operations, LongSupplier reads, int... sizes) {
        return passes(segmentationTask((MatrixOps<M>) trunk, (MatrixOps<M>) structured,
                IntStream.of(sizes).max().orElse(1)), 3, operations, reads, sizes);
    }

    /** The scaled-down DeepNCuts J2 task of {@link #segmentationPass} on {@code scenes} generated scenes. */
    static <M> SegmentationTask<M> segmentationTask(MatrixOps<M> trunk, MatrixOps<M> structured, int scenes) {
        SceneSet set = new SceneSet(new SceneGenerator(new SceneOptions(16, 1.5, 10, 12, 4, 5)), 5, scenes, 0);
        List<Scene> generated = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            generated.add(set.scene(i));
        }
        SegmentationModel<M> model = new SegmentationModel<>(new ConvNet<>(new int[] {4, 6}, trunk), 8, 5, 1.0,
                structured);
        return new SegmentationTask<>(model, generated, generated, SegmentationTask.Loss.J2, Double.NaN,
                new CoveringEvaluation(SpectralClustering.withDefaults(1)));
    }
}
