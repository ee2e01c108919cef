package org.mbp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.mbp.backend.BatchOps;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.MatrixOps;
import org.mbp.layer.Layer;
import org.mbp.layer.Linearization;
import org.mbp.layer.Pair;
import org.mbp.layer.PerExample;
import org.mbp.layer.SpectrumDiagnostics;
import org.mbp.ncuts.NCutsLosses;
import org.mbp.ncuts.ProjectorLayer;
import org.mbp.layer.Batched;
import org.mbp.spectral.DeepO2P;
import org.mbp.spectral.Form;
import org.mbp.verify.Acceptance;
import org.mbp.verify.GradientAssertions;
import org.mbp.verify.SampleMatrices;

/**
 * The network blocks on a minibatch stacked by rows, as training runs them: each batched layer
 * passes the dot-product test and Ridders finite differences over the whole batch (the same
 * acceptances as {@link NetworkBlocksTest}), and its output is the examples' own outputs stacked
 * (exactly where the same sums run in the same order; to rounding where a product's blocking
 * differs with the number of rows).
 */
class BatchedBlocksTest {

    private static final EjmlOps O = EjmlOps.DOUBLE;
    private static final int COUNT = 3;
    private static SimpleMatrix gaussian(int rows, int cols, long seed) {
        return SampleMatrices.gaussian(O, rows, cols, seed);
    }

    private static List<SimpleMatrix> examples(int rows, int cols, long seed) {
        List<SimpleMatrix> out = new ArrayList<>();
        for (int n = 0; n < COUNT; n++) {
            out.add(gaussian(rows, cols, seed + n));
        }
        return out;
    }

    private static <X> void assertGradient(Layer<SimpleMatrix, X, SimpleMatrix> layer, X x, SimpleMatrix upstream) {
        GradientAssertions.assertAdjointConsistent(layer, x, Acceptance.DOT_PRODUCT);
        GradientAssertions.assertMatchesFiniteDifferences(layer, x, upstream, Acceptance.FINITE_DIFFERENCE);
    }

    /** {@code layer} of the stacked examples against the stack of {@code layer} of each, entry by entry. */
    static void assertStacked(List<SimpleMatrix> each, SimpleMatrix batch, Function<SimpleMatrix,
            SimpleMatrix> layer, double tolerance) {
        SimpleMatrix expected = O.stack(each.stream().map(layer).toList());
        SimpleMatrix actual = layer.apply(batch);
        assertEquals(O.rows(expected), O.rows(actual));
        assertEquals(O.cols(expected), O.cols(actual));
        assertArrayEquals(O.toRowMajor(expected), O.toRowMajor(actual), tolerance);
    }

    @Test
    void convolutionOfAStack() {
        ImageShape in = new ImageShape(4, 5, 2);
        Layer<SimpleMatrix, Pair<SimpleMatrix>, SimpleMatrix> conv = Convolution.conv2d(O, in, 3, 1);
        SimpleMatrix k = gaussian(Convolution.kernelRows(in, 3), 3, 1);
        List<SimpleMatrix> images = examples(20, 2, 10);
        // Each output entry is one dot product of length 19 of standard normals: rounding ~1e-15.
        assertStacked(images, O.stack(images), x -> conv.forward(new Pair<>(x, k)).output(), 1e-13);
        assertGradient(conv, new Pair<>(O.stack(images), k), gaussian(COUNT * 20, 3, 2));
    }

    @Test
    void kernelGradientIsTheSumOverTheBatch() {
        ImageShape in = new ImageShape(4, 4, 1);
        Layer<SimpleMatrix, Pair<SimpleMatrix>, SimpleMatrix> conv = Convolution.conv2d(O, in, 3, 1);
        SimpleMatrix k = gaussian(Convolution.kernelRows(in, 3), 2, 3);
        List<SimpleMatrix> images = examples(16, 1, 20);
        List<SimpleMatrix> upstreams = examples(16, 2, 30);
        SimpleMatrix sum = O.zeros(Convolution.kernelRows(in, 3), 2);
        for (int n = 0; n < COUNT; n++) {
            sum = O.add(sum, conv.forward(new Pair<>(images.get(n), k)).adjoint(upstreams.get(n)).second());
        }
        SimpleMatrix batched = conv.forward(new Pair<>(O.stack(images), k)).adjoint(O.stack(upstreams)).second();
        // Sums of 3·16 products of standard normals in another order.
        assertArrayEquals(O.toRowMajor(sum), O.toRowMajor(batched), 1e-12);
    }

