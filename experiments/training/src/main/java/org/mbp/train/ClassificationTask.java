package org.mbp.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.mbp.backend.MatrixOps;
import org.mbp.data.LabelledImages;
import org.mbp.layer.BatchExecutor;
import org.mbp.layer.HostReads;
import org.mbp.layer.Linearization;
import org.mbp.layer.SpectrumDiagnostics;
import org.mbp.nn.Gradient;
import org.mbp.nn.ImageShape;
import org.mbp.nn.Network;
import org.mbp.nn.SoftmaxCrossEntropy;
import org.mbp.nn.Weights;

/**
 * Image classification with softmax cross-entropy (§7.1 on Fashion-MNIST). Pixels are
 * standardised by the training set's mean and standard deviation; training images go through the
 * {@link Augmentation} first. Each training example reports
 * its accuracy, the norm of the gradient reaching the pooling stage (∂L/∂C for O₂P) and, for
 * O₂P, the eigenvalue range of {@code FᵀF/m + εI}.
 */
public final class ClassificationTask<M> implements Task {

    /**
     * Test images per batched inference pass: fixed, so the test metrics do not depend on
     * --threads, and small, as the training passes, because large passes' arrays leave the caches
     * and, allocated between epochs, slowed the next epoch's training by up to a quarter here.
     */
    static final int EVALUATION_BATCH = TrainingOptions.DEFAULT_MICRO_BATCH;

    private final ClassifierModel<M> model;
    private final Network network;
    private final LabelledImages train;
    private final LabelledImages test;
    private final ImageShape shape;
    private final double mean;
    private final double deviation;
    private final Augmentation augmentation;

    /**
     * Without augmentation.
     *
     * @param model the model
     * @param train the training data
     * @param test the test data
     */
    public ClassificationTask(ClassifierModel<M> model, LabelledImages train, LabelledImages test) {
        this(model, train, test, Augmentation.NONE);
    }

    /**
     * A classification task: the model, its training and test images, and the training options.
     *
     * @param model the model
     * @param train the training data
     * @param test the test data
     * @param augmentation the augmentation
     */
    public ClassificationTask(ClassifierModel<M> model, LabelledImages train, LabelledImages test,
            Augmentation augmentation) {
        this.model = model;
        this.augmentation = augmentation;
        this.train = train;
        this.test = test;
        this.shape = new ImageShape(train.rows(), train.cols(), 1);
        if (test.rows() != train.rows() || test.cols() != train.cols()) {
            throw new IllegalArgumentException("training images are " + train.rows() + "×" + train.cols()
                    + ", test images " + test.rows() + "×" + test.cols());
        }
        this.network = model.network(shape);
        double sum = 0;
        double squares = 0;
        for (float p : train.pixels()) {
            sum += p;
            squares += (double) p * p;
        }
        int n = train.pixels().length;
        this.mean = sum / n;
        this.deviation = Math.sqrt(Math.max(squares / n - mean * mean, 1e-12));
    }

    @Override
    public String name() {
        return model.variant().id();
    }

    @Override
    public Map<String, Object> description() {
        Map<String, Object> m = new LinkedHashMap<>(model.description());
        m.put("training_images", train.count());
        m.put("test_images", test.count());
        if (!augmentation.isNone()) {
            m.put("augmentation", augmentation.label());
        }
        m.put("training_data_crc32", new DataChecksum().add(train.pixels()).add(train.labels()).hex());
        return m;
    }

    @Override
    public Network network() {
        return network;
    }

    @Override
    public int trainingSize() {
        return train.count();
    }

    @Override
    public int evaluationSize() {
        return test.count();
    }

    /** Training images {@code indices}, augmented from their seeds and stacked by rows. */
    private M trainingImages(int[] indices, long[] seeds) {
        int size = shape.locations();
        double[] x = new double[indices.length * size];
        for (int n = 0; n < indices.length; n++) {
            float[] pixels = train.pixels();
            int offset = indices[n] * size;
            if (!augmentation.isNone()) {
                pixels = augmentation.apply(pixels, offset, shape.height(), shape.width(), seeds[n]);
                offset = 0;
            }
            standardise(pixels, offset, x, n * size);
        }
        return ops().fromRowMajor(x.length, 1, x);
    }

