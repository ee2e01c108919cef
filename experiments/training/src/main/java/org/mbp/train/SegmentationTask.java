package org.mbp.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ejml.simple.SimpleMatrix;
import org.mbp.backend.BatchOps;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.Precision;
import org.mbp.layer.BatchExecutor;
import org.mbp.layer.HostReads;
import org.mbp.layer.Layer;
import org.mbp.layer.Linearization;
import org.mbp.layer.PerExample;
import org.mbp.layer.SpectrumDiagnostics;
import org.mbp.ncuts.NCutsLosses;
import org.mbp.ncuts.ProjectorLayer;
import org.mbp.nn.Gradient;
import org.mbp.nn.ImageShape;
import org.mbp.nn.Network;
import org.mbp.nn.Weights;
import org.mbp.scene.Downsample;
import org.mbp.scene.Scene;
import org.mbp.scene.SegmentationMatrix;

/**
 * DeepNCuts training (§7.2): features F of a scene → {@code W = FFᵀ} (eq. 64 with Λ = I) → the
 * alignment loss J2 (eq. 59, Prop. 6) or J1 (eq. 50, Prop. 5) against the segmentation matrix E
 * of the finest ground truth at F's resolution (majority label per block). Each example reports
 * J, the numerical rank of W (the paper's indicator) and ‖∂J/∂F‖; the evaluation is the
 * segmentation covering of the spectral-clustering inference ({@link CoveringEvaluation}). On a
 * device backend J2 runs over the whole pass as one layer on the {@link BatchOps} of its size
 * (one launch per operation for all the scenes), against the scenes' target projectors
 * {@code Π_Ψ} (m×m whatever each scene's number of segments), computed on the host and uploaded
 * with the pass's images. On the host backends, and for J1 (whose normalization takes each scene's
 * E itself), the scenes run one after another ({@link PerExample}): there EJML's own transposes
 * and blocks of each scene's m×m matrices are faster than the index gathers of a stack (DeepNCuts
 * trained at 92 images/s scene by scene and 44 as one batch on the CPU, 2026-12-06).
 */
public final class SegmentationTask<M> implements Task {

    /** The alignment loss. */
    public enum Loss {
        /** The paper's loss J1 (eq. 65). */
        J1,
        /** The paper's loss J2 (eq. 66). */
        J2
    }

    /** The prefix of the evaluation's columns. */
    static final String EVALUATION = "test_";

    private final SegmentationModel<M> model;
    private final Network network;
    private final List<Scene> train;
    private final List<Scene> test;
    private final Loss loss;
    private final double rankTolerance;
    private final ImageShape image;
    private final ImageShape features;
    private final List<M> targets = new ArrayList<>();
    private final List<SimpleMatrix> hostTargets = new ArrayList<>();
    private final Map<Integer, BatchOps<M>> batches = new ConcurrentHashMap<>();
    private final CoveringEvaluation evaluation;

    /**
     * A segmentation task: the model, its training and test scenes, the loss and the training options.
     *
     * @param model the model
     * @param train the training data
     * @param test the test data
     * @param loss the loss
     * @param rankTolerance relative rank tolerance of projectors in [0, 1), NaN for the default
     * @param evaluation the evaluation
     */
    public SegmentationTask(SegmentationModel<M> model, List<Scene> train, List<Scene> test, Loss loss,
            double rankTolerance, CoveringEvaluation evaluation) {
        this.model = model;
        this.train = List.copyOf(train);
        this.test = List.copyOf(test);
        this.loss = loss;
        this.rankTolerance = rankTolerance;
        this.evaluation = evaluation;
        Scene first = train.get(0);
        this.image = new ImageShape(first.height(), first.width(), 3);
        for (List<Scene> set : List.of(train, test)) {
            for (Scene s : set) {
                if (s.width() != first.width() || s.height() != first.height() || s.width() != s.height()) {
                    throw new IllegalArgumentException("DeepNCuts needs square scenes of one size (E, the clustering"
                            + " and the baselines work on an r×r grid): scene " + s.seed() + " is " + s.width() + "×"
                            + s.height() + ", the first " + first.width() + "×" + first.height());
                }
            }
        }
        this.network = model.network(image);
        this.features = model.featureShape(image);
        for (Scene s : train) {
            SegmentationMatrix e = Downsample.hard(s.annotations().get(0), s.width(), s.height(), features.height());
            targets.add(structured().fromRowMajor(e.rows(), e.cols(), e.values()));
            hostTargets.add(HOST.fromRowMajor(e.rows(), e.cols(), e.values()));
        }
    }

    /** Where the target projectors are computed: the host, in double. */
    private static final MatrixOps<SimpleMatrix> HOST = EjmlOps.fastest(Precision.DOUBLE);

    /**
     * The target projectors {@code Π_Ψ} of the training scenes {@code indices}, each the projector
     * onto span(E) (default rank tolerance), computed on the host and stacked by rows into one
     * matrix (one upload on a device).
     */
    private M targetProjectors(int[] indices) {
        int m = features.locations();
        double[] values = new double[indices.length * m * m];
        for (int n = 0; n < indices.length; n++) {
            SimpleMatrix e = hostTargets.get(indices[n]);
            double[] psi = HOST.toRowMajor(new ProjectorLayer<>(HOST).forward(e).output());
            System.arraycopy(psi, 0, values, n * m * m, m * m);
        }
        return structured().fromRowMajor(indices.length * m, m, values);
    }