    @Test
    void poolingOfAStack() {
        ImageShape in = new ImageShape(4, 6, 3);
        List<SimpleMatrix> images = examples(24, 3, 40);
        Pooling<SimpleMatrix> max = Pooling.max(O, in, 2);
        Pooling<SimpleMatrix> global = Pooling.globalAverage(O, in);
        assertStacked(images, O.stack(images), x -> max.forward(x).output(), 0);
        assertStacked(images, O.stack(images), x -> global.forward(x).output(), 0);
        assertGradient(max, O.stack(images), gaussian(COUNT * 6, 3, 41));
        assertGradient(global, O.stack(images), gaussian(COUNT, 3, 42));
    }

    @Test
    void upperTriangleOfAStack() {
        List<SimpleMatrix> c = new ArrayList<>();
        for (int n = 0; n < COUNT; n++) {
            c.add(SampleMatrices.symmetricWithEigenvalues(O, new double[] {1, 2 + n, 5}, 50 + n));
        }
        Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix> upper = UpperTriangle.of(O, 3);
        assertStacked(c, O.stack(c), x -> upper.forward(x).output(), 0);
        List<SimpleMatrix> u = examples(1, 6, 60);
        Linearization<SimpleMatrix, SimpleMatrix, SimpleMatrix> point = upper.forward(O.stack(c));
        assertArrayEquals(O.toRowMajor(O.stack(List.of(upper.forward(c.get(0)).adjoint(u.get(0)),
                upper.forward(c.get(1)).adjoint(u.get(1)), upper.forward(c.get(2)).adjoint(u.get(2))))),
                O.toRowMajor(point.adjoint(O.stack(u))), 0);
        assertThrows(IllegalArgumentException.class, () -> upper.forward(gaussian(7, 3, 61)));
    }

    @Test
    void dropoutMasksEachExampleByItsSeed() {
        long[] seeds = {11, 12, 13};
        List<SimpleMatrix> rows = examples(1, 40, 70);
        SimpleMatrix batched = Dropout.withMasks(O, 0.3, seeds, 1, 40).forward(O.stack(rows)).output();
        for (int n = 0; n < COUNT; n++) {
            assertArrayEquals(O.toRowMajor(Dropout.withMask(O, 0.3, seeds[n], 1, 40).forward(rows.get(n)).output()),
                    O.toRowMajor(O.block(batched, n, n + 1, 0, 40)), 0);
        }
        assertGradient(Dropout.withMasks(O, 0.3, seeds, 1, 40), O.stack(rows), gaussian(COUNT, 40, 71));
    }

