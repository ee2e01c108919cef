package org.mbp.devicecheck;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mbp.backend.MixedPrecision;
import org.mbp.data.FashionMnist;
import org.mbp.data.LabelledImages;
import org.mbp.spectral.DeepO2P;
import org.mbp.spectral.Form;
import org.mbp.train.ClassificationTask;
import org.mbp.train.ClassifierModel;
import org.mbp.train.ClassifierVariant;
import org.mbp.train.ConvNet;
import org.mbp.train.Epoch;
import org.mbp.train.Trainer;
import org.mbp.train.TrainingOptions;

/**
 * The training throughput of DeepO₂P-FC as {@code mbp train deepo2p} runs it (defaults: trunk
 * 16/32 channels, 128 hidden units, dropout 0.5, batch 64, stable form, ε = 1e-3), on images
 * shaped like Fashion-MNIST's (28×28, 10 classes) but drawn at random, so that a GPU machine
 * without the dataset can time an epoch. One epoch over {@code images} training images; the
 * full 60 000-image epoch time is extrapolated from the measured rate.
 */
public final class EpochTiming {

    /** Images in a full Fashion-MNIST training epoch. */
    public static final int FULL_EPOCH = 60_000;

    /** A measured rate. */
    public record Timing(String backend, int images, int threads, double trainImagesPerSecond,
            double testImagesPerSecond) {

        /**
         * Seconds for a full 60 000-image epoch at the measured rate.
         *
         * @return seconds for a full 60 000-image epoch at the measured rate
         */
        public double fullEpochSeconds() {
            return FULL_EPOCH / trainImagesPerSecond;
        }
    }

    /** Images per SGD step. */
    static final int BATCH = 64;

    private EpochTiming() {
    }

    /**
     * Trains one epoch of {@code images} random images on {@code backends} with {@code threads}
     * threads, in a scratch folder under {@code scratch}, minibatches of 64 in batched passes of
     * {@code microBatch} images (64 on the GPU: one pass, one launch per operation, per step).
     *
     * @param <M> the backend's matrix type
     * @param backends the backends
     * @param label the label
     * @param images the images
     * @param threads the number of threads
     * @param microBatch images per batched pass
     * @param scratch the scratch
     * @param err where to write messages
     * @return the timing
     * @throws IOException if reading or writing fails
     */
    public static <M> Timing run(MixedPrecision<M> backends, String label, int images, int threads, int microBatch,
            Path scratch,
            PrintWriter err) throws IOException {
        LabelledImages train = LabelledImages.random(images, 1);
        LabelledImages test = LabelledImages.random(Math.max(1, images / 4), 2);
        ClassifierModel<M> model = new ClassifierModel<>(ClassifierVariant.O2P_FC,
                new ConvNet<>(new int[] {16, 32}, backends.trunk()), backends.structured(), Form.STABLE,
                DeepO2P.DEFAULT_EPSILON, 128, 0.5, FashionMnist.CLASS_NAMES.size());
        TrainingOptions options = new TrainingOptions(1, BATCH, 0.05, 0, 0.9, 5e-4, 20261129L, threads, microBatch);
        Path folder = Files.createTempDirectory(Files.createDirectories(scratch), "epoch-" + label + "-");
        Trainer.Result result = new Trainer(options, err, false).run(new ClassificationTask<>(model, train, test),
                folder, false);
        Epoch epoch = result.last();
        return new Timing(label, images, threads, epoch.trainImagesPerSecond(), epoch.testImagesPerSecond());
    }
}