    /** Test images {@code [from, to)}, stacked by rows. */
    private M testImages(int from, int to) {
        int size = shape.locations();
        double[] x = new double[(to - from) * size];
        for (int i = from; i < to; i++) {
            standardise(test.pixels(), i * size, x, (i - from) * size);
        }
        return ops().fromRowMajor(x.length, 1, x);
    }

    private void standardise(float[] pixels, int offset, double[] out, int at) {
        for (int j = 0; j < shape.locations(); j++) {
            out[at + j] = (pixels[offset + j] - mean) / deviation;
        }
    }

    private MatrixOps<M> ops() {
        return model.trunk().trunk();
    }

    /**
     * One batched pass, its host reads gathered by {@link HostReads}: the logits, O₂P's spectra and
     * every forward check in one read after the forward pass (the loss needs the logits), the
     * gradients, the monitored norms, the loss and every backward check in one read at the end.
     */
    @Override
    public BatchResult train(Weights weights, int[] indices, long[] seeds) {
        return HostReads.during(() -> step(weights, indices, seeds));
    }

    private BatchResult step(Weights weights, int[] indices, long[] seeds) {
        Network.Pass<M> pass = network.forward(weights, trainingImages(indices, seeds), seeds);
        int[] labels = new int[indices.length];
        for (int n = 0; n < indices.length; n++) {
            labels[n] = train.labels()[indices[n]];
        }
        HostReads.Value logits = HostReads.of(ops(), pass.output());
        Linearization<M, M, M> loss = new SoftmaxCrossEntropy<>(ops(), labels).forward(pass.output());
        HostReads.Value lossValue = HostReads.of(ops(), loss.output());
        Gradient gradient = pass.backward(loss.adjoint(ops().filled(1, 1, 1)), Set.of(ClassifierModel.POOLING_STAGE));
        double[] poolingNorms = gradient.normsAt(ClassifierModel.POOLING_STAGE);
        List<Reading> readings = new ArrayList<>();
        for (int n = 0; n < indices.length; n++) {
            readings.add(Reading.mean("accuracy", predicted(logits.values(), n) == labels[n] ? 1 : 0));
            readings.add(Reading.mean("pooling_grad_norm", poolingNorms[n]));
        }
        for (SpectrumDiagnostics s : pass.diagnostics().spectra()) {
            readings.add(Reading.min("covariance_eig_min", s.smallest()));
            readings.add(Reading.max("covariance_eig_max", s.largest()));
        }
        return new BatchResult(lossValue.values()[0], gradient, readings);
    }

    /** The class of the largest logit in row n of the row-major logits. */
    private int predicted(double[] logits, int n) {
        int c = model.classes();
        int best = 0;
        for (int j = 1; j < c; j++) {
            if (logits[n * c + j] > logits[n * c + best]) {
                best = j;
            }
        }
        return best;
    }

    /**
     * Test loss and accuracy, the test images in batched passes of {@link #EVALUATION_BATCH} on
     * the executor's threads.
     */
    @Override
    public Map<String, Double> evaluate(Weights weights, BatchExecutor executor) {
        int n = test.count();
        List<Integer> starts = IntStream.iterate(0, i -> i < n, i -> i + EVALUATION_BATCH).boxed().toList();
        List<double[]> results = executor.map(starts, from -> {
            int to = Math.min(n, from + EVALUATION_BATCH);
            double[] logits = ops().toRowMajor(network.forward(weights, testImages(from, to),
                    Network.Pass.INFERENCE).output());
            int c = model.classes();
            double[] sums = new double[2];
            for (int i = from; i < to; i++) {
                int label = test.labels()[i];
                double[] row = Arrays.copyOfRange(logits, (i - from) * c, (i - from + 1) * c);
                sums[0] += SoftmaxCrossEntropy.loss(row, label);
                sums[1] += predicted(logits, i - from) == label ? 1 : 0;
            }
            return sums;
        });
        double loss = 0;
        double correct = 0;
        for (double[] r : results) {
            loss += r[0];
            correct += r[1];
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("test_loss", loss / n);
        m.put("test_accuracy", correct / n);
        return m;
    }
}
