package org.mbp.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.mbp.backend.MatrixOps;
import org.mbp.data.LabelledImages;
import org.mbp.layer.BatchExecutor;
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

    private M image(LabelledImages set, int i) {
        return standardised(set.pixels(), i * shape.locations());
    }

    private M augmented(int i, long seed) {
        if (augmentation.isNone()) {
            return image(train, i);
        }
        return standardised(augmentation.apply(train.pixels(), i * shape.locations(), shape.height(), shape.width(),
                seed), 0);
    }

    private M standardised(float[] pixels, int offset) {
        int size = shape.locations();
        double[] x = new double[size];
        for (int j = 0; j < size; j++) {
            x[j] = (pixels[offset + j] - mean) / deviation;
        }
        return ops().fromRowMajor(size, 1, x);
    }

    private MatrixOps<M> ops() {
        return model.trunk().trunk();
    }

    @Override
    public ExampleResult train(Weights weights, int index, long seed) {
        Network.Pass<M> pass = network.forward(weights, augmented(index, seed), seed);
        int label = train.labels()[index];
        Linearization<M, M, M> loss =
                new SoftmaxCrossEntropy<>(ops(), label).forward(pass.output());
        Gradient gradient = pass.backward(loss.adjoint(ops().filled(1, 1, 1)), Set.of(ClassifierModel.POOLING_STAGE));
        List<Reading> readings = new ArrayList<>();
        readings.add(Reading.mean("accuracy", predicted(pass.output()) == label ? 1 : 0));
        readings.add(Reading.mean("pooling_grad_norm", gradient.normAt(ClassifierModel.POOLING_STAGE)));
        for (SpectrumDiagnostics s : pass.diagnostics().spectra()) {
            readings.add(Reading.min("covariance_eig_min", s.smallest()));
            readings.add(Reading.max("covariance_eig_max", s.largest()));
        }
        return new ExampleResult(ops().get(loss.output(), 0, 0), gradient, readings);
    }

    private int predicted(M logits) {
        double[] z = ops().toRowMajor(logits);
        int best = 0;
        for (int j = 1; j < z.length; j++) {
            if (z[j] > z[best]) {
                best = j;
            }
        }
        return best;
    }

    @Override
    public Map<String, Double> evaluate(Weights weights, BatchExecutor executor) {
        List<double[]> results = executor.map(IntStream.range(0, test.count()).boxed().toList(), i -> {
            M logits = network.forward(weights, image(test, i), Network.Pass.INFERENCE).output();
            int label = test.labels()[i];
            double loss = SoftmaxCrossEntropy.logSumExp(ops().toRowMajor(logits)) - ops().get(logits, 0, label);
            return new double[] {loss, predicted(logits) == label ? 1 : 0};
        });
        double loss = 0;
        double correct = 0;
        for (double[] r : results) {
            loss += r[0];
            correct += r[1];
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("test_loss", loss / test.count());
        m.put("test_accuracy", correct / test.count());
        return m;
    }
}
