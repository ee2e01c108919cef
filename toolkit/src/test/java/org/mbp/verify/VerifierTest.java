package org.mbp.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.mbp.backend.EjmlOps;
import org.mbp.layer.AbstractLayer;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.Layer;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Structure;

/** The checks must catch a wrong adjoint, not only pass right ones. */
class VerifierTest {

    private static final EjmlOps O = EjmlOps.DOUBLE;

    @Test
    void riddersIsAccurateAndEstimatesItsError() {
        Ridders.Estimate e = Ridders.derivative(Math::sin, 0.5);
        assertEquals(1.0, e.value(), 1e-12);
        assertTrue(e.error() < 1e-10 && Math.abs(e.value() - 1) <= 10 * e.error() + 1e-15, e.toString());
        Ridders.Estimate exp = Ridders.derivativeAutoStep(h -> Math.exp(3 + h), 10, 5);
        assertEquals(Math.exp(3), exp.value(), 1e-10 * Math.exp(3));
    }

    /** {@code X ↦ X³} entry-wise, with an adjoint that is off by a small factor on one entry. */
    private static Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix> cube(boolean wrong) {
        return new AbstractLayer<>(wrong ? "wrong-cube" : "cube", O, MatrixSpace.of("X", Structure.GENERAL),
                MatrixSpace.of("Y", Structure.GENERAL)) {
            @Override
            public Linearization<SimpleMatrix, SimpleMatrix, SimpleMatrix> forward(SimpleMatrix x) {
                SimpleMatrix derivative = O.scale(3, O.hadamard(x, x));
                SimpleMatrix adjointDerivative = derivative.copy();
                if (wrong) {
                    adjointDerivative.set(0, 0, adjointDerivative.get(0, 0) * 1.001);
                }
                return Linearization.of(O.hadamard(x, O.hadamard(x, x)), Diagnostics.none(),
                        dx -> O.hadamard(derivative, dx), upstream -> O.hadamard(adjointDerivative, upstream));
            }
        };
    }

    @Test
    void aCorrectLayerPassesEveryCheck() {
        SimpleMatrix x = SampleMatrices.uniform(O, 3, 3, 0.5, 1.5, 1);
        SimpleMatrix y = SampleMatrices.gaussian(O, 3, 3, 2);
        Verifier<SimpleMatrix> v = new Verifier<>(O, 3);
        assertTrue(v.dotProduct(cube(false), x).relativeError() < 1e-14);
        assertTrue(v.gradient(cube(false), x, y).relativeError() < 1e-9);
        assertEquals(2, v.taylor(cube(false), x, y).observedOrder(), 0.1);
    }

    @Test
    void aSlightlyWrongAdjointFailsEveryCheck() {
        SimpleMatrix x = SampleMatrices.uniform(O, 3, 3, 0.5, 1.5, 1);
        SimpleMatrix y = SampleMatrices.gaussian(O, 3, 3, 2);
        Verifier<SimpleMatrix> v = new Verifier<>(O, 3);
        assertTrue(v.dotProduct(cube(true), x).relativeError() > 1e-6);
        GradientResult g = v.gradient(cube(true), x, y);
        assertTrue(g.relativeError() > 1e-5 && g.relativeErrorBound() < 1e-9, g.toString());
        TaylorResult t = v.taylor(cube(true), x, y, O.filled(3, 3, 1));
        assertTrue(Math.abs(t.observedOrder() - 2) > 0.5 || t.pointsUsed() < 3,
                "a wrong gradient leaves a first-order remainder: " + t.observedOrder());
    }

    /** Perturbations respect structure: symmetric stays symmetric, SPD steps of |h| ≤ 1 stay SPD. */
    @Test
    void directionsRespectTheInputStructure() {
        Directions<SimpleMatrix> directions = new Directions<>(O, 9);
        SimpleMatrix spd = SampleMatrices.symmetricWithEigenvalues(O, new double[] {1e-3, 0.5, 2, 7}, 10);
        MatrixSpace<SimpleMatrix> space = MatrixSpace.of("Z", Structure.SYMMETRIC_POSITIVE_DEFINITE);
        for (int trial = 0; trial < 50; trial++) {
            SimpleMatrix d = directions.random(space, spd);
            assertEquals(0, O.norm(O.sub(d, O.transpose(d))), 0.0);
            for (double h : new double[] {-1, 1}) {
                double smallest = O.toRowMajor(O.eigSymmetric(O.add(spd, O.scale(h, d))).values())[0];
                assertTrue(smallest > 0, "λ_min(Z + hD) = " + smallest);
            }
            assertTrue(directions.maxStep(space, spd, d) >= 1.99);
        }
        SimpleMatrix diagonal = directions.random(MatrixSpace.of("Σ", Structure.DIAGONAL), O.zeros(4, 3));
        assertEquals(0, O.norm(O.sub(diagonal, O.diagPart(diagonal))), 0.0);
        assertEquals(4 * 5 / 2, directions.basis(MatrixSpace.of("Z", Structure.SYMMETRIC), spd).size());
        assertEquals(12, directions.basis(MatrixSpace.of("X", Structure.GENERAL), O.zeros(3, 4)).size());
    }
}
