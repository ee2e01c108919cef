package org.mbp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.mbp.backend.EjmlOps;
import org.mbp.layer.Layer;
import org.mbp.layer.Pair;
import org.mbp.verify.Acceptance;
import org.mbp.verify.GradientAssertions;
import org.mbp.verify.SampleMatrices;

/**
 * Every network block through the verification engine: the dot-product test to
 * {@link Acceptance#DOT_PRODUCT} and Ridders finite differences to
 * {@link Acceptance#FINITE_DIFFERENCE} (the blocks are piecewise polynomial; ReLU and max
 * pooling are smooth away from ties and zeros, which Gaussian inputs avoid), plus values
 * computed by hand or by direct loops.
 */
class NetworkBlocksTest {

    private static final EjmlOps O = EjmlOps.DOUBLE;

    private static SimpleMatrix gaussian(int rows, int cols, long seed) {
        return SampleMatrices.gaussian(O, rows, cols, seed);
    }

    private static <X> void assertGradient(Layer<SimpleMatrix, X, SimpleMatrix> layer, X x, SimpleMatrix upstream) {
        GradientAssertions.assertAdjointConsistent(layer, x, Acceptance.DOT_PRODUCT);
        GradientAssertions.assertMatchesFiniteDifferences(layer, x, upstream, Acceptance.FINITE_DIFFERENCE);
    }

    @Test
    void convolutionHasTheGradientOfItsValues() {
        ImageShape in = new ImageShape(5, 4, 2);
        Layer<SimpleMatrix, Pair<SimpleMatrix>, SimpleMatrix> conv = Convolution.conv2d(O, in, 3, 1);
        Pair<SimpleMatrix> x = new Pair<>(gaussian(20, 2, 1), gaussian(Convolution.kernelRows(in, 3), 3, 2));
        assertGradient(conv, x, gaussian(20, 3, 3));
    }

    @Test
    void convolutionEqualsTheDirectSum() {
        ImageShape in = new ImageShape(4, 5, 2);
        SimpleMatrix x = gaussian(20, 2, 4);
        SimpleMatrix k = gaussian(Convolution.kernelRows(in, 3), 2, 5);
        SimpleMatrix y = Convolution.conv2d(O, in, 3, 1).forward(new Pair<>(x, k)).output();
        for (int oy = 0; oy < 4; oy++) {
            for (int ox = 0; ox < 5; ox++) {
                for (int f = 0; f < 2; f++) {
                    double expected = k.get(18, f);
                    for (int dy = 0; dy < 3; dy++) {
                        for (int dx = 0; dx < 3; dx++) {
                            int yy = oy + dy - 1;
                            int xx = ox + dx - 1;
                            if (yy >= 0 && yy < 4 && xx >= 0 && xx < 5) {
                                for (int c = 0; c < 2; c++) {
                                    expected += x.get(yy * 5 + xx, c) * k.get((dy * 3 + dx) * 2 + c, f);
                                }
                            }
                        }
                    }
                    assertEquals(expected, y.get(oy * 5 + ox, f), 1e-13);
                }
            }
        }
    }

    @Test
    void convolutionWithoutPaddingShrinksTheImage() {
        ImageShape in = new ImageShape(6, 6, 1);
        assertEquals(new ImageShape(4, 4, 3), Convolution.outputShape(in, 3, 0, 3));
        Layer<SimpleMatrix, Pair<SimpleMatrix>, SimpleMatrix> conv = Convolution.conv2d(O, in, 3, 0);
        Pair<SimpleMatrix> x = new Pair<>(gaussian(36, 1, 6), gaussian(10, 3, 7));
        assertGradient(conv, x, gaussian(16, 3, 8));
    }

