package org.mbp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.mbp.backend.EjmlOps;
import org.mbp.layer.LinearLayer;
import org.mbp.spectral.DeepO2P;
import org.mbp.spectral.Form;
import org.mbp.verify.SampleMatrices;

/** A whole small DeepO₂P network: backpropagation against central differences of the loss. */
class NetworkTest {

    private static final EjmlOps O = EjmlOps.DOUBLE;

    /** conv → ReLU → max-pool → O₂P → upper triangle → dropout → affine → softmax loss. */
    private static Network network(EjmlOps trunk) {
        ImageShape in = new ImageShape(4, 4, 1);
        ImageShape conv = Convolution.outputShape(in, 3, 1, 3);
        Pooling<SimpleMatrix> pool = Pooling.max(trunk, conv, 2);
        return Network.builder()
                .then(Convolution.conv2d(trunk, in, 3, 1), new Parameter("conv", Convolution.kernelRows(in, 3), 3))
                .then(new Relu<>(trunk))
                .then(pool)
                .then(LinearLayer.convert(trunk, O))
                .then(LinearLayer.scale(O, 0.5))
                .then(DeepO2P.eig(O, DeepO2P.DEFAULT_EPSILON, Form.STABLE))
                .then(UpperTriangle.of(O, 3))
                .then(LinearLayer.convert(O, trunk))
                .dropout(trunk, 0.5, 1, 6)
                .then(new AffineLayer<>(trunk), new Parameter("classifier", 7, 4))
                .build();
    }

    private static double loss(Network net, Weights w, SimpleMatrix x, long seed) {
        SimpleMatrix logits = net.forward(w, x, seed).output();
        return new SoftmaxCrossEntropy<>(O, 2).forward(logits).output().get(0);
    }

    @Test
    void backpropagationMatchesCentralDifferences() {
        Network net = network(O);
        Weights w = Weights.initialise(net.parameters(), 5);
        SimpleMatrix x = SampleMatrices.gaussian(O, 16, 1, 6);
        long seed = 77;
        Network.Pass<SimpleMatrix> pass = net.forward(w, x, seed);
        SimpleMatrix upstream = new SoftmaxCrossEntropy<>(O, 2).forward(pass.output()).adjoint(O.filled(1, 1, 1));
        Gradient g = pass.backward(upstream);
        SplittableRandom random = new SplittableRandom(8);
        // Central differences in double: truncation h²‖f'''‖ ≈ 1e-10 and rounding ε/h ≈ 1e-11 relative
        // at h = 1e-5, so 1e-6 leaves four orders of margin while a wrong term shows as O(1).
        double h = 1e-5;
        for (int trial = 0; trial < 3; trial++) {
            double[][] direction = new double[2][];
            double predicted = 0;
            for (int p = 0; p < 2; p++) {
                direction[p] = random.doubles(w.values(p).length, -1, 1).toArray();
                for (int i = 0; i < direction[p].length; i++) {
                    predicted += g.parameters()[p][i] * direction[p][i];
                }
            }
            double difference = (loss(net, shifted(w, direction, h), x, seed)
                    - loss(net, shifted(w, direction, -h), x, seed)) / (2 * h);
            assertEquals(difference, predicted, 1e-6 * Math.abs(difference));
        }
        assertTrue(g.normAt("deepo2p-eig(stable)") > 0);
        Gradient monitored = net.forward(w, x, seed).backward(upstream, Set.of("deepo2p-eig(stable)"));
        assertEquals(g.normAt("deepo2p-eig(stable)"), monitored.normAt("deepo2p-eig(stable)"));
        for (int p = 0; p < 2; p++) {
            assertArrayEquals(g.parameters()[p], monitored.parameters()[p]);
        }
        long measured = Arrays.stream(monitored.stageNorms()).filter(v -> !Double.isNaN(v[0])).count();
        assertEquals(1, measured, "only the monitored stage's norm is measured");
    }

    private static Weights shifted(Weights w, double[][] direction, double h) {
        Weights copy = w.copy();
        for (int p = 0; p < direction.length; p++) {
            for (int i = 0; i < direction[p].length; i++) {
                copy.values(p)[i] += h * direction[p][i];
            }
        }
        copy.changed();
        return copy;
    }

    @Test
    void inferenceSkipsDropoutAndFloatTrunkFollowsDouble() {
        Network net64 = network(O);
        Network net32 = network(EjmlOps.FLOAT);
        Weights w = Weights.initialise(net64.parameters(), 9);
        SimpleMatrix x = SampleMatrices.gaussian(O, 16, 1, 10);
        double[] y64 = O.toRowMajor(net64.forward(w, x, Network.Pass.INFERENCE).output());
        double[] y32 = EjmlOps.FLOAT.toRowMajor(net32.forward(w, EjmlOps.FLOAT.copyOf(O, x), Network.Pass.INFERENCE)
                .output());
        assertArrayEquals(y64, y32, Acceptance32.TOLERANCE * Arrays.stream(y64).map(Math::abs).max().orElse(1));
    }

    /** Float trunk against double: a few float roundings per value through well-conditioned layers. */
    private static final class Acceptance32 {
        static final double TOLERANCE = 1e-5;
    }

    @Test
    void sgdWithMomentumAndWeightDecay() {
        List<Parameter> ps = List.of(new Parameter("p", 2, 1));
        Weights w = Weights.of(ps, new double[][] {{1.0, -2.0}});
        Sgd sgd = new Sgd(w, 0.9, 0.1);
        sgd.step(w, new double[][] {{0.5, 0.5}}, 0.1);
        // v = 0.5 + 0.1·θ = (0.6, 0.3); θ = θ − 0.1 v = (0.94, −2.03)
        assertArrayEquals(new double[] {0.94, -2.03}, w.values(0), 1e-15);
        sgd.step(w, new double[][] {{0.0, 0.0}}, 0.1);
        // v = 0.9 v + 0.1 θ = (0.634, 0.067); θ = (0.8766, −2.0367)
        assertArrayEquals(new double[] {0.8766, -2.0367}, w.values(0), 1e-15);
    }

    @Test
    void heInitialisationHasVarianceTwoOverFanIn() {
        Parameter p = new Parameter("w", 401, 250);
        double[] w = p.heInitialised(new SplittableRandom(3));
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < 400 * 250; i++) {
            sum += w[i];
            squares += w[i] * w[i];
        }
        double n = 400 * 250;
        // 1e5 Gaussian samples: the sample variance has relative standard deviation √(2/n) = 0.0045.
        assertEquals(2.0 / 400, squares / n, 5 * 0.0045 * 2.0 / 400);
        assertEquals(0, sum / n, 5 * Math.sqrt(2.0 / 400 / n));
        for (int i = 400 * 250; i < w.length; i++) {
            assertEquals(0, w[i], 0);
        }
    }

    @Test
    void shuffleIsAPermutationFixedBySeedAndEpoch() {
        int[] a = SeededShuffle.permutation(1000, 5, 3);
        assertArrayEquals(a, SeededShuffle.permutation(1000, 5, 3));
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, sorted[i]);
        }
        assertTrue(!Arrays.equals(a, SeededShuffle.permutation(1000, 5, 4)));
        assertTrue(!Arrays.equals(a, SeededShuffle.permutation(1000, 6, 3)));
    }
}
