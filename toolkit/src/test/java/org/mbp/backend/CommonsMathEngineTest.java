package org.mbp.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.mbp.verify.CatalogCheck;
import org.mbp.verify.LayerCase;
import org.mbp.verify.LayerCatalog;
import org.mbp.verify.SampleMatrices;
import org.mbp.verify.Verifier;

/**
 * The second decomposition engine: Commons Math's eigensolver and SVD behind the same double
 * backend. On well-conditioned inputs both engines' factors agree to rounding (the sign
 * convention makes them comparable), and so do the gradients of every layer.
 */
class CommonsMathEngineTest {

    private static final EjmlOps CM = EjmlOps.DOUBLE_COMMONS_MATH;

    @Test
    void decompositionsMatchEjmlsUnderTheSignConvention() {
        assertEquals("double/commons-math", CM.name());
        SimpleMatrix z = SampleMatrices.symmetricWithEigenvalues(CM, new double[] {4, -1, 2.5, 0.5}, 3);
        SymmetricEigen<SimpleMatrix> a = CM.eigSymmetric(z);
        SymmetricEigen<SimpleMatrix> b = EjmlOps.DOUBLE.eigSymmetric(z);
        assertArrayEquals(CM.toRowMajor(b.values()), CM.toRowMajor(a.values()), 1e-14);
        assertArrayEquals(CM.toRowMajor(b.vectors()), CM.toRowMajor(a.vectors()), 1e-13);
        for (int[] shape : new int[][] {{6, 4}, {4, 6}}) {
            SimpleMatrix x = SampleMatrices.withSingularValues(CM, shape[0], shape[1], new double[] {5, 3, 2, 1}, 4);
            for (boolean full : new boolean[] {true, false}) {
                Svd<SimpleMatrix> s = CM.svd(x, full);
                Svd<SimpleMatrix> t = EjmlOps.DOUBLE.svd(x, full);
                assertArrayEquals(CM.toRowMajor(t.sigma()), CM.toRowMajor(s.sigma()), 1e-14);
                assertEquals(CM.cols(t.v()), CM.cols(s.v()));
                assertEquals(CM.cols(t.u()), CM.cols(s.u()));
                assertTrue(CM.norm(CM.sub(CM.multTransA(s.u(), s.u()), CM.identity(CM.cols(s.u())))) < 1e-14);
                assertTrue(CM.norm(CM.sub(CM.multTransA(s.v(), s.v()), CM.identity(CM.cols(s.v())))) < 1e-14);
                SimpleMatrix sigma = CM.diagonalMatrix(s.sigma(), CM.cols(s.u()), CM.cols(s.v()));
                assertTrue(CM.norm(CM.sub(CM.multTransB(CM.mult(s.u(), sigma), s.v()), x)) < 1e-13);
            }
        }
    }

    /**
     * Every layer whose output does not depend on the basis chosen for U₂ (the raw SVD layer's
     * full U does: each engine completes it its own way).
     */
    @Test
    void everyLayersGradientAgreesBetweenEngines() {
        List<LayerCase<SimpleMatrix, ?, ?>> ejml = LayerCatalog.paperLayers(EjmlOps.DOUBLE, 7);
        List<LayerCase<SimpleMatrix, ?, ?>> cm = LayerCatalog.paperLayers(CM, 7);
        for (int i = 0; i < ejml.size(); i++) {
            if (ejml.get(i).name().equals("svd")) {
                continue;
            }
            double difference = Verifier.relativeError(CatalogCheck.flatGradient(cm.get(i)),
                    CatalogCheck.flatGradient(ejml.get(i)));
            assertTrue(difference < 1e-12, ejml.get(i).name() + ": engines differ by " + difference);
        }
    }
}