    /** Whether J2 runs as one layer over the pass: on a device backend. */
    private boolean batchedJ2() {
        return loss == Loss.J2 && !structured().holdsOnHost();
    }

    /** The objective of a pass of {@code indices}: J2 over the batch on a device, else scene by scene. */
    private Layer<M, M, M> objective(int[] indices, M targetProjectors) {
        if (batchedJ2()) {
            BatchOps<M> batch = batches.computeIfAbsent(indices.length, count -> BatchOps.of(structured(), count));
            return NCutsLosses.linearAffinity(batch, features.channels())
                    .then(NCutsLosses.j2Against(batch, targetProjectors, rankTolerance));
        }
        Layer<M, M, M> affinity = NCutsLosses.linearAffinity(structured(), features.channels());
        return PerExample.of(name(), structured(), features.locations(), n -> {
            M e = targets.get(indices[n]);
            return affinity.then(loss == Loss.J2 ? NCutsLosses.j2(structured(), e, rankTolerance)
                    : NCutsLosses.j1(structured(), e, rankTolerance));
        });
    }

    private MatrixOps<M> structured() {
        return model.structured();
    }

    /** The scene's pixels as a locations × 3 matrix, centred on 0. */
    M input(Scene s) {
        return inputs(List.of(s));
    }

    /** The scenes' pixels, each as {@link #input}, stacked by rows into one matrix (one upload on a device). */
    private M inputs(List<Scene> scenes) {
        int size = image.locations() * 3;
        double[] x = new double[scenes.size() * size];
        for (int n = 0; n < scenes.size(); n++) {
            float[] rgb = scenes.get(n).rgb();
            for (int i = 0; i < size; i++) {
                x[n * size + i] = rgb[i] - 0.5;
            }
        }
        return model.trunk().trunk().fromRowMajor(scenes.size() * image.locations(), 3, x);
    }

    /** The affinity {@code W = FFᵀ} of the network's features of a scene at inference, row-major. */
    double[] affinity(Weights weights, Scene s) {
        M f = network.forward(weights, input(s), Network.Pass.INFERENCE).output();
        return structured().toRowMajor(NCutsLosses.linearAffinity(structured(), features.channels()).forward(f).output());
    }

    /**
     * The shape of F.
     *
     * @return the shape of F
     */
    public ImageShape featureShape() {
        return features;
    }

    @Override
    public String name() {
        return name(loss);
    }

    /** The name of a run trained with {@code loss}, e.g. {@code "deepncuts-j2"}. */
    static String name(Loss loss) {
        return "deepncuts-" + loss.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The loss the task trains with.
     *
     * @return the loss the task trains with
     */
    public Loss loss() {
        return loss;
    }

    @Override
    public Map<String, Object> description() {
        Map<String, Object> m = new LinkedHashMap<>(model.description());
        m.put("loss", loss.name());
        m.put("rank_tolerance", rankTolerance);
        m.put("training_scenes", train.size());
        m.put("test_scenes", test.size());
        DataChecksum crc = new DataChecksum();
        train.forEach(s -> crc.add(s.rgb()).add(s.annotations().get(0)));
        m.put("training_data_crc32", crc.hex());
        m.put("image", image.toString());
        return m;
    }

    @Override
    public Network network() {
        return network;
    }

    @Override
    public int trainingSize() {
        return train.size();
    }

    @Override
    public int evaluationSize() {
        return test.size();
    }

    /** One pass, its host reads gathered by {@link HostReads}. */
    @Override
    public BatchResult train(Weights weights, int[] indices, long[] seeds) {
        return HostReads.during(() -> step(weights, indices, seeds));
    }

    private BatchResult step(Weights weights, int[] indices, long[] seeds) {
        List<Scene> scenes = new ArrayList<>();
        for (int index : indices) {
            scenes.add(train.get(index));
        }
        M targetProjectors = batchedJ2() ? targetProjectors(indices) : null;
        Network.Pass<M> pass = network.forward(weights, inputs(scenes), seeds);
        Linearization<M, M, M> j = objective(indices, targetProjectors).forward(pass.output());
        HostReads.Value objectives = HostReads.of(structured(), j.output());
        Gradient gradient = pass.backward(j.adjoint(structured().filled(indices.length, 1, 1)),
                Set.of(SegmentationModel.FEATURES_STAGE));
        double[] values = objectives.values();
        double[] featureNorms = gradient.normsAt(SegmentationModel.FEATURES_STAGE);
        List<SpectrumDiagnostics> projectors = j.diagnostics().spectra().stream()
                .filter(s -> s.stage().equals("projector")).toList();
        int perExample = projectors.size() / indices.length;
        List<Reading> readings = new ArrayList<>();
        double sum = 0;
        for (int n = 0; n < indices.length; n++) {
            sum += values[n];
            readings.add(Reading.mean("J", values[n]));
            if (perExample > 0) {
                readings.add(Reading.mean("rank_W", projectors.get(n * perExample).numericalRank()));
                readings.add(Reading.mean("segments", structured().cols(targets.get(indices[n]))));
            }
            readings.add(Reading.mean("features_grad_norm", featureNorms[n]));
        }
        return new BatchResult(sum, gradient, readings);
    }

    @Override
    public Map<String, Double> evaluate(Weights weights, BatchExecutor executor) {
        return CoveringEvaluation.columns(evaluation.scores(test, s -> affinity(weights, s), features.height(), executor),
                EVALUATION);
    }
}