    @Test
    void softmaxCrossEntropySumsTheExamples() {
        int[] labels = {2, 0, 4};
        SimpleMatrix z = gaussian(COUNT, 5, 80);
        double sum = 0;
        for (int n = 0; n < COUNT; n++) {
            sum += O.get(new SoftmaxCrossEntropy<>(O, labels[n]).forward(O.block(z, n, n + 1, 0, 5)).output(), 0, 0);
        }
        assertEquals(sum, O.get(new SoftmaxCrossEntropy<>(O, labels).forward(z).output(), 0, 0), 1e-14);
        assertGradient(new SoftmaxCrossEntropy<>(O, labels), z, O.filled(1, 1, 0.7));
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxCrossEntropy<>(O, 1, 2).forward(z));
    }

    /**
     * O₂P over a stack of features F, once for the batch ({@link Batched}): each example decomposes
     * its own FᵀF, with the same arithmetic as alone, in the stable, the paper's EIG and the SVD
     * forms.
     */
    @Test
    void secondOrderPoolingOverTheBatch() {
        List<SimpleMatrix> f = examples(9, 4, 90);
        for (Function<MatrixOps<SimpleMatrix>, Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix>> form : List.<Function<
                MatrixOps<SimpleMatrix>, Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix>>>of(
                        ops -> DeepO2P.eig(ops, 1e-3, Form.STABLE), ops -> DeepO2P.eig(ops, 1e-3, Form.PAPER),
                        ops -> DeepO2P.svd(ops, 1e-3, Form.PAPER))) {
            Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix> o2p = form.apply(O);
            Batched<SimpleMatrix> batched = Batched.of("o2p", O, 9, form);
            assertStacked(f, O.stack(f), x -> (O.rows(x) == 9 ? o2p : batched).forward(x).output(), 0);
            assertGradient(batched, O.stack(f), gaussian(COUNT * 4, 4, 91));
            assertEquals(COUNT, batched.forward(O.stack(f)).diagnostics().spectra().size());
            assertEquals(o2p.forward(f.get(1)).diagnostics().spectra(),
                    batched.forward(O.stack(f)).diagnostics().spectra().subList(1, 2));
            assertThrows(IllegalArgumentException.class, () -> batched.forward(gaussian(10, 4, 92)));
        }
    }

    /** A non-finite feature is named with its example and its place in that example's F. */
    @Test
    void aNonFiniteFeatureNamesItsExample() {
        List<SimpleMatrix> f = examples(9, 4, 93);
        f.get(2).set(5, 1, Double.NaN);
        Batched<SimpleMatrix> batched = Batched.of("o2p", O, 9, ops -> DeepO2P.eig(ops, 1e-3, Form.STABLE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> batched.forward(O.stack(f)));
        assertEquals("features F of example 2 has a non-finite entry NaN at row 5, column 1", e.getMessage());
    }

    /**
     * The NCuts loss per example ({@link PerExample}), each scene against its own target with its
     * own number of segments, so the examples cannot share one batch backend.
     */
    @Test
    void ncutsLossPerExample() {
        List<SimpleMatrix> f = new ArrayList<>();
        for (int n = 0; n < COUNT; n++) {
            f.add(SampleMatrices.uniform(O, 6, 3, 0.5, 1.5, 94 + n));
        }
        SimpleMatrix[] targets = {SampleMatrices.indicator(O, new int[] {0, 0, 1, 1, 1, 0}, 2),
            SampleMatrices.indicator(O, new int[] {0, 1, 2, 2, 1, 0}, 3),
            SampleMatrices.indicator(O, new int[] {1, 1, 0, 0, 0, 0}, 2)};
        Function<Integer, Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix>> loss = n -> NCutsLosses.linearAffinity(O, 3)
                .then(NCutsLosses.j1(O, targets[n], 1e-10));
        PerExample<SimpleMatrix> batched = PerExample.of("j1", O, 6, loss::apply);
        List<SimpleMatrix> each = new ArrayList<>();
        for (int n = 0; n < COUNT; n++) {
            each.add(loss.apply(n).forward(f.get(n)).output());
        }
        assertArrayEquals(O.toRowMajor(O.stack(each)), O.toRowMajor(batched.forward(O.stack(f)).output()), 0);
        assertGradient(batched, O.stack(f), O.filled(COUNT, 1, 1));
    }

    /**
     * J2 over the whole batch ({@link BatchOps}): the scenes' targets differ in their number of
     * segments, but their projectors Π_Ψ are all m×m, so the loss of W = FFᵀ is one layer over the
     * batch, whose projectors keep each example's own rank (here 3, 2 and 3: the second F repeats a
     * column). Against each example's J2 alone, the values and ∂J/∂F to rounding (sums of a few
     * products of O(1) numbers in other orders: 1e-12), the ranks exactly; and the batched layer
     * passes the dot-product test and finite differences over a batch of full-rank F (a perturbed
     * repeated column would change W's rank, where the projector is not differentiable).
     */
    @Test
    void ncutsJ2OverTheBatch() {
        List<SimpleMatrix> f = new ArrayList<>();
        for (int n = 0; n < COUNT; n++) {
            f.add(SampleMatrices.uniform(O, 6, 3, 0.5, 1.5, 97 + n));
        }
        List<SimpleMatrix> fullRank = List.copyOf(f);
        f.set(1, O.hconcat(O.block(f.get(1), 0, 6, 0, 2), O.block(f.get(1), 0, 6, 0, 1)));
        SimpleMatrix[] targets = {SampleMatrices.indicator(O, new int[] {0, 0, 1, 1, 1, 0}, 2),
            SampleMatrices.indicator(O, new int[] {0, 1, 2, 2, 1, 0}, 3),
            SampleMatrices.indicator(O, new int[] {1, 1, 0, 0, 0, 0}, 2)};
        List<SimpleMatrix> psi = new ArrayList<>();
        List<SimpleMatrix> each = new ArrayList<>();
        List<SimpleMatrix> gradients = new ArrayList<>();
        for (int n = 0; n < COUNT; n++) {
            psi.add(new ProjectorLayer<>(O).forward(targets[n]).output());
            Linearization<SimpleMatrix, SimpleMatrix, SimpleMatrix> alone = NCutsLosses.linearAffinity(O, 3)
                    .then(NCutsLosses.j2(O, targets[n], 1e-10)).forward(f.get(n));
            each.add(alone.output());
            gradients.add(alone.adjoint(O.filled(1, 1, 1)));
        }
        BatchOps<SimpleMatrix> b = BatchOps.of(O, COUNT);
        Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix> batched = NCutsLosses.linearAffinity(b, 3)
                .then(NCutsLosses.j2Against(b, O.stack(psi), 1e-10));
        Linearization<SimpleMatrix, SimpleMatrix, SimpleMatrix> point = batched.forward(O.stack(f));
        assertArrayEquals(O.toRowMajor(O.stack(each)), O.toRowMajor(point.output()), 1e-12);
        assertArrayEquals(O.toRowMajor(O.stack(gradients)), O.toRowMajor(point.adjoint(O.filled(COUNT, 1, 1))), 1e-12);
        assertEquals(List.of(3, 2, 3), point.diagnostics().spectra().stream()
                .filter(s -> s.stage().equals("projector")).map(SpectrumDiagnostics::numericalRank).toList());
        assertGradient(batched, O.stack(fullRank), O.filled(COUNT, 1, 1));
    }
}
