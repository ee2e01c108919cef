package org.example.layers;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.MatrixOps;
import org.mbp.layer.AbstractLayer;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Structure;
import org.mbp.verify.GradientAssertions;
import org.mbp.verify.SampleMatrices;

/** A wrong adjoint fails every assertion, each with a message that says what is wrong. */
class PlantedBugTest {

    /**
     * {@link Cubic}'s forward pass and variation, with the adjoint's middle term transposed:
     * {@code A Ȳ A} for {@code A Ȳᵀ A}.
     */
    static final class WrongCubic<M> extends AbstractLayer<M, M, M> {
        private final Cubic<M> right;

        WrongCubic(MatrixOps<M> ops) {
            super("wrong-cubic", ops, MatrixSpace.of("A", Structure.GENERAL), MatrixSpace.of("Y", Structure.GENERAL));
            this.right = new Cubic<>(ops);
        }

        @Override
        public Linearization<M, M, M> forward(M a) {
            MatrixOps<M> o = ops();
            Linearization<M, M, M> point = right.forward(a);
            M ata = o.multTransA(a, a);
            M aat = o.multTransB(a, a);
            return Linearization.of(point.output(), Diagnostics.none(), point::variation,
                    y -> o.add(o.add(o.mult(y, ata), o.mult(o.mult(a, y), a)), o.mult(aat, y)));
        }
    }

    private static final EjmlOps OPS = EjmlOps.DOUBLE;
    private static final SimpleMatrix A = SampleMatrices.gaussian(OPS, 3, 3, 11);
    private static final SimpleMatrix G = SampleMatrices.gaussian(OPS, 3, 3, 12);

    private static void assertFailsSaying(Runnable assertion, String words) {
        AssertionError e = assertThrows(AssertionError.class, assertion::run);
        assertTrue(e.getMessage().startsWith("wrong-cubic: " + words), e.getMessage());
    }

    @Test
    void everyAssertionFailsWithAUsefulMessage() {
        WrongCubic<SimpleMatrix> wrong = new WrongCubic<>(OPS);
        assertFailsSaying(() -> GradientAssertions.assertAdjointConsistent(wrong, A),
                "adjoint inconsistent with variation");
        assertFailsSaying(() -> GradientAssertions.assertMatchesFiniteDifferences(wrong, A, G, 1e-8),
                "gradient differs from finite differences");
        assertFailsSaying(() -> GradientAssertions.assertSecondOrderTaylor(wrong, A, G),
                "Taylor remainder of order");
        assertFailsSaying(() -> GradientAssertions.assertMatchesReference(WrongCubic::new, OPS, A, G, 1e-12),
                "gradient differs from the 44-digit finite-difference reference");
    }
}