    @Test
    void badConvolutionInputIsNamed() {
        ImageShape in = new ImageShape(4, 4, 2);
        var conv = Convolution.conv2d(O, in, 3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> conv.forward(new Pair<>(gaussian(15, 2, 1), gaussian(19, 2, 2))));
        assertEquals("convolution input: image matrix is 15×2, expected 16×2 for a 4×4×2 image, or a stack of such"
                + " images (a multiple of 16 rows)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Convolution.conv2d(O, in, 7, 1));
    }

    @Test
    void affineLayer() {
        Pair<SimpleMatrix> x = new Pair<>(gaussian(3, 4, 9), gaussian(5, 2, 10));
        assertGradient(new AffineLayer<>(O), x, gaussian(3, 2, 11));
        SimpleMatrix y = new AffineLayer<>(O).forward(x).output();
        SimpleMatrix w0 = x.second().extractMatrix(0, 4, 0, 2);
        SimpleMatrix b = x.second().extractMatrix(4, 5, 0, 2);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(x.first().extractVector(true, i).mult(w0).get(j) + b.get(j), y.get(i, j), 1e-14);
            }
        }
    }

    @Test
    void relu() {
        SimpleMatrix x = gaussian(6, 3, 12);
        assertGradient(new Relu<>(O), x, gaussian(6, 3, 13));
        SimpleMatrix y = new Relu<>(O).forward(x).output();
        for (int i = 0; i < 18; i++) {
            assertEquals(Math.max(0, x.get(i)), y.get(i), 0);
        }
    }

    @Test
    void maxPoolingTakesTheWindowMaximum() {
        ImageShape in = new ImageShape(2, 4, 1);
        SimpleMatrix x = O.fromRowMajor(8, 1, new double[] {1, 5, 2, 0, 3, 4, -1, 7});
        SimpleMatrix y = Pooling.max(O, in, 2).forward(x).output();
        assertArrayEquals(new double[] {5, 7}, O.toRowMajor(y), 0);
        SimpleMatrix g = Pooling.max(O, in, 2).forward(x).adjoint(O.fromRowMajor(2, 1, new double[] {10, 20}));
        assertArrayEquals(new double[] {0, 10, 0, 0, 0, 0, 0, 20}, O.toRowMajor(g), 0);
        ImageShape big = new ImageShape(4, 6, 3);
        assertGradient(Pooling.max(O, big, 2), gaussian(24, 3, 14), gaussian(6, 3, 15));
    }

    @Test
    void averagePooling() {
        ImageShape in = new ImageShape(2, 4, 1);
        SimpleMatrix x = O.fromRowMajor(8, 1, new double[] {1, 5, 2, 0, 3, 4, -1, 7});
        assertArrayEquals(new double[] {13 / 4.0, 8 / 4.0}, O.toRowMajor(Pooling.average(O, in, 2).forward(x).output()),
                1e-15);
        assertArrayEquals(new double[] {21 / 8.0}, O.toRowMajor(Pooling.globalAverage(O, in).forward(x).output()),
                1e-15);
        ImageShape big = new ImageShape(4, 6, 3);
        assertGradient(Pooling.average(O, big, 2), gaussian(24, 3, 16), gaussian(6, 3, 17));
        assertGradient(Pooling.globalAverage(O, big), gaussian(24, 3, 18), gaussian(1, 3, 19));
        assertThrows(IllegalArgumentException.class, () -> Pooling.max(O, new ImageShape(5, 4, 1), 2));
    }

    @Test
    void dropoutKeepsTheExpectation() {
        Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix> dropout = Dropout.withMask(O, 0.25, 42, 4, 5);
        assertGradient(dropout, gaussian(4, 5, 20), gaussian(4, 5, 21));
        SimpleMatrix y = Dropout.withMask(O, 0.25, 7, 200, 200).forward(O.filled(200, 200, 1)).output();
        long kept = 0;
        for (int i = 0; i < 40000; i++) {
            double v = y.get(i);
            assertEquals(true, v == 0 || Math.abs(v - 4 / 3.0) < 1e-15);
            kept += v == 0 ? 0 : 1;
        }
        // Binomial(40000, 0.75): standard deviation 86.6; 5σ bounds.
        assertEquals(30000, kept, 433);
        assertThrows(IllegalArgumentException.class, () -> Dropout.withMask(O, 1.0, 1, 1, 1));
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> dropout.forward(gaussian(5, 4, 22)));
        assertEquals("dropout: input is 5×4, expected 4×5 (1 example of 4×5)", shape.getMessage());
    }

    @Test
    void softmaxCrossEntropy() {
        SimpleMatrix z = O.fromRowMajor(1, 3, new double[] {0, Math.log(2), Math.log(3)});
        assertEquals(Math.log(2), new SoftmaxCrossEntropy<>(O, 2).forward(z).output().get(0), 1e-15);
        SimpleMatrix g = new SoftmaxCrossEntropy<>(O, 2).forward(z).adjoint(O.filled(1, 1, 1));
        assertArrayEquals(new double[] {1 / 6.0, 2 / 6.0, 3 / 6.0 - 1}, O.toRowMajor(g), 1e-15);
        SimpleMatrix large = O.fromRowMajor(1, 3, new double[] {1000, 0, -1000});
        assertEquals(1000, new SoftmaxCrossEntropy<>(O, 1).forward(large).output().get(0), 1e-12);
        assertGradient(new SoftmaxCrossEntropy<>(O, 1), gaussian(1, 5, 22), O.filled(1, 1, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxCrossEntropy<>(O, 5).forward(z));
    }

    @Test
    void upperTriangle() {
        SimpleMatrix c = SampleMatrices.symmetricWithEigenvalues(O, new double[] {1, 2, 3}, 23);
        SimpleMatrix u = UpperTriangle.of(O, 3).forward(c).output();
        assertArrayEquals(new double[] {c.get(0, 0), c.get(0, 1), c.get(0, 2), c.get(1, 1), c.get(1, 2), c.get(2, 2)},
                O.toRowMajor(u), 0);
        assertGradient(UpperTriangle.of(O, 3), c, gaussian(1, 6, 24));
    }

    @Test
    void constantFeature() {
        SimpleMatrix f = gaussian(5, 2, 25);
        SimpleMatrix y = new ConstantFeature<>(O, 0.5).forward(f).output();
        assertEquals(3, y.getNumCols());
        for (int i = 0; i < 5; i++) {
            assertEquals(f.get(i, 1), y.get(i, 1), 0);
            assertEquals(0.5, y.get(i, 2), 0);
        }
        assertGradient(new ConstantFeature<>(O, 0.5), f, gaussian(5, 3, 26));
    }
}
