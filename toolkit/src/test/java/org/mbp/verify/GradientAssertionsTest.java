package org.mbp.verify;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.MatrixOps;
import org.mbp.layer.AbstractLayer;
import org.mbp.layer.Layer;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Structure;
import org.mbp.function.SpectralFunction;
import org.mbp.ncuts.ProjectorLayer;
import org.mbp.spectral.EigLayer;
import org.mbp.spectral.EigMatrixFunctionLayer;
import org.mbp.spectral.SpectralFunctionLayer;

/** The assertion API on a library layer, on a layer with a wrong adjoint, and at a near tie. */
class GradientAssertionsTest {

    /** A library layer through every assertion. */
    @Test
    void projectorPassesEveryAssertion() {
        EjmlOps ops = EjmlOps.DOUBLE;
        SimpleMatrix a = SampleMatrices.withSingularValues(ops, 6, 3, new double[] {3, 2, 1}, 7);
        SimpleMatrix g = SampleMatrices.gaussian(ops, 6, 6, 8);
        GradientAssertions.assertAdjointConsistent(new ProjectorLayer<>(ops), a);
        GradientAssertions.assertMatchesFiniteDifferences(new ProjectorLayer<>(ops), a, g, 1e-7);
        GradientAssertions.assertSecondOrderTaylor(new ProjectorLayer<>(ops), a, g);
        GradientAssertions.assertMatchesReference(ProjectorLayer::new, ops, a, g, 1e-13);
    }

    /** {@code X ↦ X ∘ X} with the adjoint of {@code X ↦ X ∘ Xᵀ}: right for symmetric X only. */
    static final class Square<M> extends AbstractLayer<M, M, M> {
        Square(MatrixOps<M> ops) {
            super("square", ops, MatrixSpace.of("X", Structure.GENERAL), MatrixSpace.of("Y", Structure.GENERAL));
        }

        @Override
        public Linearization<M, M, M> forward(M x) {
            MatrixOps<M> o = ops();
            return Linearization.of(o.hadamard(x, x), org.mbp.layer.Diagnostics.none(),
                    dx -> o.scale(2, o.hadamard(x, dx)), y -> o.scale(2, o.hadamard(o.transpose(x), y)));
        }
    }

    /** The predicted bound tells a well-separated input from one beyond the paper's form. */
    @Test
    void theErrorBoundAssertionTellsTheInputsBeyondThePapersForm() {
        EjmlOps ops = EjmlOps.DOUBLE;
        SimpleMatrix separated = SampleMatrices.symmetricWithEigenvalues(ops, new double[] {1, 2, 4}, 5);
        SimpleMatrix close = SampleMatrices.symmetricWithEigenvalues(ops, new double[] {1, 2, 2 + 1e-11}, 5);
        Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix> paper = new EigLayer<>(ops)
                .then(new EigMatrixFunctionLayer<>(ops, SpectralFunction.log()));
        GradientAssertions.assertErrorBoundBelow(paper, separated, 1e-12);
        AssertionError beyond = assertThrows(AssertionError.class,
                () -> GradientAssertions.assertErrorBoundBelow(paper, close, 1e-6));
        assertTrue(beyond.getMessage().contains("nearly equal"), beyond.getMessage());
        assertTrue(GradientAssertions.errorBound(paper, close).exceeds(1e-6));
        GradientAssertions.assertErrorBoundBelow(SpectralFunctionLayer.ofSymmetric(ops, SpectralFunction.log()),
                close, 1e-12);
    }

    @Test
    void aWrongAdjointFailsEveryAssertionWithItsNumbers() {
        EjmlOps ops = EjmlOps.DOUBLE;
        SimpleMatrix x = SampleMatrices.gaussian(ops, 3, 3, 1);
        SimpleMatrix y = SampleMatrices.gaussian(ops, 3, 3, 2);
        Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix> wrong = new Square<>(ops);
        AssertionError dot = assertThrows(AssertionError.class, () -> GradientAssertions.assertAdjointConsistent(wrong, x));
        assertTrue(dot.getMessage().contains("adjoint inconsistent"), dot.getMessage());
        assertThrows(AssertionError.class, () -> GradientAssertions.assertMatchesFiniteDifferences(wrong, x, y, 1e-7));
        assertThrows(AssertionError.class, () -> GradientAssertions.assertSecondOrderTaylor(wrong, x, y));
    }

    /** The paper's route to log(Z): a composition, so a generic method rather than a lambda. */
    private static <M> Layer<M, M, M> paperLog(MatrixOps<M> o) {
        return new org.mbp.spectral.EigLayer<>(o).then(new org.mbp.spectral.EigMatrixFunctionLayer<>(o,
                org.mbp.function.SpectralFunction.log()));
    }

    /**
     * The reference differentiates the forward pass at 44 digits, so it also judges numerical
     * accuracy: the paper's EIG route to log(Z) at a relative gap of 3e-13 passes the dot-product
     * test (both sides share the rounding) but misses the reference by far; the gap-stable form
     * matches it.
     */
    @Test
    void theReferenceCatchesWhatRoundingDoes() {
        EjmlOps ops = EjmlOps.DOUBLE;
        SimpleMatrix z = SampleMatrices.symmetricWithEigenvalues(ops, new double[] {1, 2, 2 + 3e-13, 3}, 4);
        SimpleMatrix g = SampleMatrices.gaussian(ops, 4, 4, 5);
        AssertionError reference = assertThrows(AssertionError.class,
                () -> GradientAssertions.assertMatchesReference(GradientAssertionsTest::paperLog, ops, z, g, 1e-8));
        assertTrue(reference.getMessage().contains(org.mbp.precise.HighPrecision.DEFAULT_DIGITS
                + "-digit finite-difference reference"), reference.getMessage());
        GradientAssertions.assertMatchesReference(o -> org.mbp.spectral.SpectralFunctionLayer.ofSymmetric(o,
                org.mbp.function.SpectralFunction.log()), ops, z, g, 1e-13);
    }
}
