package org.mbp.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.mbp.backend.MixedPrecision;
import org.mbp.data.FashionMnist;
import org.mbp.data.LabelledImages;
import org.mbp.nn.Dropout;
import org.mbp.spectral.Form;

/**
 * {@code mbp train deepo2p} as a library call: the Table-1 networks built on a device's backends,
 * Fashion-MNIST loaded and cut to the sizes asked for, then {@link DeepO2PExperiment}.
 */
public final class DeepO2PTraining {

    /**
     * What to train.
     *
     * @param data      the Fashion-MNIST folder, or null for {@link FashionMnist#DEFAULT_DIR}
     * @param trainSize train on the first N training images, or null for all
     * @param testSize  test on the first N test images, or null for all
     * @param channels  output channels of the trunk's convolution blocks
     * @param pooled    how many leading blocks end in 2×2 max pooling
     * @param hidden    width of the fully connected layer, at least 1
     * @param dropout   the dropout rate of the FC variants, in [0, 1)
     * @param epsilon   the O2P regulariser ε, positive
     */
    public record Request(List<ClassifierVariant> variants, Path data, Integer trainSize, Integer testSize,
            int[] channels, int pooled, int hidden, double dropout, Form form, double epsilon,
            Augmentation augmentation, TrainingOptions options) {

        /**
         * Checks every value, whichever variants use it, so that a bad one is refused before any
         * variant trains.
         *
         * @param variants the variants
         * @param data the data
         * @param trainSize train on the first N training images, or null for all
         * @param testSize test on the first N test images, or null for all
         * @param channels the number of channels
         * @param pooled how many leading blocks end in 2×2 max pooling (at most {@code
         *               channels.length})
         * @param hidden width of the fully connected layer, at least 1
         * @param dropout the dropout rate of the FC variants, in [0, 1)
         * @param form the form
         * @param epsilon the regularizer ε
         * @param augmentation the augmentation
         * @param options the options
         * @throws IllegalArgumentException for a width, an ε or a dropout rate out of range
         */
        public Request {
            variants = List.copyOf(variants);
            if (hidden < 1) {
                throw new IllegalArgumentException("--hidden must be at least 1, got " + hidden);
            }
            if (!(epsilon > 0)) {
                throw new IllegalArgumentException("--epsilon must be positive, got " + epsilon);
            }
            try {
                Dropout.requireRate(dropout);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--dropout: " + e.getMessage(), e);
            }
        }
    }

    private final DeepO2PExperiment experiment;
    private final LabelledImages train;
    private final LabelledImages test;

    private DeepO2PTraining(DeepO2PExperiment experiment, LabelledImages train, LabelledImages test) {
        this.experiment = experiment;
        this.train = train;
        this.test = test;
    }

    /**
     * The networks of {@code request} on {@code backends}, with the data loaded.
     *
     * @param request the request
     * @param backends the backends
     * @return the networks of {@code request} on {@code backends}, with the data loaded
     * @throws IllegalArgumentException for a bad trunk, missing or malformed data, or sizes beyond the data
     * @throws IOException if reading or writing fails
     */
    public static DeepO2PTraining prepare(Request request, MixedPrecision<?> backends) throws IOException {
        DeepO2PExperiment experiment = new DeepO2PExperiment(request.variants(), models(request, backends),
                request.options(), request.augmentation());
        Path dir = request.data() == null ? FashionMnist.DEFAULT_DIR : request.data();
        LabelledImages train = first(FashionMnist.load(dir, FashionMnist.Split.TRAIN), request.trainSize(),
                "--train-size");
        LabelledImages test = first(FashionMnist.load(dir, FashionMnist.Split.TEST), request.testSize(), "--test-size");
        return new DeepO2PTraining(experiment, train, test);
    }

    /**
     * Trains every variant into {@code out} (continuing checkpoints with {@code resume}) and writes the result folder.
     *
     * @param out where to write
     * @param resume whether to resume
     * @param err where to write messages
     * @param terminal whether a terminal is attached
     * @return the findings of the DeepO₂P training
     * @throws IOException if reading or writing fails
     */
    public DeepO2PFindings run(Path out, boolean resume, PrintWriter err, boolean terminal)
            throws IOException {
        return experiment.run(train, test, out, resume, err, terminal);
    }

    private static LabelledImages first(LabelledImages set, Integer n, String option) {
        if (n == null) {
            return set;
        }
        if (n < 1 || n > set.count()) {
            throw new IllegalArgumentException(option + " must be in [1, " + set.count() + "], got " + n);
        }
        return set.subset(0, n);
    }

    private static <M> Function<ClassifierVariant, ClassifierModel<?>> models(Request r, MixedPrecision<M> backends) {
        ConvNet<M> trunk = new ConvNet<>(r.channels(), r.pooled(), backends.trunk());
        return v -> new ClassifierModel<>(v, trunk, backends.structured(), r.form(), r.epsilon(), r.hidden(),
                r.dropout(), FashionMnist.CLASS_NAMES.size());
    }
}
