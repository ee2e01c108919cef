package org.mbp.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.mbp.backend.EjmlOps;
import org.mbp.spectral.CovarianceLayer;
import org.mbp.spectral.SvdFactors;
import org.mbp.spectral.SvdLayer;
import org.mbp.verify.SampleMatrices;

/**
 * A variation or upstream gradient of the wrong shape is refused at the layer, with the layer, the
 * operand and both shapes named, before any backend sees it (the backend's own error names only an
 * operation deep inside the adjoint).
 */
class ShapeCheckedTest {

    private static final EjmlOps O = EjmlOps.DOUBLE;
    private final CovarianceLayer<SimpleMatrix> covariance = new CovarianceLayer<>(O, 1e-3);
    private final SimpleMatrix f = SampleMatrices.gaussian(O, 5, 4, 1);

    @Test
    void anUpstreamOfTheWrongShapeNamesTheOperandAndBothShapes() {
        SimpleMatrix upstream = SampleMatrices.gaussian(O, 5, 5, 2);
        String expected = "covariance(ε=0.001): the upstream gradient ∂L/∂Y is 5×5, but the output Y is 4×4";
        Linearization<SimpleMatrix, SimpleMatrix, SimpleMatrix> point = covariance.forward(f);
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> point.adjoint(upstream)).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> covariance.adjoint(f, upstream))
                .getMessage());
    }

    @Test
    void aVariationOfTheWrongShapeNamesTheOperandAndBothShapes() {
        SimpleMatrix dx = SampleMatrices.gaussian(O, 4, 4, 3);
        assertEquals("covariance(ε=0.001): the variation dX is 4×4, but the input X is 5×4",
                assertThrows(IllegalArgumentException.class, () -> covariance.variation(f, dx)).getMessage());
    }

    @Test
    void aLayerWithSeveralOutputMatricesNamesThePartThatIsWrong() {
        SvdLayer<SimpleMatrix> svd = new SvdLayer<>(O);
        SvdFactors<SimpleMatrix> out = svd.forward(f).output();
        SvdFactors<SimpleMatrix> upstream = new SvdFactors<>(out.u(), out.sigma(), SampleMatrices.gaussian(O, 3, 4, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> svd.adjoint(f, upstream));
        assertEquals(svd.name() + ": the upstream gradient ∂L/∂Y (V) is 3×4, but the output Y (V) is "
                + O.rows(out.v()) + "×" + O.cols(out.v()), e.getMessage());
    }

    @Test
    void upstreamsOfTheRightShapeGoThrough() {
        SimpleMatrix upstream = SampleMatrices.gaussian(O, 4, 4, 2);
        SimpleMatrix gradient = covariance.adjoint(f, upstream);
        assertEquals(5, gradient.numRows());
        assertEquals(4, gradient.numCols());
    }
}
