package org.example.layers;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.mbp.backend.EjmlOps;
import org.mbp.verify.GradientAssertions;
import org.mbp.verify.SampleMatrices;

/** Both layers pass every assertion of {@link GradientAssertions}. */
class GradientTest {

    private static final EjmlOps OPS = EjmlOps.DOUBLE;
    /** A 5×3 input with singular values 3, 2, 1: well conditioned. */
    private static final SimpleMatrix A = SampleMatrices.withSingularValues(OPS, 5, 3, new double[] {3, 2, 1}, 7);

    @Test
    void cubic() {
        SimpleMatrix g = SampleMatrices.gaussian(OPS, 5, 3, 8);
        GradientAssertions.assertAdjointConsistent(new Cubic<>(OPS), A);
        GradientAssertions.assertMatchesFiniteDifferences(new Cubic<>(OPS), A, g, 1e-8);
        GradientAssertions.assertSecondOrderTaylor(new Cubic<>(OPS), A, g);
        GradientAssertions.assertMatchesReference(Cubic::new, OPS, A, g, 1e-13);
    }

    @Test
    void sqrtOfGram() {
        SimpleMatrix g = SampleMatrices.gaussian(OPS, 3, 3, 9);
        GradientAssertions.assertAdjointConsistent(MyLayers.sqrtOfGram(OPS), A);
        GradientAssertions.assertMatchesFiniteDifferences(MyLayers.sqrtOfGram(OPS), A, g, 1e-8);
        GradientAssertions.assertSecondOrderTaylor(MyLayers.sqrtOfGram(OPS), A, g);
        GradientAssertions.assertMatchesReference(MyLayers::sqrtOfGram, OPS, A, g, 1e-13);
    }
}
